import Testing
@testable import SprintReport

@Suite struct InputValueTests {
    func parse(_ text: String, quoted: Bool = false) -> CellValue {
        Array(text.utf8).withUnsafeBufferPointer { NumberCell.parse($0, quoted: quoted) }
    }

    @Test func decimalsPercentsAndExponents() {
        #expect(parse("12") == .number(12))
        #expect(parse("-3.25") == .number(-3.25))
        #expect(parse("+0.5") == .number(0.5))
        #expect(parse(" 7.5 ") == .number(7.5))
        #expect(parse("52.63%") == .number(52.63))
        #expect(parse(".5") == .number(0.5))
        #expect(parse("5.") == .number(5))
        #expect(parse("1e3") == .number(1000))
        #expect(parse("2.5E-2") == .number(0.025))
    }

    @Test func fastPathIsCorrectlyRounded() {
        for text in ["0.1", "0.7", "52.63", "1.0000000000000002", "123456.789", "900719925.4740993",
                     "0.30000000000000004", "123456789.01234567890", "3.14159265358979323846"] {
            #expect(parse(text) == .number(Double(text)!), "\(text)")
        }
        // Every two-decimal value the platform prints, against the standard library.
        for i in stride(from: 0, through: 100_000, by: 7) {
            let text = "\(i / 100).\(i % 100 < 10 ? "0" : "")\(i % 100)"
            #expect(parse(text) == .number(Double(text)!), "\(text)")
        }
    }

    @Test func thousandsSeparatorsOnlyWhenQuoted() {
        #expect(parse("1,234.5", quoted: true) == .number(1234.5))
        #expect(parse("-12,345,678", quoted: true) == .number(-12_345_678))
        #expect(parse("1,234.5", quoted: false) == .unparsed)
        #expect(parse("12,34", quoted: true) == .unparsed)
    }

    @Test func missingMarkers() {
        for text in ["", "  ", "NA", "na", "N/A", "n/a", "null", "NULL", "NaN", "nan", "-", "—"] {
            #expect(parse(text) == .missing, "\(text)")
        }
    }

    @Test func notNumbers() {
        for text in ["abc", "inf", "0x10", "1.2.3", "12pts", "%"] { #expect(parse(text) == .unparsed, "\(text)") }
    }

    @Test func missingIsNotZeroInRows() throws {
        let d = try InputKit.read("Team,Sprint,Sprint_Commit,Sprint_Creep\nA,S1,0,NA\n")
        #expect(d.only.rows[0].values[.sprintCommit] == 0)
        #expect(d.only.rows[0].values[.sprintCreep] == nil)
    }

    @Test func quotedThousandsInAFile() throws {
        let d = try InputKit.read("Team,Sprint,Sprint_Commit\nA,S1,\"1,234.5\"\n")
        #expect(d.only.rows[0].values[.sprintCommit] == 1234.5)
    }

    @Test func unparsedCellIsMissingAndQuoted() throws {
        let d = try InputKit.read("Team,Sprint,Sprint_Commit,Sprint_Creep\nA,S1,twelve,3\n")
        #expect(d.only.rows[0].values[.sprintCommit] == nil)
        #expect(d.only.rows[0].values[.sprintCreep] == 3)
        let f = d.findings.filter { $0.kind == .unparsedValue }
        #expect(f.count == 1)
        #expect(f.first?.line == 2 && f.first?.message.contains("'twelve'") == true)
        #expect(f.first?.team == "A" && f.first?.period == "S1")
    }

    @Test func negativeWorkIsKeptAndReported() throws {
        let d = try InputKit.read("Team,Sprint,Sprint_Commit,Total_Delivered_Work_Vs_Committed_Work\nA,S1,-2,-0.5\n")
        #expect(d.only.rows[0].values[.sprintCommit] == -2)
        let f = d.findings.filter { $0.kind == .negativeValue }
        #expect(f.count == 1)  // the ratio is not a work metric
        #expect(f.first?.message.contains("SPRINT_COMMIT") == true)
    }
}

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
