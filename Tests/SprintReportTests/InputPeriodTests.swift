import Testing
@testable import SprintReport

@Suite struct InputPeriodTests {
    @Test func labelForms() {
        let cases: [(String, String, Granularity?)] = [
            ("Jan 2026", "2026-01-01", .monthly), ("January 2026", "2026-01-01", .monthly),
            ("sep 2025", "2025-09-01", .monthly), ("2026-01", "2026-01-01", .monthly),
            ("Q1 2026", "2026-01-01", .quarterly), ("2026-Q3", "2026-07-01", .quarterly),
            ("2026-W03", "2026-01-12", .weekly), ("W03 2026", "2026-01-12", .weekly),
            ("2026-02-14", "2026-02-14", nil),
        ]
        for (label, day, g) in cases {
            let p = PeriodLabel.parse(label)
            #expect(p?.day.description == day, "\(label)")
            #expect(p?.granularity == g, "\(label)")
        }
        for bad in ["Sprint 4", "Q5 2026", "2026-13", "Foo 2026", "2021-W53"] {
            #expect(PeriodLabel.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func labelPrecedence() throws {
        let d = try InputKit.read("""
        Team,Sprint,Period,Sprint_Id,Start_Date
        A,Sprint One,Jan 2026,s1,2026-01-05
        B,,Feb 2026,s2,2026-02-02
        C,,,s3,2026-03-02
        D,,,,2026-04-06
        """)
        #expect(d.series.map { $0.rows[0].period.label } == ["Sprint One", "Feb 2026", "s3", "2026-04-06"])
    }

    @Test func orderingByStartThenLabelThenInput() throws {
        let byStart = try InputKit.read("Team,Sprint,Start_Date,Sprint_Commit\nA,Late,2026-02-01,1\nA,Early,2026-01-01,2\n")
        #expect(byStart.only.rows.map(\.period.label) == ["Early", "Late"])
        let byLabel = try InputKit.read("Team,Period,Sprint_Commit\nA,Mar 2026,1\nA,2026-01,2\nA,Q4 2025,3\n")
        #expect(byLabel.only.rows.map(\.period.label) == ["Q4 2025", "2026-01", "Mar 2026"])
        #expect(byLabel.only.rows.map(\.period.granularity) == [.quarterly, .monthly, .monthly])
        let byInput = try InputKit.read("Team,Sprint,Sprint_Commit\nA,Zeta,1\nA,Alpha,2\n")
        #expect(byInput.only.rows.map(\.period.label) == ["Zeta", "Alpha"])
        #expect(byInput.only.rows[0].period.sequence < byInput.only.rows[1].period.sequence)
    }

    @Test func datesAndDateTimes() throws {
        let d = try InputKit.read("Team,Sprint,Start_Date,End_Date\nA,S1,2026-01-05T09:00:00Z,2026-01-18 17:00\n")
        let p = d.only.rows[0].period
        #expect(p.start?.description == "2026-01-05" && p.end?.description == "2026-01-18")
        #expect(p.granularity == .sprint)
    }

    @Test func granularityWordIsNotALabel() throws {
        let d = try InputKit.read("Team,Granularity,Start_Date,Sprint_Commit\nA,MONTHLY,2026-01-01,3\n")
        #expect(d.only.rows[0].period.label == "2026-01-01")
        #expect(d.only.rows[0].period.granularity == .monthly)
    }
}
