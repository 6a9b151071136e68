"""`critmin evaluate`: a build's agreements and controls tables scored against a gold file.

End to end on three short texts written here (built once per module), with a gold file that
gives every kind of verdict: ``ok``, ``MISSING`` and ``wrong ...``, plus a row no gold fact
names. Where the development corpus and its gold file are at hand, the command must report
the same figures as the team's ``../shared/tools/score_tables.py`` on the same build.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from critmin.service.cli import main

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus-dev"
DEV_GOLD = SHARED / "gold" / "dev.yaml"
SCORE_TABLES = SHARED / "tools" / "score_tables.py"

TEXTS = {
    "lithium_mou.txt": (
        "Andes Lithium Brief\n\n"
        "Chile and Japan signed a memorandum of understanding on lithium refining on "
        "March 3, 2024. The memorandum is not legally binding.\n"
    ),
    "gallium_ban.txt": (
        "Gallium Watch\n\n"
        "China banned exports of gallium and germanium to the United States on December 3, "
        "2024. Officials said the ban would stay in place.\n"
    ),
    "nickel_news.txt": (
        "Nickel Notes\n\n"
        "Canada and Australia signed a critical minerals framework on May 5, 2024. "
        "Indonesia banned exports of nickel ore on January 1, 2020.\n"
    ),
}

# The manifest, in the shape of ../shared/corpus-dev/metadata.yaml (sha256 added by write_corpus).
METADATA = {
    "lithium_mou.txt": {"title": "Andes Lithium Brief", "date": "2024-03-04"},
    "gallium_ban.txt": {"title": "Gallium Watch", "date": "2024-12-04"},
    "nickel_news.txt": {"title": "Nickel Notes", "date": "2024-05-06"},
}

GOLD = """\
- doc: lithium_mou.txt
  agreements:
    - id: a1
      label: Chile-Japan memorandum on lithium refining
      kind: mou
      parties: [Chile, Japan]
      binding: false
      date: 2024-03-03
      evidence: "signed a memorandum of understanding on lithium refining"
    - id: a2                      # not in the text: no row can be found for it
      label: Chile-Korea lithium offtake deal
      kind: deal
      parties: [Chile, Republic of Korea]
      date: 2024
- doc: gallium_ban.txt
  controls:
    - id: c1                      # the imposer under an alias of China
      label: China's gallium and germanium export ban on the United States
      kind: export-ban
      imposer: People's Republic of China
      date: 2024-12
- doc: nickel_news.txt
  agreements:
    - id: a1                      # the text says framework: the row's kind is wrong
      label: Canada-Australia minerals deal
      kind: deal
      parties: [Canada, Australia]
      date: 2024-05
  controls: []                    # Indonesia's nickel ban is left out: its row is unmatched
"""

VERDICTS = [
    "agreement lit#a1 Chile-Japan memorandum on lithium refining: ok",
    "agreement lit#a2 Chile-Korea lithium offtake deal: MISSING",
    "control gal#c1 China's gallium and germanium export ban on the United States: ok",
    "agreement nic#a1 Canada-Australia minerals deal: wrong kind=framework binding=unknown",
]
# 1 of 3 agreements, 1 of 1 control; 3 of the 4 rows serve a gold fact (one of them wrongly).
SUMMARY = "agreements recall=0.33 controls recall=1.00 unmatched_rows=1 precision=0.75"

PERFECT_GOLD = """\
- doc: lithium_mou.txt
  agreements:
    - {id: a1, label: Chile-Japan MoU, kind: mou, parties: [Chile, Japan], binding: false}
