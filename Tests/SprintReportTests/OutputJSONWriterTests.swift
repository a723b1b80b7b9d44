import Foundation
import Testing
@testable import SprintReport

@Suite struct OutputJSONWriterTests {
    /// The writer calls the runtime's formatter directly: it must print what `description` does.
    @Test func numbersMatchSwiftDescription() {
        var rng = SystemRandomNumberGenerator()
        var samples: [Double] = [0.1, 0.2 + 0.1, 1e-5, 1e300, -2.5, 123456.789, 9_007_199_254_740_993.0 * 2,
                                 .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1.0 / 3.0, -0.01, 0.07]
        for _ in 0..<20_000 {
            samples.append(Double(bitPattern: rng.next()))
            samples.append(Double(Int.random(in: -1_000_000...1_000_000)) / 100)
            samples.append(Double(Int.random(in: -99...99)) / 100)
            samples.append(Double(Int.random(in: -100_000_000_000_000_000...100_000_000_000_000_000)) / 100)
            samples.append(Double(Int.random(in: -1_000_000...1_000_000)) / 1000)
        }
        for x in samples where x.isFinite && x != x.rounded() || abs(x) >= 9_007_199_254_740_992 && x.isFinite {
            #expect(JSONWriter.numberText(x) == x.description, "\(x.bitPattern)")
        }
    }

    @Test func integersHaveNoFraction() {
        #expect(JSONWriter.numberText(-42) == "-42")
        #expect(JSONWriter.numberText(9_007_199_254_740_991) == "9007199254740991")
        #expect(JSONWriter.numberText(-9_007_199_254_740_991) == "-9007199254740991")
    }

    @Test func compactAndPrettyNesting() {
        let text = JSONWriter.text { w in
            w.beginObject()
            w.key("a")
            w.beginArray()
            w.beginObject(compact: true)
            w.key("x"); w.number(1)
            w.key("y"); w.beginArray(); w.string("q\""); w.null(); w.endArray()
            w.key("z"); w.beginObject(); w.endObject()
            w.endObject()
            w.beginArray()
            w.endArray()
            w.endArray()
            w.key("b"); w.bool(true)
            w.endObject()
        }
        #expect(text == "{\n  \"a\": [\n    {\"x\": 1, \"y\": [\"q\\\"\", null], \"z\": {}},\n    []\n  ],\n  \"b\": true\n}\n")
    }
}

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
