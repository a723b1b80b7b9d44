import Foundation
import Testing
@testable import SprintReport

@Suite struct OutputParallelTests {
    /// Elements made in parallel batches are the bytes of writing them one by one.
    @Test func parallelElementsAreTheSerialBytes() {
        func document(_ make: (inout JSONWriter, Int) -> Void) -> String {
            JSONWriter.text { w in
                w.beginObject()
                w.key("a")
                w.beginArray()
                make(&w, 37)
                w.endArray()
                w.key("b")
                w.beginArray()
                make(&w, 0)
                w.endArray()
                w.endObject()
            }
        }
        @Sendable func element(_ i: Int, _ w: inout JSONWriter) {
            w.beginObject()
            w.key("i"); w.number(i)
            w.key("p"); w.beginArray(compact: true); w.number(Double(i) / 7); w.string("x\(i)"); w.endArray()
            w.endObject()
        }
        let serial = document { w, n in for i in 0..<n { element(i, &w) } }
        for batch in [1, 2, 5, 16, 100] {
            #expect(document { w, n in w.elements(count: n, batch: batch, element) } == serial, "batch \(batch)")
        }
    }

    /// Analysis runs in parallel chunks: every chunking (one series per task, a few, all in one
    /// task on one thread) must give the same JSON bytes.
    @Test func sameBytesWhateverTheChunking() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let generated = dir.appendingPathComponent("org.csv.gz").path
        let options = SampleOptions(teams: 40, sprints: 12, seed: 5, level: .sprint, granularity: .monthly,
                                    modes: [.storyPoints, .tickets])
        _ = try SampleWriter.write(SampleGenerator(options), to: generated)
        for path in Fixtures.samples.map({ Fixtures.path($0.file) }) + [generated] {
            let data = try ExportReader.read(paths: [path])
            let serial = SummaryJSON.render(Analyzer.analyze(data, chunkSize: Int.max))
            for chunk in [1, 2, 3, 64] {
                #expect(SummaryJSON.render(Analyzer.analyze(data, chunkSize: chunk)) == serial, "\(path) \(chunk)")
            }
        }
    }
}