- doc: gallium_ban.txt
  controls:
    - {id: c1, label: China's ban, kind: export-ban, imposer: China, date: 2024-12-03}
- doc: nickel_news.txt
  agreements:
    - {id: a1, label: Canada-Australia framework, kind: framework, parties: [Canada, Australia]}
  controls:
    - {id: c1, label: Indonesia's nickel ore ban, kind: export-control, imposer: Indonesia}
"""

SUMMARY_LINE = re.compile(
    r"agreements recall=(?P<agreements>\d+\.\d\d) controls recall=(?P<controls>\d+\.\d\d) "
    r"unmatched_rows=(?P<unmatched>\d+) precision=(?P<precision>\d+\.\d\d)"
)


def figures(output: str) -> dict[str, float]:
    """The recalls, unmatched rows and precision of the summary line (the last one)."""
    match = SUMMARY_LINE.fullmatch(output.strip().splitlines()[-1])
    assert match, f"no summary line at the end of:\n{output}"
    return {name: float(value) for name, value in match.groupdict().items()}


def doc_iri(text: str) -> str:
    """The IRI of a text's document node: the first 16 hex digits of its sha256."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"https://w3id.org/critmin/id/doc/{sha[:16]}"


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    manifest = []
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        fields = {**METADATA[name], "author": "Staff", "publisher": "critmin tests"}
        manifest.append(f"{name}:\n" + "".join(f"  {k}: '{v}'\n" for k, v in fields.items()))
        manifest.append(f"  sha256: '{sha}'\n")
    (folder / "metadata.yaml").write_text("".join(manifest), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("evaluate")


@pytest.fixture(scope="module")
def corpus(folder: Path) -> Path:
    return write_corpus(folder / "corpus")


@pytest.fixture(scope="module")
def data_file(corpus: Path, folder: Path) -> Path:
    """The corpus built once with `critmin build`."""
    out = folder / "tiny.trig"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["build", "--corpus", str(corpus), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def gold_file(folder: Path) -> Path:
    path = folder / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    return path


def evaluate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["evaluate", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_verdicts_unmatched_rows_and_summary(
    data_file: Path, gold_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = evaluate(capsys, "--data", str(data_file), "--gold", str(gold_file))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[: len(VERDICTS)] == VERDICTS
    # Indonesia's nickel ban, the one row no gold fact names, with the document it came from.
    assert len(lines) == len(VERDICTS) + 2
    assert re.fullmatch(
        rf"unmatched control row: Indonesia .*\({re.escape(doc_iri(TEXTS['nickel_news.txt']))}\)",
        lines[-2],
    ), lines[-2]
    assert lines[-1] == SUMMARY
    assert figures(out) == {"agreements": 0.33, "controls": 1.0, "unmatched": 1, "precision": 0.75}


def test_building_the_corpus_scores_the_same_as_reading_its_build(
    corpus: Path, data_file: Path, gold_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, from_data, _ = evaluate(capsys, "--data", str(data_file), "--gold", str(gold_file))
    status, from_corpus, err = evaluate(
        capsys, "--corpus", str(corpus), "--metadata", str(corpus / "metadata.yaml"),
        "--gold", str(gold_file),
    )
    assert (status, err) == (0, "")
    assert from_corpus == from_data


@pytest.mark.parametrize(
    ("minimum", "status"),
    [
        ("0", 0),
        ("0.33", 0),  # agreements recall is 1/3, a shade over 0.33
        ("0.34", 1),
        ("0.5", 1),  # agreements recall alone is under it (precision is 0.75)
        ("1", 1),
    ],
)
def test_exit_1_when_a_recall_is_under_min(
    data_file: Path, gold_file: Path, capsys: pytest.CaptureFixture[str], minimum: str,
    status: int,
) -> None:
    got, out, err = evaluate(
        capsys, "--data", str(data_file), "--gold", str(gold_file), "--min", minimum
    )
    assert (got, err) == (status, "")
    # Verdicts and figures are printed whatever the exit status.
    assert out.splitlines()[-1] == SUMMARY


def test_every_fact_found_passes_min_1(
    data_file: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = folder / "perfect.yaml"
    gold.write_text(PERFECT_GOLD, encoding="utf-8")
    status, out, err = evaluate(capsys, "--data", str(data_file), "--gold", str(gold), "--min", "1")
    assert (status, err) == (0, "")
    assert out.splitlines()[-1] == (
        "agreements recall=1.00 controls recall=1.00 unmatched_rows=0 precision=1.00"
    )
    assert not [line for line in out.splitlines() if line.startswith("unmatched")]


BAD_FILES = {
    "malformed.yaml": "- doc: lithium_mou.txt\n  agreements: [unclosed\n",
    "no_parties.yaml": "- doc: lithium_mou.txt\n  agreements: [{id: a1, label: x, kind: mou}]\n",
    "stranger.yaml": "- doc: cobalt.txt\n  agreements: []\n",
    "wrong_sha.yaml": f"lithium_mou.txt:\n  sha256: '{'a' * 64}'\n",
}


@pytest.fixture(scope="module")
def bad_files(folder: Path) -> Path:
    bad = folder / "bad"
    bad.mkdir()
    for name, text in BAD_FILES.items():
        (bad / name).write_text(text, encoding="utf-8")
    return bad


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ("--data {data} --gold {bad}/no-such-gold.yaml", r"no-such-gold\.yaml: cannot read"),
        ("--data {data} --gold {bad}/malformed.yaml", r"malformed\.yaml: not a YAML file"),
        ("--data {data} --gold {bad}/no_parties.yaml", r"mou\.txt: agreements a1 lacks parties"),
        ("--data {data} --gold {bad}/stranger.yaml", r"the dataset has no document cobalt\.txt"),
        ("--corpus {bad}/no-such-corpus --gold {gold}", r"no-such-corpus: no such folder"),
        ("--data {bad}/no-such.trig --gold {gold}", r"no-such\.trig does not exist"),
        ("--corpus {corpus} --data {data} --gold {gold}", r"give either --corpus DIR .* or --data"),
        ("--gold {gold}", r"give either --corpus DIR .* or --data FILE"),
        (
            "--corpus {corpus} --metadata {bad}/wrong_sha.yaml --gold {gold}",
            r"lithium_mou\.txt: sha256 \w+ does not match the metadata",
        ),
    ],
)
def test_bad_input_exits_2_with_a_one_line_error(
    corpus: Path, data_file: Path, gold_file: Path, bad_files: Path,
    capsys: pytest.CaptureFixture[str], arguments: str, message: str,
) -> None:
    paths = {"corpus": corpus, "data": data_file, "gold": gold_file, "bad": bad_files}
    status, out, err = evaluate(capsys, *(word.format(**paths) for word in arguments.split()))
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1, err
    assert re.match(rf"critmin evaluate: error: .*{message}", err), err


def test_help_names_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["evaluate", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for option in ("--gold", "--corpus", "--data", "--metadata", "--min"):
        assert option in out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "evaluate" in capsys.readouterr().out


# --- The development corpus: the same figures as ../shared/tools/score_tables.py -------------


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The development corpus built once with `critmin build` (its metadata.yaml is found in
    the folder), and its two tables written with `critmin query ... --format csv`."""
    if not (DEV_CORPUS.is_dir() and DEV_GOLD.is_file() and SCORE_TABLES.is_file()):
        pytest.skip(
            f"development corpus, gold file or scorer not found: {DEV_CORPUS.resolve()}, "
            f"{DEV_GOLD.resolve()}, {SCORE_TABLES.resolve()}"
        )
    folder = tmp_path_factory.mktemp("dev")
    files = {"data": folder / "dev.trig"}
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["build", "--corpus", str(DEV_CORPUS), "--out", str(files["data"])]) == 0
    for table in ("agreements", "controls"):
        text = io.StringIO()
        with contextlib.redirect_stdout(text):
            status = main(["query", table, "--data", str(files["data"]), "--format", "csv"])
        assert status == 0
        files[table] = folder / f"{table}.csv"
        files[table].write_text(text.getvalue(), encoding="utf-8", newline="")
    return files


@pytest.mark.corpus
def test_dev_corpus_scores_as_score_tables_does(
    dev_build: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, ours, err = evaluate(
        capsys, "--data", str(dev_build["data"]), "--gold", str(DEV_GOLD)
    )
    assert (status, err) == (0, "")
    theirs = subprocess.run(
        [
            sys.executable, str(SCORE_TABLES), "--corpus", str(DEV_CORPUS), str(DEV_GOLD),
            str(dev_build["agreements"]), str(dev_build["controls"]),
        ],
        capture_output=True, text=True, check=False,
    )
    assert theirs.returncode in (0, 1), theirs.stderr
    print(f"\ncritmin evaluate: {ours.splitlines()[-1]}")
    print(f"score_tables.py:  {theirs.stdout.splitlines()[-1]}")
    assert figures(ours) == figures(theirs.stdout)
    # The verdict of every gold fact is the same line, in the same order.
    verdicts = [line for line in ours.splitlines()[:-1] if not line.startswith("unmatched ")]
    assert verdicts == theirs.stdout.splitlines()[:-1]
    unmatched = [line for line in ours.splitlines() if line.startswith("unmatched ")]
    assert len(unmatched) == figures(ours)["unmatched"]
