"""The worked examples of docs/metrics.md agree with the program.

Each figure worked by hand in the document is listed here with the command that computes
it; the test runs that command, rounds the program's value the way the document prints it
and compares, and checks that the document still shows that number in bold. A change to a
formula, or to the example, fails here until the two agree again.
"""

import json
import pathlib
import re

import pytest

from test_summary_schema import ROOT, run

DOC = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")

PLATFORM_Q1 = ("--from", "2026-01-01", "--to", "2026-03-31", "site-example/data/platform-team-sprints.csv.gz")
ORG_Q1 = ("--from", "2026-01-01", "--to", "2026-03-31", "site-example/data/engineering-org-monthly.csv.gz")

KITE = (
    "Team,Sprint,Start_Date,End_Date,Sprint_Commit,Sprint_Creep,Delivered_Commit,Delivered_Creep,Sprint_Size\n"
    "Kite,Kite 1,2026-01-05,2026-01-18,20,5,16,3,\n"
    "Kite,Kite 2,2026-01-19,2026-02-01,24,0,18,,30\n"
)


def document(args, cwd=ROOT):
    status, out, err = run("summary", "--format", "json", *args, cwd=cwd)
    assert status == 0, err
    return json.loads(out)


def team(doc, name):
    return next(t for t in doc["teams"] if t["name"] == name)


def node(doc, path):
    return next(n for n in doc["nodes"] if n["path"] == path)


# (what, how to get the value from the document, the number as the document prints it)
FALCON = [
    ("periods", lambda t: t["periods"], "6"),
    ("velocity", lambda t: t["velocity"], "20.5"),
    ("average sprint size", lambda t: t["averageSprintSize"], "34.92"),
    ("say/do", lambda t: t["sayDoPercent"], "57.51 %"),
    ("scope creep", lambda t: t["scopeCreepPercent"], "33.87 %"),
    ("creep delivered", lambda t: t["creepDeliveredPercent"], "62.26 %"),
    ("delivered", lambda t: t["totalDeliveredPercent"], "58.71 %"),
    ("delivered vs committed", lambda t: t["deliveredVsCommitted"], "0.79"),
    ("delivery consistency", lambda t: t["deliveryConsistency"], "3.24"),
    ("commitment reliability", lambda t: t["commitmentReliability"], "5.88"),
    ("coefficient of variation", lambda t: t["coefficientOfVariation"], "0.158"),
    ("trend", lambda t: t["trendPerPeriod"], "−0.6"),
    ("forecast low", lambda t: t["forecast"]["low"], "19.5"),
    ("forecast median", lambda t: t["forecast"]["median"], "20.75"),
    ("forecast high", lambda t: t["forecast"]["high"], "23.125"),
    ("rolling mean of sprint 3", lambda t: t["series"][2]["rolling"], "21.67"),
    ("say/do band", lambda t: t["bands"]["sayDoPercent"], "Low"),
    ("scope creep band", lambda t: t["bands"]["scopeCreepPercent"], "Medium"),
    ("delivered band", lambda t: t["bands"]["totalDeliveredPercent"], "Low"),
    ("CV band", lambda t: t["bands"]["coefficientOfVariation"], "High"),
]

PLATFORM_GROUP = [
    ("say/do", lambda n: n["sayDoPercent"], "77.65 %"),
    ("velocity", lambda n: n["velocity"], "24.91"),
    ("average sprint size", lambda n: n["averageSprintSize"], "86.83"),
    ("delivery consistency", lambda n: n["deliveryConsistency"], "98.41"),
    ("coefficient of variation", lambda n: n["coefficientOfVariation"], "0.296"),
    ("trend", lambda n: n["trendPerPeriod"], "98"),
    ("commitment reliability", lambda n: n["commitmentReliability"], "5.13"),
]


def agrees(value, shown):
    """Whether the program's value prints as the document's number (or word)."""
    if isinstance(value, str):
        return value == shown
    number = shown.replace(" %", "").replace("−", "-")
    places = len(number.split(".")[1]) if "." in number else 0
    return abs(value - float(number)) <= 0.5 * 10 ** -places + 1e-12


def in_bold(shown):
    return f"**{shown}**" in DOC


@pytest.mark.parametrize("what,get,shown", FALCON, ids=[f[0] for f in FALCON])
def test_falcon_first_quarter(what, get, shown):
    value = get(team(document(PLATFORM_Q1), "Falcon"))
    assert agrees(value, shown), f"{what}: the program gives {value}, docs/metrics.md shows {shown}"
    assert in_bold(shown) or what in ("periods",), f"docs/metrics.md no longer shows **{shown}** ({what})"


@pytest.mark.parametrize("what,get,shown", PLATFORM_GROUP, ids=[f[0] for f in PLATFORM_GROUP])
def test_platform_group_first_quarter(what, get, shown):
    value = get(node(document(ORG_Q1), "Engineering/Platform"))
    assert agrees(value, shown), f"{what}: the program gives {value}, docs/metrics.md shows {shown}"
    assert in_bold(shown), f"docs/metrics.md no longer shows **{shown}** ({what})"


def test_team_level_velocity_counts_sprints():
    falcon = team(document(ORG_Q1), "Falcon")
    assert agrees(falcon["velocity"], "12.95") and not falcon["velocityApproximate"]
    assert in_bold("12.95")


def test_derived_values_and_a_mismatch(tmp_path):
    (tmp_path / "kite.csv").write_text(KITE, encoding="utf-8")
    doc = document(["kite.csv"], cwd=tmp_path)
    kite = team(doc, "Kite")
    first, second = kite["series"]
    assert len(first["derived"]) == 9 and "Nine values derived" in DOC
    assert first["values"]["SPRINT_SIZE"] == 25 and first["values"]["TOTAL_WORK_DELIVERED"] == 19
    assert second["values"]["SPRINT_SIZE"] == 30 and second["derived"] == ["SCOPE_CREEP_PERCENT", "MISSED_COMMIT",
                                                                           "COMMITTED_WORK_DELIVERED_PERCENT"]
    messages = [f["message"] for f in doc["findings"]]
    assert messages == ["SPRINT_SIZE is 30 but SPRINT_COMMIT + SPRINT_CREEP is 24"]
    assert "SPRINT_SIZE is 30 but SPRINT_COMMIT +\n  SPRINT_CREEP is 24" in DOC
    assert agrees(kite["totalDeliveredPercent"], "34.5 %") and agrees(kite["velocity"], "9.5")
    assert re.search(r"34\.5 %.*velocity = 19 / 2 = 9\.5", DOC, re.S)


def test_approximate_velocity(tmp_path):
    (tmp_path / "owl.csv").write_text(
        "Team,Team_Hierarchy,Granularity,Start_Date,End_Date,Total_Work_Delivered,Sprint_Velocity\n"
        "Owl,Eng/Web/Owl,Jan 2026,2026-01-01,2026-01-31,30,15\n"
        "Owl,Eng/Web/Owl,Feb 2026,2026-02-01,2026-02-28,,12\n", encoding="utf-8")
    owl = team(document(["owl.csv"], cwd=tmp_path), "Owl")
    assert owl["velocityApproximate"] and agrees(owl["velocity"], "13.5")
    assert in_bold("13.5")
