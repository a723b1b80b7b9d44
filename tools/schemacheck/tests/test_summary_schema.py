"""`sprint-report summary --format json` against docs/summary.schema.json.

Real documents from the built binary must validate (every bundled sample, generated
exports, small files that provoke every kind of finding, null figure and node, comparisons
with a baseline window, the summary.json of a site), with their keys in the documented
order; documents broken on purpose must not. SPRINT_REPORT names the binary
(tools/schemacheck/run sets it).
"""

import copy
import json
import os
import pathlib
import subprocess

import pytest
from jsonschema import Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parents[3]
SCHEMA_PATH = ROOT / "docs" / "summary.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
BIN = os.environ.get("SPRINT_REPORT") or str(ROOT / ".build" / "debug" / "sprint-report")
SAMPLES = sorted(p for p in (ROOT / "site-example" / "data").iterdir() if p.is_file())
DEFS = SCHEMA["$defs"]


def _no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, f"duplicate keys in one object: {dupes}"
    return dict(pairs)


def run(*args, stdin=None, cwd=ROOT):
    """Runs the binary; returns (exit status, stdout, stderr)."""
    p = subprocess.run([BIN, *args], cwd=cwd, input=stdin, capture_output=True, timeout=300)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def summary(*args, stdin=None, cwd=ROOT):
    """The parsed document of `summary --format json ARGS` (exit status 0 required)."""
    status, out, err = run("summary", "--format", "json", *args, stdin=stdin, cwd=cwd)
    assert status == 0, f"summary {' '.join(map(str, args))} exited {status}: {err}"
    return json.loads(out.decode("utf-8"), object_pairs_hook=_no_duplicate_keys)


def problems(doc):
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(doc)]


def assert_valid(doc):
    found = problems(doc)
    assert not found, "the document does not match the schema:\n" + "\n".join(found[:20])


def assert_key_order(doc):
    """Keys in the order docs/summary-json.md gives (the schema's `required` lists; with
    --compare, `baseline` after `window`, and `baseline`, `change` after a team's or node's
    `bands`)."""
    summary_keys = DEFS["summary"]["required"]
    compared = "baseline" in doc
    comparison_keys = ["baseline", "change"] if compared else []
    team_keys = DEFS["team"]["required"][:-1] + summary_keys + comparison_keys + ["series"]
    node_keys = DEFS["node"]["required"] + summary_keys + comparison_keys
    top_keys = list(SCHEMA["required"])
    if compared:
        top_keys.insert(top_keys.index("window") + 1, "baseline")
        assert list(doc["baseline"]) == ["window"]
        assert list(doc["baseline"]["window"]) == ["from", "to"]
    assert list(doc) == top_keys
    assert list(doc["window"]) == ["from", "to"]
    for i in doc["inputs"]:
        assert list(i) == DEFS["input"]["required"]
    for t in doc["teams"]:
        assert list(t) == team_keys, t["key"]
        for p in t["series"]:
            assert list(p) == DEFS["point"]["required"]
    for n in doc["nodes"]:
        assert list(n) == node_keys, n["path"]
    for x in doc["teams"] + doc["nodes"]:
        assert list(x["bands"]) == DEFS["summary"]["properties"]["bands"]["required"]
        if x["forecast"] is not None:
            assert list(x["forecast"]) == ["low", "median", "high"]
        order = DEFS["additiveMetric"]["enum"]
        assert list(x["totals"]) == [m for m in order if m in x["totals"]]
    for f in doc["findings"]:
        assert list(f) == DEFS["finding"]["required"]
    change_keys = DEFS["change"]["anyOf"][0]["required"]
    move_keys = DEFS["bandMove"]["anyOf"][0]["required"]
    for x in doc["teams"] + doc["nodes"] if compared else []:
        if x["baseline"] is not None:
            assert list(x["baseline"]) == summary_keys
            assert list(x["baseline"]["bands"]) == list(x["bands"])
        if x["change"] is not None:
            assert list(x["change"]) == change_keys
            assert list(x["change"]["bands"]) == list(x["bands"])
            for k in change_keys[:-1]:
                assert x["change"][k] is None or list(x["change"][k]) == ["delta", "direction"]
            for m in x["change"]["bands"].values():
                assert m is None or list(m) == move_keys


