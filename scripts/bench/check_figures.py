#!/usr/bin/env python3
"""Compares the per-team figures of reference scripts (scripts/bench/duckdb_summary.py,
scripts/bench/pandas_summary.py) with the `teams` array of `sprint-report summary --format json`
on the same export.

    check_figures.py SUMMARY.json REFERENCE.json [REFERENCE.json ...]

SUMMARY.json may be `-` (standard input), so that the summary of a large export need not be
written to disk:

    sprint-report summary --format json XL.csv.gz | check_figures.py - duckdb.json pandas.json

Teams are matched by `key` (the summary's teams in story-points mode at sprint level); every team
must be in both, with the same path. Compared, for each team: periods, each total, velocity,
averageSprintSize, the five ratios, deliveryConsistency, commitmentReliability,
coefficientOfVariation, trendPerPeriod, the forecast's low/median/high and, when the reference
has them, the per-period rolling means (the summary's `series[].rolling`). Two numbers are equal
when they differ by at most 1e-9 relative (1e-9 absolute near zero); `null` equals only `null`.

Prints `figures equal: N compared` and exits 0, or prints the first differences and exits 1.
Standard library only: it runs under any python3.
"""
import json
import math
import re
import sys

from reference_common import FIGURES  # the figure names the references share
TOTALS = ["SPRINT_COMMIT", "SPRINT_CREEP", "SPRINT_SIZE", "DELIVERED_COMMIT", "MISSED_COMMIT",
          "DELIVERED_CREEP", "MISSED_CREEP", "TOTAL_WORK_DELIVERED", "TICKETS_REMOVED_MID_SPRINT"]
TOLERANCE = 1e-9
SHOWN = 10

# A series element is one line ending in its `rolling` value (docs/summary-json.md, "Layout").
ROLLING = re.compile(r'"rolling": (null|[-+0-9.eE]+)\}\s*,?\s*$')


def summary_teams(stream):
    """The summary's teams, each with `rolling` (the list of its series' rolling means).

    The document of an organisation's export is large (about 600 bytes per input row), so it is
    not parsed whole: the `teams` array is cut out by its two-space indentation and each series
    line is reduced to its rolling mean, as docs/summary-json.md lays the document out. A
    document laid out otherwise is parsed whole."""
    text = []
    rollings = []
    state = "before"
    lines = iter(stream)
    for line in lines:
        if state == "before":
            text.append(line)
            if line.rstrip() == '  "teams": [':
                state = "teams"
                text = ["["]
        elif state == "teams":
            if line.startswith('  ]'):
                state = "after"
                text.append("]")
                break
            if line.rstrip().endswith('"series": ['):
                rollings.append([])
                state = "series"
            text.append(line)
        elif state == "series":
            stripped = line.strip()
            if stripped.startswith("]"):
                state = "teams"
                text.append(line)
                continue
            match = ROLLING.search(line)
            if not match:
                raise ValueError("unexpected series line: " + line[:200])
            rollings[-1].append(json.loads(match.group(1)))
    if state == "before":
        # not the documented layout: parse it all
        document = json.loads("".join(text) + "".join(lines))
        teams = document["teams"]
        for team in teams:
            team["rolling"] = [p.get("rolling") for p in team.get("series", [])]
        return teams
    if state != "after":
        raise ValueError("the summary's teams array does not end")
    for _ in lines:  # read the rest, so that a writer into a pipe is not cut off
        pass
    teams = json.loads("".join(text))
    with_series = [t for t in teams if "series" in t]
    if len(with_series) != len(rollings):
        raise ValueError("%d series for %d teams" % (len(rollings), len(with_series)))
    for team, rolling in zip(with_series, rollings):
        team["rolling"] = rolling
    return teams


def equal(x, y):
    if x is None or y is None:
        return x is None and y is None
    if isinstance(x, bool) or isinstance(y, bool):
        return x == y
    x, y = float(x), float(y)
    if not (math.isfinite(x) and math.isfinite(y)):
        return False
    return abs(x - y) <= max(TOLERANCE * max(abs(x), abs(y)), TOLERANCE)


def figures(team, with_rolling):
    """(name, value) of every compared figure of a team, summary or reference alike."""
    yield "periods", team.get("periods")
    totals = team.get("totals") or {}
    for name in TOTALS:
        yield "totals." + name, totals.get(name)
    for name in FIGURES:
        yield name, team.get(name)
    forecast = team.get("forecast")
    for name in ("low", "median", "high"):
        yield "forecast." + name, None if forecast is None else forecast.get(name)
    if with_rolling:
        rolling = team.get("rolling") or []
        yield "rolling.count", len(rolling)
        for i, value in enumerate(rolling):
            yield "rolling[%d]" % i, value


def compare(summary, reference_path):
    with open(reference_path, encoding="utf-8") as f:
        reference = json.load(f)["teams"]
    differences = []
    compared = 0

    def differ(text):
        differences.append(text)

    seen = set()
    for ref in reference:
        key = ref["key"]
        seen.add(key)
        mine = summary.get(key)
        if mine is None:
            differ("team %s (%s): in the reference, not in the summary" % (key, ref.get("path")))
            continue
        if mine.get("path") != ref.get("path"):
            differ("team %s: path %r in the summary, %r in the reference"
                   % (key, mine.get("path"), ref.get("path")))
        with_rolling = "rolling" in ref
        theirs = dict(figures(ref, with_rolling))
        for name, value in figures(mine, with_rolling):
            compared += 1
            if not equal(value, theirs.get(name)):
                differ("team %s (%s) %s: summary %r, reference %r"
                       % (key, mine.get("path"), name, value, theirs.get(name)))
    for key, team in summary.items():
        if key not in seen:
            differ("team %s (%s): in the summary, not in the reference" % (key, team.get("path")))
    return compared, len(reference), differences


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: check_figures.py SUMMARY.json|- REFERENCE.json [REFERENCE.json ...]")
    if argv[1] == "-":
        teams = summary_teams(sys.stdin)
    else:
        with open(argv[1], encoding="utf-8") as f:
            teams = summary_teams(f)
    summary = {t["key"]: t for t in teams
               if t.get("mode") == "STORY_POINTS" and t.get("level") == "sprint"}
    failed = False
    for path in argv[2:]:
        compared, count, differences = compare(summary, path)
        if differences:
            failed = True
            print("%s: MISS: %d difference(s) in %d figures of %d teams compared; the first:"
                  % (path, len(differences), compared, count))
            for text in differences[:SHOWN]:
                print("   " + text)
        else:
            print("%s: figures equal: %d compared (%d teams)" % (path, compared, count))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
