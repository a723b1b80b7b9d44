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

    /// The pipeline behind `elements`: every batch handed on once, in batch order, with the
    /// bytes its compose wrote, never two hand-ons at once, for any count of threads and
    /// buffers (one buffer per thread makes the threads wait on each other most).
    @Test func orderedBatchesHandOnInOrder() {
        final class Log: @unchecked Sendable {
            var handed: [String] = []
            var overlapped = false
            let busy = NSLock()
        }
        for workers in [1, 2, 3, 8] {
            for depth in [1, 2, 3] {
                let batches = OrderedBatches(workers: workers, depth: depth, capacity: 16)
                for count in [0, 1, 5, 200] {
                    let log = Log()
                    batches.run(count: count, compose: { b, buffer in
                        // Uneven work, so that batches finish out of order.
                        var x = UInt64(b)
                        for _ in 0..<(b % 7) * 2_000 { x = x &* 6_364_136_223_846_793_005 &+ 1 }
                        buffer.appendText("batch \(b) \(x == 0 ? "" : "")")  // x kept, so the loop is run
                    }, hand: { buffer in
                        if !log.busy.try() { log.overlapped = true; return }
                        log.handed.append(String(decoding: buffer.array, as: UTF8.self))
                        log.busy.unlock()
                    })
                    #expect(log.handed == (0..<count).map { "batch \($0) " }, "\(workers) \(depth) \(count)")
                    #expect(!log.overlapped)
                }
            }
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