def check(doc):
    assert_valid(doc)
    assert_key_order(doc)
    return doc


# ---------------------------------------------------------------------------------------
# The schema itself


def test_the_schema_is_a_valid_2020_12_schema():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_every_field_of_the_schema_is_explained_in_the_docs():
    text = (ROOT / "docs" / "summary-json.md").read_text(encoding="utf-8")
    names = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.get("properties", {}).items():
                names.add(k)
                walk(v)
            for v in node.values():
                if isinstance(v, (dict, list)):
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(SCHEMA)
    missing = sorted(n for n in names if f"`{n}`" not in text)
    assert not missing, f"docs/summary-json.md does not explain: {missing}"


def test_shared_pins_agree_with_the_page_checker():
    """Both lists install into the one .venv: a package in both must have one version."""

    def pins(path):
        out = {}
        for line in (ROOT / path).read_text().splitlines():
            line = line.split("#")[0].strip()
            if "==" in line:
                name, version = line.split("==")
                out[name.strip().lower().replace("_", "-")] = version.strip()
        return out

    ours, theirs = pins("tools/schemacheck/requirements.txt"), pins("tools/pagecheck/requirements.txt")
    assert "jsonschema" in ours
    clashes = {n: (ours[n], theirs[n]) for n in ours.keys() & theirs.keys() if ours[n] != theirs[n]}
    assert not clashes


# ---------------------------------------------------------------------------------------
# Real output validates


def test_the_bundled_samples_are_there():
    assert len(SAMPLES) >= 5, SAMPLES


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_each_bundled_sample(sample):
    doc = check(summary(sample.relative_to(ROOT)))
    assert doc["teams"] and doc["nodes"]
    assert doc["inputs"][0]["path"] == str(sample.relative_to(ROOT))


def test_all_bundled_samples_merged_in_one_run():
    doc = check(summary(*[s.relative_to(ROOT) for s in SAMPLES]))
    assert len(doc["inputs"]) == len(SAMPLES)
    assert {t["mode"] for t in doc["teams"]} == {"STORY_POINTS", "TICKETS"}


def test_a_window_in_the_middle_of_a_sample():
    doc = check(summary("--from", "2026-01-01", "--to", "2026-03-31",
                        "site-example/data/platform-team-sprints.csv.gz"))
    assert doc["window"] == {"from": "2026-01-01", "to": "2026-03-31"}
    assert doc["teams"][0]["periods"] == 6


def test_a_window_with_no_period_in_it():
    doc = check(summary("--from", "2040-01-01", "site-example/data/platform-team-sprints.csv.gz"))
    assert doc["teams"] == [] and doc["nodes"] == []
    assert doc["window"] == {"from": "2040-01-01", "to": None}


def test_standard_input():
    data = (ROOT / "site-example" / "data" / "long-shape.csv").read_bytes()
    doc = check(summary("-", stdin=data))
    assert doc["inputs"][0]["path"] == "-"
    assert doc["inputs"][0]["shape"] == "long"


@pytest.mark.parametrize("options", [
    ["--level", "team", "--mode", "both"],
    ["--level", "team", "--granularity", "QUARTERLY", "--mode", "TICKETS"],
    ["--mode", "both", "--sprints", "40"],
], ids=["team-both", "team-quarterly-tickets", "sprint-both"])
def test_generated_exports(tmp_path, options):
    out = tmp_path / "generated.csv.gz"
    status, _, err = run("sample", "--teams", "35", *options, "--output", str(out))
    assert status == 0, err
    doc = check(summary(out))
    assert {t["level"] for t in doc["teams"]} == {options[1] if options[0] == "--level" else "sprint"}


