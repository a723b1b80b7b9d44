"""What is shared by the benchmark's reference scripts (duckdb_summary.py, pandas_summary.py) and
its checker (check_figures.py): the columns of a sprint-level export as `sprint-report sample`
writes them (docs/input-format.md), and the per-team figures of the summary's JSON they compute
(docs/summary-json.md), and their command line."""
import sys


# The additive metrics: (CSV column, name in the summary's `totals`), in the summary's order.
ADDITIVE = [
    ("Sprint_Commit", "SPRINT_COMMIT"),
    ("Sprint_Creep", "SPRINT_CREEP"),
    ("Sprint_Size", "SPRINT_SIZE"),
    ("Delivered_Commit", "DELIVERED_COMMIT"),
    ("Missed_Commit", "MISSED_COMMIT"),
    ("Delivered_Creep", "DELIVERED_CREEP"),
    ("Missed_Creep", "MISSED_CREEP"),
    ("Total_Work_Delivered", "TOTAL_WORK_DELIVERED"),
    ("Tickets_Removed_Mid_Sprint", "TICKETS_REMOVED_MID_SPRINT"),
]
# The sample's other metric columns (ratios and percentages): they count only for "a period
# with at least one value".
OTHER = ["Scope_Creep_Percent", "Total_Delivered_Work_Vs_Committed_Work",
         "Committed_Work_Delivered_Percent", "Creep_Work_Delivered_Percent",
         "Total_Work_Delivered_Percent", "Churn_Rate"]
# The text columns.
TEXT = ["Team", "Team_Id", "Team_Hierarchy", "Sprint", "Sprint_Id"]
# The per-team window figures, by their names in the summary's JSON.
FIGURES = ["velocity", "averageSprintSize", "sayDoPercent", "scopeCreepPercent",
           "creepDeliveredPercent", "totalDeliveredPercent", "deliveredVsCommitted",
           "deliveryConsistency", "commitmentReliability", "coefficientOfVariation",
           "trendPerPeriod"]


def arguments(script):
    """The export path and whether to add the per-period rolling means (`--rolling`)."""
    args = sys.argv[1:]
    rolling = "--rolling" in args
    args = [a for a in args if a != "--rolling"]
    if len(args) != 1:
        sys.exit("usage: %s [--rolling] EXPORT.csv[.gz]" % script)
    return args[0], rolling
