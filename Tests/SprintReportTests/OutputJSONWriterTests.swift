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

    /// A path written part by part is the joined path quoted (escapes and all).
    @Test func pathPartsAreTheJoinedString() {
        let paths: [[String]] = [[], [""], ["a"], ["Engineering", "Platform", "Falcon"], ["", "", ""],
                                 ["q\"uote", "back\\slash", "new\nline\u{1}", "sep\u{2028}ar\u{2029}", "é✓🙂"],
                                 ["a/b", "c"], [String(repeating: "long ", count: 40), "\t"]]
        for path in paths {
            let parts = JSONWriter.text { w in w.beginArray(); w.string(path: path); w.endArray() }
            let joined = JSONWriter.text { w in w.beginArray(); w.string(path.joined(separator: "/")); w.endArray() }
            #expect(parts == joined, "\(path)")
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

    /// Separators and indentation at every depth to 40 (past `runIndent`, where the writer
    /// goes level by level), against the layout built here as text.
    @Test func indentationAtEveryDepth() {
        #expect(JSONWriter.lineBreaks.utf8CodeUnitCount == 2 + 2 * JSONWriter.runIndent + ByteCursor.padding)
        let depth = 40
        let got = JSONWriter.text { w in
            for _ in 0..<depth {
                w.beginArray()
                w.number(1)
            }
            for _ in 0..<depth { w.endArray() }
        }
        func pad(_ n: Int) -> String { String(repeating: "  ", count: n) }
        var expected = ""
        for d in 0..<depth { expected += "[\n" + pad(d + 1) + "1" + (d + 1 < depth ? ",\n" + pad(d + 1) : "") }
        for d in (0..<depth).reversed() { expected += "\n" + pad(d) + "]" }
        #expect(got == expected + "\n")
    }
}