# Small exports that provoke what the samples never show: derived values, every kind of
# finding, undefined figures, an approximate velocity, a node with its own rows.
HOSTILE = {
    "derived.csv": (
        "Team,Sprint,Start_Date,End_Date,Sprint_Commit,Sprint_Creep,Delivered_Commit,Delivered_Creep,Sprint_Size\n"
        "Kite,Kite 1,2026-01-05,2026-01-18,20,5,16,3,\n"
        "Kite,Kite 2,2026-01-19,2026-02-01,24,0,18,,30\n"
    ),
    "own-rows.csv": (
        "Team,Team_Hierarchy,Granularity,Start_Date,End_Date,Sprint_Commit,Total_Work_Delivered,Sprint_Velocity\n"
        "Owl,Eng/Web/Owl,Jan 2026,2026-01-01,2026-01-31,40,30,15\n"
        "Owl,Eng/Web/Owl,Feb 2026,2026-02-01,2026-02-28,36,,12\n"
        "Web,Eng/Web,Jan 2026,2026-01-01,2026-01-31,45,33,11\n"
    ),
    "findings.csv": (
        "Team,Sprint,Start_Date,Sprint_Commit,Delivered_Commit,Notes,Bonus\n"
        "A,S1,2026-01-05,10,-2,hello,1\n"
        "A,S2,2026-01-19,abc,5,x,2\n"
        "A,S3,2026-02-02,,,y,\n"
        "A,S1,2026-01-05,11,3,z,1\n"
        "\"B \"\"quoted\"\" <b>\",S1,,1e3,\"1,000\",,\n"
    ),
    # One team id under another name in a later file: a renamed team (team-renamed).
    "renamed-before.csv": (
        "Team_Id,Team,Sprint,Start_Date,End_Date,Sprint_Commit,Delivered_Commit\n"
        "t9,Old Name,R1,2026-01-05,2026-01-18,10,8\n"
    ),
    "renamed-after.csv": (
        "Team_Id,Team,Sprint,Start_Date,End_Date,Sprint_Commit,Delivered_Commit\n"
        "t9,New Name,R2,2026-01-19,2026-02-01,10,9\n"
    ),
}


def test_hostile_exports_cover_every_kind_and_null(tmp_path):
    for name, text in HOSTILE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    doc = check(summary(*HOSTILE, cwd=tmp_path))
    kinds = {f["kind"] for f in doc["findings"]}
    assert kinds == set(DEFS["finding"]["properties"]["kind"]["enum"]), kinds
    assert {f["severity"] for f in doc["findings"]} == {"warning", "info"}
    assert any(f["line"] is None for f in doc["findings"])
    assert any(f["period"] is None for f in doc["findings"])
    assert any(n["rolledUp"] is False for n in doc["nodes"])
    everyone = doc["teams"] + doc["nodes"]
    assert any(x["velocityApproximate"] for x in everyone)
    assert any(x["forecast"] is None for x in everyone)
    assert any(x["coefficientOfVariation"] is None for x in everyone)
    assert any(None in x["bands"].values() for x in everyone)
    points = [p for t in doc["teams"] for p in t["series"]]
    assert any(p["derived"] for p in points)
    assert any(p["end"] is None for p in points)
    assert any(p["rolling"] is None for p in points)
    assert any(p["start"] is None for p in points)
    renamed = [f for f in doc["findings"] if f["kind"] == "team-renamed"]
    assert [(f["severity"], f["team"], f["file"]) for f in renamed] == [("info", "New Name", "renamed-after.csv")]
    assert "Old Name" in renamed[0]["message"]


# ---------------------------------------------------------------------------------------
# Comparisons with a baseline window (--compare) validate


# A report window every sample has data in, and data in the window of the same length
# before it (2025-12-04 to 2026-01-31): `previous` gives real baselines and changes.
COMPARED = ["--from", "2026-02-01", "--to", "2026-03-31"]


def assert_compared(doc):
    """Every team and node carries baseline and change; change is null exactly when
    baseline is."""
    for x in doc["teams"] + doc["nodes"]:
        assert (x["baseline"] is None) == (x["change"] is None)
    return doc


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_each_bundled_sample_compared_with_the_previous_window(sample):
    doc = assert_compared(check(summary(*COMPARED, "--compare", "previous", sample.relative_to(ROOT))))
    assert doc["baseline"] == {"window": {"from": "2025-12-04", "to": "2026-01-31"}}
    assert any(t["change"] is not None for t in doc["teams"])


