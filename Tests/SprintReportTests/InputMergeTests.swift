import Testing
@testable import SprintReport

@Suite struct InputMergeTests {
    @Test func identicalDuplicatesAreDroppedSilently() throws {
        let a = "Team_Id,Sprint,Sprint_Id,Sprint_Commit\nt1,S1,s1,5\nt1,S2,s2,6\n"
        let b = "Team_Id,Sprint_Id,Sprint,Sprint_Commit\nt1,s2,S2,6\nt1,s3,S3,7\n"
        let d = try InputKit.read([a, b])
        #expect(d.only.rows.map(\.period.label) == ["S1", "S2", "S3"])
        #expect(d.findings.isEmpty)
        #expect(d.only.rows[1].source.file == 0)
    }

    @Test func conflictingDuplicatesKeepTheLaterFile() throws {
        let a = "Team_Id,Sprint_Id,Sprint_Commit\nt1,s1,5\nt1,s2,6\n"
        let b = "Team_Id,Sprint_Id,Sprint_Commit\nt1,s2,9\n"
        let paths = [InputKit.file(a, name: "a.csv"), InputKit.file(b, name: "b.csv")]
        let d = try ExportReader.read(paths: paths)
        #expect(d.only.rows.map { $0.values[.sprintCommit] } == [5, 9])
        let f = d.findings.filter { $0.kind == .duplicateConflict }
        #expect(f.count == 1)
        #expect(f.first?.message.contains("\(paths[0]):3") == true)
        #expect(f.first?.message.contains("\(paths[1]):2") == true)
        #expect(f.first?.file == paths[1] && f.first?.line == 2)
    }

    @Test func laterRowWinsWithinOneFile() throws {
        let d = try InputKit.read("Team,Sprint,Sprint_Commit\nA,S1,5\nA,S2,1\nA,S1,8\n")
        #expect(d.only.rows.map { $0.values[.sprintCommit] } == [8, 1])
        #expect(d.findings.filter { $0.kind == .duplicateConflict }.count == 1)
    }

    @Test func identityUsesSprintIdOverLabelAndKeepsModesApart() throws {
        // Same label, different sprint ids: two periods. Same sprint in two modes: no conflict.
        let d = try InputKit.read("""
        Team,Sprint,Sprint_Id,Mode,Sprint_Commit
        A,Sprint 1,x1,points,5
        A,Sprint 1,x2,points,6
        A,Sprint 1,x1,tickets,2
        """)
        #expect(d.series.map(\.rows.count) == [2, 1])
        #expect(d.findings.isEmpty)
    }

    @Test func extraMetricsAlignAcrossFiles() throws {
        let a = "Team,Sprint,Cycle Time\nA,S1,3\n"
        let b = "Team,Sprint,Lead Time,Cycle_Time\nA,S2,10,4\n"
        let d = try InputKit.read([a, b])
        #expect(d.extraMetrics == ["Cycle Time", "Lead Time"])
        #expect(d.only.rows[0].extras[0] == 3 && d.only.rows[0].extras[1].isNaN)
        #expect(d.only.rows[1].extras == [4, 10])
    }

    @Test func summaryCounts() throws {
        let d = try InputKit.read("""
        Team,Period,Start_Date,Sprint_Commit
        A,Feb 2026,2026-02-01,1
        A,Jan 2026,2026-01-01,2
        B,Jan 2026,2026-01-01,3
        """)
        let s = d.inputs[0]
        #expect(s.rows == 3 && s.teams == 2 && s.periods == 2)
        #expect(s.firstPeriod == "Jan 2026" && s.lastPeriod == "Feb 2026")
        #expect(s.level == .team && s.shape == .wide && s.modes == [.storyPoints])
    }
    /// Buckets are merged in parallel chunks: with many teams, each with a conflicting
    /// duplicate, every team keeps its later row and raises one finding, and the findings
    /// come in one order (the reading order of their lines) whatever the chunking.
    @Test func manyBucketsMergeInParallelAsOneAfterAnother() throws {
        var text = "Team,Sprint,Start_Date,Sprint_Commit,Total_Work_Delivered\n"
        for t in 0..<300 {
            text += "T\(t),S1,2026-01-05,10,8\n"
            text += "T\(t),S2,2026-01-19,12,9\n"
            text += "T\(t),S1,2026-01-05,\(11 + t % 3),8\n"  // conflicts with the first S1
            if t % 7 == 0 { text += "T\(t),S2,2026-01-19,12,9\n" }  // an identical copy: dropped silently
        }
        let d = try InputKit.read(text)
        #expect(d.series.count == 300)
        #expect(d.series.allSatisfy { $0.rows.count == 2 })
        let conflicts = d.findings.filter { $0.kind == .duplicateConflict }
        #expect(conflicts.count == 300)
        #expect(conflicts == conflicts.sorted(by: Finding.ordered))
        #expect(Set(conflicts.compactMap(\.team)).count == 300)
        for s in d.series {
            let t = Int(s.team.name.dropFirst())!
            #expect(s.rows[0].values[.sprintCommit] == Double(11 + t % 3))  // the later row won
            #expect(s.rows.map(\.period.label) == ["S1", "S2"])
        }
        #expect(d.inputs[0].periods == 2)  // without sprint ids the name is the key: every team's S1 is one
    }

    /// Distinct periods are counted per file from the keys of its records: a label repeated
    /// by other teams or later in the file counts once; each file counts its own.
    @Test func distinctPeriodsPerFile() throws {
        let a = """
        Team,Period,Start_Date,Sprint_Commit
        A,Jan 2026,2026-01-01,1
        A,Feb 2026,2026-02-01,1
        B,Jan 2026,2026-01-01,1
        B,Mar 2026,2026-03-01,1
        A,Jan 2026,2026-01-01,1
        """
        let b = """
        Team,Period,Start_Date,Metric,Value
        C,Apr 2026,2026-04-01,Sprint_Commit,1
        C,Apr 2026,2026-04-01,Total_Work_Delivered,1
        C,Jan 2026,2026-01-01,Sprint_Commit,1
        """
        for chunkSize in [7, 1 << 16] {
            let d = try InputKit.read([a, b], chunkSize: chunkSize)
            #expect(d.inputs.map(\.periods) == [3, 2])
        }
    }
}
