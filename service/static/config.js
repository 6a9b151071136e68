// The form's settings, written into the page by the server, and a short element look-up.

export const config = JSON.parse(document.getElementById("form-config").textContent);

export const byId = (id) => document.getElementById(id);