def test_all_bundled_samples_merged_compared_with_a_named_window():
    doc = assert_compared(check(summary(*COMPARED, "--compare", "2026-01-01..2026-01-31",
                                        *[s.relative_to(ROOT) for s in SAMPLES])))
    assert doc["baseline"] == {"window": {"from": "2026-01-01", "to": "2026-01-31"}}
    changes = [x["change"] for x in doc["teams"] + doc["nodes"] if x["change"] is not None]
    assert changes, "no team or node has a baseline in January"
    words = {c[k]["direction"] for c in changes for k in c if k != "bands" and c[k] is not None}
    assert {"better", "worse", "up", "down"} <= words, words
    assert any(m is not None and m["from"] != m["to"] for c in changes for m in c["bands"].values())


def test_a_compare_without_any_baseline_data():
    """The quarter before the samples begin: every baseline and change is null."""
    doc = assert_compared(check(summary("--from", "2026-01-01", "--to", "2026-03-31", "--compare", "previous",
                                        "site-example/data/engineering-org-monthly.csv.gz")))
    assert doc["baseline"] == {"window": {"from": "2025-10-03", "to": "2025-12-31"}}
    assert all(x["baseline"] is None and x["change"] is None for x in doc["teams"] + doc["nodes"])


def test_the_summary_json_of_a_site(tmp_path):
    """build writes summary.json: what summary --format json prints for the same options."""
    sample = "site-example/data/engineering-org-monthly.csv.gz"
    options = ["--from", "2026-04-01", "--to", "2026-06-30", "--compare", "previous"]
    status, _, err = run("build", sample, *options, "--quiet", "--output", str(tmp_path / "site"))
    assert status == 0, err
    written = (tmp_path / "site" / "summary.json").read_bytes()
    status, printed, err = run("summary", "--format", "json", sample, *options)
    assert status == 0, err
    assert written == printed
    check(json.loads(written.decode("utf-8"), object_pairs_hook=_no_duplicate_keys))


# ---------------------------------------------------------------------------------------
# Broken documents fail: the check can fail


@pytest.fixture(scope="module")
def valid_doc():
    doc = summary("site-example/data/platform-team-sprints.csv.gz")
    assert_valid(doc)
    return doc


def test_a_document_missing_a_required_field_fails(valid_doc):
    doc = copy.deepcopy(valid_doc)
    del doc["teams"][0]["velocity"]
    found = problems(doc)
    assert any("'velocity' is a required property" in p for p in found), found


def _drop(path):
    def f(doc):
        *parents, last = path
        node = doc
        for k in parents:
            node = node[k]
        del node[last]
    return f


def _set(path, value):
    def f(doc):
        *parents, last = path
        node = doc
        for k in parents:
            node = node[k]
        node[last] = value
    return f


