#!/usr/bin/env python3
"""The per-team window figures of docs/metrics.md ("A team's figures") with DuckDB: `read_csv` on
the export and one SQL query with window functions. The benchmark's second reference point for
`sprint-report summary --format json` (scripts/benchmark), and, through
scripts/bench/check_figures.py, an independent check of the tool's figures.

    duckdb_summary.py [--rolling] EXPORT.csv[.gz]

Input: one sprint-level, story-points export as `sprint-report sample` writes it (gzip or plain
CSV, Title_Case headers, a Team_Id column, every amount present). Output on standard output: one
JSON document {"teams": [...]}, one object per team with the summary's key names (key, path,
periods, totals, velocity, ..., forecast), ordered by path. With --rolling, each team also has
`rolling`, its per-period rolling means (the summary's `series[].rolling`); the benchmark times
the script without it, the window figures of issue 15, and it costs DuckDB about half as much
again.

What the query does not do, because such an export never needs it (the tool does): derive
missing amounts from the identities, team-level rows and their sprint counts, tickets mode,
--from/--to windows. Rows are in period order by start date (ties: sprint id), as the sample
writes them.
"""
import csv
import gzip
import json
import sys

import duckdb

from reference_common import ADDITIVE, FIGURES, OTHER, TEXT, arguments  # shared with the other reference and the checker
# The cells docs/input-format.md calls missing (read_csv compares them case-sensitively, hence
# the usual spellings).
MISSING = ["", "NA", "N/A", "na", "n/a", "null", "NULL", "Null", "NaN", "nan", "-", "—"]


QUERY = """
WITH rows AS (
    SELECT Team_Id AS key, Team_Hierarchy AS hierarchy,
           Start_Date AS start, Sprint_Id AS sprint,
           Sprint_Commit AS c, Sprint_Creep AS a, Sprint_Size AS s,
           Delivered_Commit AS dc, Missed_Commit AS mc, Delivered_Creep AS da,
           Missed_Creep AS ma, Total_Work_Delivered AS d, Tickets_Removed_Mid_Sprint AS r
    FROM read_csv(?, header = true, auto_detect = false, columns = {columns},
                  nullstr = {nullstr}, quote = '"', escape = '"', delim = ',')
    -- a period without any value is not one of the team's periods (docs/metrics.md, "The window")
    WHERE coalesce({all_metrics}) IS NOT NULL
),
periods AS (
    SELECT *,
           -- the period's position among the team's periods (0, 1, 2, ...)
           row_number() OVER w - 1 AS x,
{rolling_window}           -- for a period with D: 1 for the latest period with D, 2 for the one before, ...
           CASE WHEN d IS NOT NULL
                THEN count(d) OVER (w ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) END AS back
    FROM rows
    WINDOW w AS (PARTITION BY key ORDER BY start, sprint)
)
SELECT key,
       -- the path: elements trimmed, empty elements dropped (docs/summary-json.md)
       array_to_string(list_filter(list_transform(string_split(any_value(hierarchy), '/'),
                                                  e -> trim(e)), e -> e <> ''), '/') AS path,
       count(*) AS n,
       {sums},
       sum(d) / count(*) AS velocity,
       sum(s) / count(*) AS averageSprintSize,
       CASE WHEN sum(c) <> 0 THEN 100 * sum(dc) / sum(c) END AS sayDoPercent,
       CASE WHEN sum(c) <> 0 THEN 100 * sum(a) / sum(c) END AS scopeCreepPercent,
       CASE WHEN sum(a) <> 0 THEN 100 * sum(da) / sum(a) END AS creepDeliveredPercent,
       CASE WHEN sum(s) <> 0 THEN 100 * sum(d) / sum(s) END AS totalDeliveredPercent,
       CASE WHEN sum(c) <> 0 THEN sum(d) / sum(c) END AS deliveredVsCommitted,
       stddev_samp(d) AS deliveryConsistency,
       stddev_samp(CASE WHEN c > 0 THEN 100 * dc / c END) AS commitmentReliability,
       CASE WHEN avg(d) <> 0 THEN stddev_samp(d) / avg(d) END AS coefficientOfVariation,
       -- n >= 3 and two periods with D (positions are distinct: x is a row number)
       CASE WHEN count(*) >= 3 AND count(d) >= 2 THEN regr_slope(d, x) END AS trendPerPeriod,
       CASE WHEN count(d) FILTER (WHERE back <= 6) >= 3
            THEN quantile_cont(d, [0.25, 0.5, 0.75]) FILTER (WHERE back <= 6) END AS forecast{rolling_list}
FROM periods
GROUP BY key
ORDER BY path, key
"""


