"""The service's outbound HTTP requests (federation): HTTP(S) only, and never redirected.

The federation allow-list names the endpoints and graphs a query may reach. A redirect would
take a request past it (an allow-listed server answering ``302 Location: http://127.0.0.1:...``
or ``file:///etc/passwd``), so redirects are refused at every hop, and only ``http`` and
``https`` are spoken at all. rdflib fetches ``SERVICE`` answers and ``FROM`` graphs through
urllib's installed opener: a query that may reach out runs in a process of its own, which
installs :data:`NO_REDIRECTS` first (:func:`refuse_redirects_in_this_process`). Oxigraph's own
``SERVICE`` client follows no redirect by default.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from email.message import Message
from typing import IO, NoReturn


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """Turns every redirect into an error that names where it pointed."""

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
        headers: Message, newurl: str,
    ) -> NoReturn:
        raise urllib.error.HTTPError(
            req.full_url, code,
            f"{req.full_url} redirects to {newurl}; federation requests follow no redirect",
            headers, fp,
        )


def _opener() -> urllib.request.OpenerDirector:
    """An opener that speaks HTTP and HTTPS only (no ``file:``, no ``ftp:``), with no redirects."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(), _RefuseRedirects(),
        urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener


NO_REDIRECTS = _opener()
"""The opener of every outbound request the service makes for a query."""


def refuse_redirects_in_this_process() -> None:
    """Make urllib's default opener :data:`NO_REDIRECTS` in this process (a query's own)."""
    urllib.request.install_opener(NO_REDIRECTS)