BROKEN = {
    "no findings": _drop(["findings"]),
    "no node bands entry": _drop(["nodes", 0, "bands", "sayDoPercent"]),
    "no derived list": _drop(["teams", 0, "series", 0, "derived"]),
    "no input hash": _drop(["inputs", 0, "sha256"]),
    "velocity as text": _set(["teams", 0, "velocity"], "20.5"),
    "periods as a fraction": _set(["teams", 0, "periods"], 1.5),
    "unknown finding kind": _set(["findings"], [{"severity": "warning", "kind": "made-up", "file": None,
                                                 "line": None, "team": None, "period": None, "message": "x"}]),
    "extra team key": _set(["teams", 0, "colour"], "red"),
    "extra node key": _set(["nodes", 0, "series"], []),
    "a ratio among the totals": _set(["teams", 0, "totals", "SCOPE_CREEP_PERCENT"], 10),
    "unknown metric in values": _set(["teams", 0, "series", 0, "values", "HAPPINESS"], 1),
    "band that does not exist": _set(["teams", 0, "bands", "sayDoPercent"], "Great"),
    "schema version 2": _set(["schemaVersion"], 2),
    "short hash": _set(["inputs", 0, "sha256"], "abc"),
    "date with a time": _set(["teams", 0, "series", 0, "start"], "2026-01-05T00:00:00Z"),
    "mode in lower case": _set(["teams", 0, "mode"], "story_points"),
    "forecast without a median": _drop(["teams", 0, "forecast", "median"]),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_documents_fail(valid_doc, name):
    doc = copy.deepcopy(valid_doc)
    BROKEN[name](doc)
    assert problems(doc), f"a document with {name} passed the schema"


@pytest.fixture(scope="module")
def compared_doc():
    """A compared document whose first team has a baseline, a change of every figure
    (none null) and a band move for every banded figure."""
    doc = summary("--from", "2026-04-01", "--to", "2026-06-30", "--compare", "previous",
                  "site-example/data/engineering-org-monthly.csv.gz")
    assert_valid(doc)
    change = doc["teams"][0]["change"]
    assert change is not None and all(v is not None for v in change.values())
    assert all(v is not None for v in change["bands"].values())
    assert doc["nodes"][0]["change"] is not None
    return doc


BROKEN_COMPARED = {
    "a change with a made-up direction word": _set(["teams", 0, "change", "sayDoPercent", "direction"], "improved"),
    "a banded figure going up": _set(["teams", 0, "change", "scopeCreepPercent", "direction"], "up"),
    "velocity getting better": _set(["teams", 0, "change", "velocity", "direction"], "better"),
    "a node's change in capitals": _set(["nodes", 0, "change", "coefficientOfVariation", "direction"], "Worse"),
    "a band move going down": _set(["teams", 0, "change", "bands", "sayDoPercent", "direction"], "down"),
    "a band move from no band": _set(["teams", 0, "change", "bands", "sayDoPercent", "from"], None),
    "a change without its delta": _drop(["teams", 0, "change", "velocity", "delta"]),
    "a delta as text": _set(["teams", 0, "change", "velocity", "delta"], "+1.5"),
    "a change missing a figure": _drop(["teams", 0, "change", "trendPerPeriod"]),
    "a change of an extra figure": _set(["teams", 0, "change", "forecast"], None),
    "a change without band moves": _drop(["teams", 0, "change", "bands"]),
    "a baseline without bands": _drop(["teams", 0, "baseline", "bands"]),
    "a baseline with a series": _set(["teams", 0, "baseline", "series"], []),
    "a node without its change": _drop(["nodes", 0, "change"]),
    "a change where there is no baseline": _set(["teams", 0, "baseline"], None),
    "a baseline but no change": _set(["teams", 0, "change"], None),
    "a baseline window with an open end": _set(["baseline", "window", "to"], None),
    "a baseline with an extra key": _set(["baseline", "teams"], 3),
    "team comparisons in a document without a baseline": _drop(["baseline"]),
}


@pytest.mark.parametrize("name", sorted(BROKEN_COMPARED))
def test_broken_compared_documents_fail(compared_doc, name):
    doc = copy.deepcopy(compared_doc)
    BROKEN_COMPARED[name](doc)
    assert problems(doc), f"a document with {name} passed the schema"


def _all_messages(errors):
    """The messages of errors and of the errors inside them (the branches of an anyOf)."""
    for e in errors:
        yield e.message
        yield from _all_messages(e.context)


@pytest.mark.parametrize("word", ["improved", "up", "Better", ""])
def test_a_bad_direction_word_is_what_fails(compared_doc, word):
    """Not merely some error: the schema names the word as not one of the banded figure's."""
    doc = copy.deepcopy(compared_doc)
    doc["teams"][0]["change"]["sayDoPercent"]["direction"] = word
    found = list(_all_messages(VALIDATOR.iter_errors(doc)))
    assert f"{word!r} is not one of ['better', 'worse', 'no change']" in found, found


def test_comparison_keys_in_a_document_without_compare_fail(valid_doc):
    doc = copy.deepcopy(valid_doc)
    doc["teams"][0]["baseline"] = None
    doc["teams"][0]["change"] = None
    assert problems(doc)
