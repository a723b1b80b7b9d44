import Foundation
import Synchronization
import Testing
@testable import SprintReport

@Suite struct OutputJSONTests {
    /// A small report: one team with two periods (one corrupted), a window open at its end.
    static func report() -> Report {
        let rows = [
            TestData.row("Falcon Sprint 1", end: "2026-01-18", start: "2026-01-05",
                         [.sprintCommit: 22, .sprintCreep: 17, .deliveredCommit: 12.5, .deliveredCreep: 11], line: 2),
            TestData.row("Falcon Sprint 2", end: "2026-02-01", start: "2026-01-19",
                         [.sprintCommit: 30, .sprintCreep: 6, .sprintSize: 38.5, .totalWorkDelivered: 22], line: 3),
        ]
        let data = TestData.dataSet([TestData.series("Falcon \"F\"", path: ["Eng", "Falcon \"F\""], rows)])
        return Analyzer.analyze(data, window: Window(from: Day(iso: "2026-01-01")))
    }

    /// `Golden/summary.json`, reviewed by hand: key order, integral numbers, null for
    /// undefined, derived lists.
    @Test func goldenDocument() throws {
        try GoldenFiles.check(Data(SummaryJSON.render(Self.report()).utf8), against: "summary.json", in: GoldenFiles.tests)
    }

    @Test func sameInputSameBytesAndValidJSON() throws {
        let a = SummaryJSON.render(Self.report()), b = SummaryJSON.render(Self.report())
        #expect(a == b)
        let parsed = try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any]
        #expect(parsed?["schemaVersion"] as? Int == 1)
    }

    @Test func sampleExportsGiveTheSameBytesOnEveryRun() throws {
        for sample in Fixtures.samples {
            let render = { SummaryJSON.render(Analyzer.analyze(try ExportReader.read(paths: [Fixtures.path(sample.file)]))) }
            let first = try render()
            #expect(try render() == first, "\(sample.file)")
            for bad in [": nan", ": inf", ": -inf"] { #expect(!first.contains(bad), "\(sample.file)") }
        }
    }

    @Test func writtenInPiecesGivesTheSameBytes() {
        final class Pieces: Sendable { let list = Mutex<[[UInt8]]>([]) }
        let box = Pieces()
        SummaryJSON.write(Self.report(), chunk: 200) { piece in box.list.withLock { $0.append(piece) } }
        let pieces = box.list.withLock { $0 }
        #expect(pieces.count > 3)
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == SummaryJSON.render(Self.report()))
    }

    @Test func numbersAreShortestRoundTripAndNeverNaN() {
        #expect(JSONWriter.numberText(346) == "346")
        #expect(JSONWriter.numberText(-0.0) == "0")
        #expect(JSONWriter.numberText(20.884615384615383) == "20.884615384615383")
        #expect(JSONWriter.numberText(0.1 + 0.2) == "0.30000000000000004")
        #expect(JSONWriter.numberText(1e-5) == "1e-05")
        #expect(JSONWriter.numberText(1e300) == "1e+300")
        #expect(JSONWriter.text { $0.number(Double.nan) } == "null\n")
        #expect(JSONWriter.text { $0.number(Double.infinity) } == "null\n")
        #expect(JSONWriter.text { $0.number(nil as Double?) } == "null\n")
    }

    @Test func stringsAreEscaped() {
        #expect(JSONWriter.text { $0.string("Zürich – Team") } == "\"Zürich – Team\"\n")
        #expect(JSONWriter.text { $0.string("plain") } == "\"plain\"\n")
        #expect(JSONWriter.text { $0.string("a\"b\\c\nd\u{1}é\u{2028}") } == "\"a\\\"b\\\\c\\nd\\u0001é\\u2028\"\n")
    }
}
