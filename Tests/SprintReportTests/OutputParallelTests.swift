import Foundation
import Synchronization
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

    /// A sink that fails stops the formatting: once `stop` says so, no further batch of
    /// teams is made, so fewer bytes than the whole document are handed on; those handed on
    /// before the failure are the document's first bytes.
    @Test func aFailedSinkStopsTheFormatting() throws {
        let report = Analyzer.analyze(try ExportReader.read(paths: [Fixtures.path(Fixtures.samples[1].file)]))
        let whole = Array(SummaryJSON.render(report).utf8)
        #expect(report.teams.count > 3 && !report.nodes.isEmpty)
        struct Seen { var bytes: [UInt8] = []; var handed = 0; var failed = false }
        final class Box: Sendable { let seen = Mutex(Seen()) }
        let box = Box()
        // The sink fails as the teams begin: at most a batch per buffer of the pool is made
        // after that, and not one node.
        let failAt = try #require(whole.firstRange(of: Array(#""teams": ["#.utf8))).upperBound
        SummaryJSON.write(report, chunk: 1, teamsPerTask: 1, bytes: { piece in
            box.seen.withLock { s in
                s.handed += piece.count
                if !s.failed { s.bytes += piece }
                if s.handed >= failAt { s.failed = true }
            }
        }, stop: { box.seen.withLock { $0.failed } })
        let seen = box.seen.withLock { $0 }
        #expect(seen.failed)
        #expect(seen.handed < whole.count)
        #expect(whole.starts(with: seen.bytes))
    }

    /// A `write` that throws: its first error comes out, and it is not called again.
    @Test func aThrowingWriteReportsItsFirstError() throws {
        struct Full: Error, Equatable { let call: Int }
        let report = Analyzer.analyze(try ExportReader.read(paths: [Fixtures.path(Fixtures.samples[0].file)]))
        final class Calls: Sendable { let count = Mutex(0) }
        for failAt in [0, 3, 10] {
            let calls = Calls()
            #expect(throws: Full(call: failAt)) {
                try SummaryJSON.write(report, chunk: 1, teamsPerTask: 1, throwingTo: { _ in
                    let n = calls.count.withLock { n in defer { n += 1 }; return n }
                    if n >= failAt { throw Full(call: n) }
                })
            }
            #expect(calls.count.withLock { $0 } == failAt + 1, "\(failAt)")
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
