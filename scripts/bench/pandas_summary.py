#!/usr/bin/env python3
"""The per-team window figures of docs/metrics.md ("A team's figures") with pandas: a reference
point for `sprint-report summary --format json` (scripts/benchmark), computing the same figures
as scripts/bench/duckdb_summary.py, and checked the same way (scripts/bench/check_figures.py).

    pandas_summary.py [--rolling] EXPORT.csv[.gz]

Input: one sprint-level, story-points export as `sprint-report sample` writes it (gzip or plain
CSV, Title_Case headers, a Team_Id column, every amount present). Output on standard output: one
JSON document {"teams": [...]}, one object per team with the summary's key names, ordered by
path; with --rolling, also each team's per-period rolling means (`rolling`), which the
benchmark leaves out, as it does for DuckDB. Like the DuckDB script it does not derive missing amounts, nor handle team-level rows,
tickets mode or --from/--to windows. Rows are put in period order by start date (ties: file
order)."""
import json
import sys

import numpy as np
import pandas as pd

from reference_common import ADDITIVE, FIGURES, OTHER, TEXT, arguments  # shared with the other reference and the checker
TEXT_TYPES = {**{name: str for name in TEXT}, "Start_Date": str, "End_Date": str}
# Besides pandas' own list (empty, NA, N/A, null, NaN, ...): the other missing cells of
# docs/input-format.md.
MISSING = ["-", "—"]


def main(path, with_rolling):
    df = pd.read_csv(path, dtype=TEXT_TYPES, na_values=MISSING, keep_default_na=True)
    df = df.sort_values(["Team_Id", "Start_Date"], kind="stable", na_position="last",
                        ignore_index=True)
    # A period without any value is not one of the team's periods (docs/metrics.md, "The window").
    metrics = [c for c, _ in ADDITIVE] + OTHER
    df = df[df[metrics].notna().any(axis=1)].reset_index(drop=True)
    key = df["Team_Id"]
    if with_rolling:
        # The rolling mean of D over the period and up to 2 before it, those that have D.
        rolling = (df.groupby(key, sort=False)["Total_Work_Delivered"]
                   .rolling(3, min_periods=1).mean().reset_index(level=0, drop=True))
        rolling_lists = rolling.groupby(key, sort=False).agg(list)
    g = df.groupby(key, sort=True)
    out = g[[c for c, _ in ADDITIVE]].sum(min_count=1)
    n = g.size()
    out["periods"] = n
    out["path"] = g["Team_Hierarchy"].first().map(
        lambda p: "/".join(e.strip() for e in str(p).split("/") if e.strip()))
    c, a, s = out["Sprint_Commit"], out["Sprint_Creep"], out["Sprint_Size"]
    dc, da, d = out["Delivered_Commit"], out["Delivered_Creep"], out["Total_Work_Delivered"]
    out["velocity"] = d / n
    out["averageSprintSize"] = s / n
    out["sayDoPercent"] = (100 * dc / c).where(c != 0)
    out["scopeCreepPercent"] = (100 * a / c).where(c != 0)
    out["creepDeliveredPercent"] = (100 * da / a).where(a != 0)
    out["totalDeliveredPercent"] = (100 * d / s).where(s != 0)
    out["deliveredVsCommitted"] = (d / c).where(c != 0)
    y = df["Total_Work_Delivered"]
    out["deliveryConsistency"] = g["Total_Work_Delivered"].std(ddof=1)
    per = (100 * df["Delivered_Commit"] / df["Sprint_Commit"]).where(df["Sprint_Commit"] > 0)
    out["commitmentReliability"] = per.groupby(key).std(ddof=1)
    mean = g["Total_Work_Delivered"].mean()  # over the periods that have D
    out["coefficientOfVariation"] = (out["deliveryConsistency"] / mean).where(mean != 0)
    # Least-squares slope of D against the position 0, 1, 2, … among the team's periods,
    # over the periods that have D.
    x = g.cumcount().astype(float).where(y.notna())
    yy = y.where(x.notna())
    k = x.groupby(key).count()
    sx, sy = x.groupby(key).sum(), yy.groupby(key).sum()
    sxx, sxy = (x * x).groupby(key).sum(), (x * yy).groupby(key).sum()
    den = k * sxx - sx * sx
    out["trendPerPeriod"] = ((k * sxy - sx * sy) / den).where((n >= 3) & (k >= 2) & (den != 0))
    # Forecast: 25/50/75th percentiles (linear, numpy's default) of D over the last 6 periods
    # that have D; at least 3 values.
    last6 = df.dropna(subset=["Total_Work_Delivered"]).groupby("Team_Id").tail(6)
    q = last6.groupby("Team_Id")["Total_Work_Delivered"].quantile([0.25, 0.5, 0.75]).unstack()
    k6 = last6.groupby("Team_Id")["Total_Work_Delivered"].count()
    forecast = q.where(k6 >= 3)
    out = out.sort_values("path", kind="stable")

    def number(v):
        return None if v is None or (isinstance(v, float) and np.isnan(v)) else float(v)

    teams = []
    for team_key, row in out.iterrows():
        item = {"key": team_key, "path": row["path"], "periods": int(row["periods"])}
        item["totals"] = {name: number(row[col]) for col, name in ADDITIVE
                          if number(row[col]) is not None}
        for name in FIGURES:
            item[name] = number(row[name])
        if team_key in forecast.index and not forecast.loc[team_key].isna().any():
            low, median, high = forecast.loc[team_key]
            item["forecast"] = {"low": float(low), "median": float(median), "high": float(high)}
        else:
            item["forecast"] = None
        if with_rolling:
            item["rolling"] = [number(v) for v in rolling_lists[team_key]]
        teams.append(item)
    json.dump({"teams": teams}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(*arguments("pandas_summary.py"))
