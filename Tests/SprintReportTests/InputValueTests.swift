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
