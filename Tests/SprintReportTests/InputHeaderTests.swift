import Testing
@testable import SprintReport

@Suite struct InputHeaderTests {
    @Test func normalisation() {
        for name in ["Team_Hierarchy", "team hierarchy", "TEAM-HIERARCHY", "teamHierarchy"] {
            #expect(HeaderName.normalize(name) == "teamhierarchy")
        }
        #expect(HeaderName.normalize("Scope Creep %") == "scopecreeppercent")
        #expect(HeaderName.normalize("% of Committed Work Delivered") == "percentofcommittedworkdelivered")
    }

    @Test func everyDimensionAlias() {
        let table: [(String, Dimension)] = [
            ("Team", .teamName), ("Team_Name", .teamName), ("teamName", .teamName),
            ("Team_Id", .teamId), ("teamId", .teamId), ("Team_Ref_Id", .teamId),
            ("Team_Hierarchy", .hierarchy), ("Hierarchy", .hierarchy), ("Org_Tree_Path", .hierarchy),
            ("Team_Path", .hierarchy),
            ("Org_Tree", .orgTree), ("Org_Tree_Name", .orgTree), ("orgTreeName", .orgTree),
            ("Granularity", .periodLabel), ("Period", .periodLabel), ("Time_Period", .periodLabel),
            ("Interval", .periodLabel),
            ("Sprint", .sprintName), ("Sprint_Name", .sprintName),
            ("Sprint_Id", .sprintId), ("sprintId", .sprintId),
            ("Start_Date", .startDate), ("Sprint_Start_Date", .startDate), ("Period_Start", .startDate),
            ("Start", .startDate),
            ("End_Date", .endDate), ("Sprint_End_Date", .endDate), ("Period_End", .endDate), ("End", .endDate),
            ("Computation_Mode", .computationMode), ("Mode", .computationMode), ("Unit", .computationMode),
            ("Metric_Level", .metricLevel), ("Metric", .metricName), ("Metric_Name", .metricName),
            ("Value", .value), ("Metric_Group", .metricGroup),
        ]
        for (name, d) in table { #expect(HeaderName.dimensions[HeaderName.normalize(name)] == d, "\(name)") }
    }

    @Test func everyMetricAliasAndEnumName() {
        for m in Metric.allCases {
            for name in [m.rawValue] + m.aliases {
                let found = HeaderName.metric(normalized: HeaderName.normalize(name))
                #expect(found?.0 == m && found?.1 == nil, "\(name)")
            }
        }
    }

    @Test func unitSuffixes() {
        let cases: [(String, ComputationMode)] = [
            ("Sprint_Commit_story_points", .storyPoints), ("Sprint Commit Points", .storyPoints),
            ("SPRINT_COMMIT_SP", .storyPoints), ("Sprint_Commit_tickets", .tickets),
            ("Sprint Commit Work Item Count", .tickets), ("Sprint Commit Work Items", .tickets),
            ("Sprint_Commit_Count", .tickets), ("Scope Creep % (tickets)", .tickets),
        ]
        for (name, mode) in cases {
            let found = HeaderName.metric(normalized: HeaderName.normalize(name))
            #expect(found?.1 == mode, "\(name)")
        }
        #expect(HeaderName.metric(normalized: "scopecreeppercenttickets")?.0 == .scopeCreepPercent)
        #expect(HeaderName.metric(normalized: "committedtickets")?.0 == .sprintCommit)
    }

    @Test func nearCollisionsMatchWholeNames() {
        func metric(_ name: String) -> Metric? { HeaderName.metric(normalized: HeaderName.normalize(name))?.0 }
        #expect(metric("Scope Creep %") == .scopeCreepPercent)
        #expect(metric("Scope Creep") == .sprintCreep)
        #expect(metric("Predictability %") == .predictabilityReliabilityOfCommitment)
        #expect(metric("Predictability") == .predictabilityDeliveryConsistency)
        #expect(metric("Total Work Delivered (%)") == .totalWorkDeliveredPercent)
        #expect(metric("Total Work Delivered") == .totalWorkDelivered)
        #expect(metric("Work Removal Rate") == .workRemovalRatePercent)
        #expect(metric("Work Removed") == .ticketsRemovedMidSprint)
        // Never prefixes.
        #expect(metric("Sprint Commitment") == nil)
        #expect(metric("Velocity Trend") == nil)
        #expect(metric("Scope Creep % Points Extra") == nil)
    }

    @Test func modeCells() {
        for t in ["STORY_POINTS", "Story Points", "points", "sp"] { #expect(HeaderName.mode(t) == .storyPoints) }
        for t in ["TICKETS", "Work Item Count", "count", "tickets"] { #expect(HeaderName.mode(t) == .tickets) }
        #expect(HeaderName.mode("hours") == nil)
    }

    @Test func columnOrderDoesNotMatter() throws {
        let a = try InputKit.read("Team,Sprint,Sprint_Commit\nA,S1,5\n")
        let b = try InputKit.read("Sprint_Commit,Sprint,Team\n5,S1,A\n")
        #expect(a.only.rows[0].values == b.only.rows[0].values)
        #expect(a.only.team == b.only.team)
    }

    @Test func unknownColumns() throws {
        let d = try InputKit.read("Team,Sprint,Sprint_Commit,Cycle Time,Notes,Blank\nA,S1,5,3.5,fast,\nA,S2,6,NA,slow,\n")
        #expect(d.extraMetrics == ["Cycle Time"])
        #expect(d.only.rows[0].extras == [3.5])
        #expect(d.only.rows[1].extras[0].isNaN)
        let roles = Dictionary(uniqueKeysWithValues: d.inputs[0].columns.map { ($0.header, $0.role) })
        #expect(roles["Cycle Time"] == .extra)
        if case .ignored(let why)? = roles["Notes"] { #expect(why.contains("'fast' on line 2")) } else {
            Issue.record("Notes not ignored")
        }
        #expect(roles["Sprint_Commit"] == .metric(.sprintCommit, nil))
        #expect(d.findings.filter { $0.kind == .unknownColumn }.count == 2)
    }

    @Test func numericColumnDecidedOverTheWholeFile() throws {
        // Numbers for two rows, then text: the column is not numeric at all.
        let d = try InputKit.read("Team,Sprint,X\nA,S1,1\nA,S2,2\nA,S3,oops\n")
        #expect(d.extraMetrics.isEmpty)
        #expect(d.only.rows.allSatisfy { $0.extras.isEmpty })
    }

    @Test func longShapeEqualsWideShape() throws {
        let wide = try InputKit.read("""
        Team,Sprint,Start_Date,Sprint_Commit,Sprint_Creep,Churn Rate
        A,S1,2026-01-05,20,5,12.5
        A,S2,2026-01-19,22,,10
        """)
        let long = try InputKit.read("""
        Team,Sprint,Start_Date,Metric_Group,Metric,Value,Unit
        A,S1,2026-01-05,work,SPRINT_COMMIT,20,points
        A,S1,2026-01-05,work,Sprint Creep,5,points
        A,S2,2026-01-19,work,SPRINT_COMMIT,22,points
        A,S1,2026-01-05,analysis,CHURN_RATE,12.5,points
        A,S2,2026-01-19,analysis,Churn Rate,10,points
        """)
        #expect(long.inputs[0].shape == .long)
        #expect(wide.series.count == 1 && long.series.count == 1)
        #expect(wide.only.rows.map(\.values) == long.only.rows.map(\.values))
        #expect(wide.only.rows.map(\.period.label) == long.only.rows.map(\.period.label))
        #expect(long.only.rows.map(\.source.line) == [2, 4])
    }

    @Test func bothModesSideBySide() throws {
        let d = try InputKit.read("Team,Sprint,Sprint_Commit_story_points,Sprint_Commit_tickets,Churn Rate\nA,S1,20,7,50\n")
        #expect(d.series.map(\.mode) == [.storyPoints, .tickets])
        #expect(d.series[0].rows[0].values[.sprintCommit] == 20)
        #expect(d.series[1].rows[0].values[.sprintCommit] == 7)
        // The unsuffixed column follows the file's single mode... here there are two: story points.
        #expect(d.series[0].rows[0].values[.churnRate] == 50)
        #expect(d.inputs[0].modes == [.storyPoints, .tickets])
    }

    @Test func modeFromRowColumnThenFileThenDefault() throws {
        let byRow = try InputKit.read("Team,Sprint,Mode,Sprint_Commit\nA,S1,TICKETS,3\nA,S1,Story Points,9\n")
        #expect(byRow.series.map(\.mode) == [.storyPoints, .tickets])
        let byFile = try InputKit.read("Team,Sprint,Sprint_Commit_tickets,Churn_Rate\nA,S1,3,40\n")
        #expect(byFile.series.map(\.mode) == [.tickets])
        #expect(byFile.only.rows[0].values[.churnRate] == 40)
        let byDefault = try InputKit.read("Team,Sprint,Sprint_Commit\nA,S1,3\n")
        #expect(byDefault.only.mode == .storyPoints)
    }

    @Test func levelFromSprintColumnsOrMetricLevel() throws {
        #expect(try InputKit.read("Team,Sprint_Id,Sprint_Commit\nA,x1,3\n").only.level == .sprint)
        #expect(try InputKit.read("Team,Period,Sprint_Commit\nA,Jan 2026,3\n").only.level == .team)
        let d = try InputKit.read("Team,Period,Metric_Level,Sprint_Commit\nA,2026-01-05,sprint,3\n")
        #expect(d.only.level == .sprint)
        #expect(d.inputs[0].level == .sprint)
    }

    @Test func teamKeyPathAndName() throws {
        let d = try InputKit.read("""
        Team,Team_Id,Team_Hierarchy,Org_Tree,Sprint,Sprint_Commit
        Falcon,t1, Engineering / Platform/Falcon ,Eng,S1,1
        ,t2,Engineering/Platform/Heron,Eng,S1,2
        Solo,,,,S1,3
        """)
        let teams = d.series.map(\.team)
        let falcon = teams.first { $0.key == "t1" }!
        #expect(falcon.name == "Falcon" && falcon.path == ["Engineering", "Platform", "Falcon"])
        #expect(falcon.orgTree == "Eng")
        let heron = teams.first { $0.key == "t2" }!
        #expect(heron.name == "Heron")
        let solo = teams.first { $0.key == "Solo" }!
        #expect(solo.path == ["Solo"])
        // Sorted by team path.
        #expect(d.series.map(\.team.name) == ["Falcon", "Heron", "Solo"])
    }
}
