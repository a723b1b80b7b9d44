#!/usr/bin/env python3
"""The per-team window figures of docs/metrics.md ("A team's figures") with pandas: the benchmark's reference
point for `sprint-report summary --format json` (scripts/benchmark). Reads one sprint-level
export (gzip or plain CSV, Title_Case headers as `sprint-report sample` writes them) and
prints one JSON object per team, in the same spirit as the summary's `teams` array."""
import json
import sys

import numpy as np
import pandas as pd

ADDITIVE = ["Sprint_Commit", "Sprint_Creep", "Sprint_Size", "Delivered_Commit", "Missed_Commit",
            "Delivered_Creep", "Missed_Creep", "Total_Work_Delivered", "Tickets_Removed_Mid_Sprint"]


def main(path):
    df = pd.read_csv(path)
    df = df.sort_values(["Team_Hierarchy", "Start_Date"], kind="stable")
    g = df.groupby("Team_Hierarchy", sort=True)
    out = g[ADDITIVE].sum(min_count=1)
    n = g["Total_Work_Delivered"].count()
    out["periods"] = n
    c, a, s = out["Sprint_Commit"], out["Sprint_Creep"], out["Sprint_Size"]
    dc, da, d = out["Delivered_Commit"], out["Delivered_Creep"], out["Total_Work_Delivered"]
    out["velocity"] = d / n
    out["averageSprintSize"] = s / n
    out["sayDoPercent"] = (100 * dc / c).where(c != 0)
    out["scopeCreepPercent"] = (100 * a / c).where(c != 0)
    out["creepDeliveredPercent"] = (100 * da / a).where(a != 0)
    out["totalDeliveredPercent"] = (100 * d / s).where(s != 0)
    out["deliveredVsCommitted"] = (d / c).where(c != 0)
    out["deliveryConsistency"] = g["Total_Work_Delivered"].std(ddof=1)
    per = (100 * df["Delivered_Commit"] / df["Sprint_Commit"]).where(df["Sprint_Commit"] > 0)
    out["commitmentReliability"] = per.groupby(df["Team_Hierarchy"]).std(ddof=1)
    mean = d / n
    out["coefficientOfVariation"] = (out["deliveryConsistency"] / mean).where(mean != 0)
    # Least-squares slope of D against the period index 0, 1, 2, …
    x = g.cumcount().astype(float)
    y = df["Total_Work_Delivered"]
    sx, sy = x.groupby(df["Team_Hierarchy"]).sum(), y.groupby(df["Team_Hierarchy"]).sum()
    sxx = (x * x).groupby(df["Team_Hierarchy"]).sum()
    sxy = (x * y).groupby(df["Team_Hierarchy"]).sum()
    cnt = x.groupby(df["Team_Hierarchy"]).count()
    den = cnt * sxx - sx * sx
    out["trendPerPeriod"] = ((cnt * sxy - sx * sy) / den).where(cnt >= 3)
    # Forecast: 25/50/75th percentiles of D over the last 6 periods.
    last6 = df.dropna(subset=["Total_Work_Delivered"]).groupby("Team_Hierarchy").tail(6)
    q = last6.groupby("Team_Hierarchy")["Total_Work_Delivered"].quantile([0.25, 0.5, 0.75]).unstack()
    k6 = last6.groupby("Team_Hierarchy")["Total_Work_Delivered"].count()
    for col, name in zip(q.columns, ["forecastLow", "forecastMedian", "forecastHigh"]):
        out[name] = q[col].where(k6 >= 3)
    # Rolling mean of D over the period and up to 2 before it.
    df["rolling"] = g["Total_Work_Delivered"].rolling(3, min_periods=1).mean().reset_index(level=0, drop=True)
    rolling = df.groupby("Team_Hierarchy")["rolling"].apply(list)
    out = out.replace({np.nan: None})
    teams = []
    for path, row in out.iterrows():
        item = {"path": path}
        item.update(row.to_dict())
        item["rolling"] = rolling[path]
        teams.append(item)
    json.dump({"teams": teams}, sys.stdout, default=float)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