ROLLING_WINDOW = """           -- the rolling mean: D of this period and up to two before it, those that have D
           avg(d) OVER (w ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS rolling,
"""
ROLLING_LIST = """,
       list(rolling ORDER BY x) AS rolling"""


def build_query(rolling):
    columns = {name: "VARCHAR" for name in TEXT}
    columns.update({"Start_Date": "DATE", "End_Date": "DATE"})
    columns.update({col: "DOUBLE" for col, _ in ADDITIVE})
    columns.update({col: "DOUBLE" for col in OTHER})
    # keep the file's column order: read_csv's `columns` names them in order
    order = ["Team", "Team_Id", "Team_Hierarchy", "Sprint", "Sprint_Id", "Start_Date", "End_Date",
             "Sprint_Commit", "Sprint_Creep", "Sprint_Size", "Scope_Creep_Percent",
             "Total_Work_Delivered", "Delivered_Commit", "Missed_Commit", "Delivered_Creep",
             "Missed_Creep", "Total_Delivered_Work_Vs_Committed_Work",
             "Committed_Work_Delivered_Percent", "Creep_Work_Delivered_Percent",
             "Total_Work_Delivered_Percent", "Tickets_Removed_Mid_Sprint", "Churn_Rate"]
    struct = "{" + ", ".join("'%s': '%s'" % (name, columns[name]) for name in order) + "}"
    short = ["c", "a", "s", "dc", "mc", "da", "ma", "d", "r"]
    sums = ",\n       ".join("sum(%s) AS %s" % (col, name) for col, (_, name) in zip(short, ADDITIVE))
    return QUERY.format(columns=struct, nullstr="[" + ", ".join("'%s'" % v for v in MISSING) + "]",
                        all_metrics=", ".join([col for col, _ in ADDITIVE] + OTHER),
                        sums=sums, rolling_window=ROLLING_WINDOW if rolling else "",
                        rolling_list=ROLLING_LIST if rolling else ""), order


def check_header(path, order):
    """The query names the columns; make sure the file has exactly those, in that order."""
    with open(path, "rb") as raw:
        gz = raw.read(2) == b"\x1f\x8b"
    with (gzip.open if gz else open)(path, "rt", encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f), [])
    if header != order:
        sys.exit("%s: not the header `sprint-report sample` writes: %s" % (path, ",".join(header)))


def main(path, rolling):
    query, order = build_query(rolling)
    check_header(path, order)
    con = duckdb.connect()
    cur = con.execute(query, [path])
    names = [d[0] for d in cur.description]
    teams = []
    for row in cur.fetchall():
        rec = dict(zip(names, row))
        item = {"key": rec["key"], "path": rec["path"], "periods": rec["n"]}
        item["totals"] = {name: rec[name] for _, name in ADDITIVE if rec[name] is not None}
        for name in FIGURES:
            item[name] = rec[name]
        q = rec["forecast"]
        item["forecast"] = None if q is None else {"low": q[0], "median": q[1], "high": q[2]}
        if rolling:
            item["rolling"] = rec["rolling"]
        teams.append(item)
    json.dump({"teams": teams}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(*arguments("duckdb_summary.py"))
