import Testing
@testable import SprintReport

/// What an export's numbers may be (docs/limits.md): finite and within ±1e9. Past that a
/// cell is treated as missing and reported like a cell that is not a number — the crash
/// reproducers of issue 10 (1e19, -1e19, 1e308, 1.7976931348623157e308) read cleanly.
@Suite struct InputNumberRangeTests {
    func parse(_ text: String) -> CellValue {
        Array(text.utf8).withUnsafeBufferPointer { NumberCell.parse($0, quoted: false) }
    }

    @Test func boundIsInclusive() {
        #expect(parse("1000000000") == .number(1e9))
        #expect(parse("-1000000000.00") == .number(-1e9))
        #expect(parse("1e9") == .number(1e9))
        #expect(parse("1000000000.01") == .outOfRange)
        #expect(parse("-1e9.5") == .unparsed)
        #expect(parse("1e-20") == .number(1e-20))  // tiny is a number: the charts cope with it
    }

    @Test(arguments: ["1e19", "-1e19", "1e308", "1.7976931348623157e308", "9300000000000000000", "12345678901234567890",
                      "1e400", "-1e400", "\"1,000,000,000,000\""])
    func outOfRange(_ text: String) {
        let quoted = text.hasPrefix("\"")
        let cell = quoted ? String(text.dropFirst().dropLast()) : text
        #expect(Array(cell.utf8).withUnsafeBufferPointer { NumberCell.parse($0, quoted: quoted) } == .outOfRange)
    }

    @Test(arguments: ["1e19", "-1e19", "1e308", "1.7976931348623157e308"])
    func reproducerReadsWithAFinding(_ value: String) throws {
        let csv = "Team,Team_Id,Sprint,Start_Date,Sprint_Commit,Sprint_Creep,Sprint_Size\n"
            + "Falcon,t1,S1,2026-01-06,20,5,25\nFalcon,t1,S2,2026-01-20,\(value),5,25\n"
        let data = try InputKit.read(csv)
        #expect(data.only.rows[1].values[.sprintCommit] == nil)
        #expect(data.only.rows[1].values[.sprintCreep] == 5)
        let f = try #require(data.findings.first { $0.kind == .unparsedValue })
        #expect(f.line == 3 && f.team == "Falcon" && f.period == "S2")
        #expect(f.message == "SPRINT_COMMIT is '\(value)', beyond the ±1,000,000,000 an export can hold (treated as missing)")
        // And the rest of the run neither traps nor shows the value.
        let report = Analyzer.analyze(data)
        #expect(!SummaryText.render(report).isEmpty)
    }

    @Test func longShapeAndExtraColumnsToo() throws {
        let long = try InputKit.read("Team,Sprint,Start_Date,Metric,Value\nA,S1,2026-01-06,SPRINT_COMMIT,1e19\n"
            + "A,S1,2026-01-06,Mood,-1e300\nA,S1,2026-01-06,SPRINT_CREEP,2\n")
        #expect(long.only.rows[0].values[.sprintCommit] == nil && long.only.rows[0].values[.sprintCreep] == 2)
        #expect(long.findings.map(\.message).contains("SPRINT_COMMIT is '1e19', beyond the ±1,000,000,000 an export can hold (treated as missing)"))
        #expect(long.findings.map(\.message).contains("metric 'Mood' is '-1e300', beyond the ±1,000,000,000 an export can hold (treated as missing)"))
        let wide = try InputKit.read("Team,Sprint,Start_Date,Sprint_Commit,Mood\nA,S1,2026-01-06,3,1e300\nA,S2,2026-01-20,3,4\n")
        #expect(wide.only.rows[0].extras.first.map { $0.isNaN } == true && wide.only.rows[1].extras.first == 4)
        #expect(wide.findings.contains { $0.message == "column 'Mood' is '1e300', beyond the ±1,000,000,000 an export can hold (treated as missing)" })
    }

    @Test func unparsedCellsAreQuotedCut() throws {
        let junk = String(repeating: "j", count: 5000)
        let data = try InputKit.read("Team,Sprint,Start_Date,Sprint_Commit\nA,S1,2026-01-06,\(junk)\n")
        let f = try #require(data.findings.first)
        #expect(f.message == "SPRINT_COMMIT is '\(String(repeating: "j", count: 80))… (5000 bytes)', which is not a number (treated as missing)")
    }
}
