import Foundation
import PropertyBased
import Testing
@testable import SprintReport

@Suite struct InputCSVTests {
    @Test(arguments: [1, 2, 3, 4, 5, 7, 64])
    func rfc4180Records(chunkSize: Int) throws {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line\r\nbreak\",é,\n\n,,\r\nlast,\"\",x"
        let records = try InputKit.records(Array(text.utf8), chunkSize: chunkSize)
        #expect(records == [
            ["a", "b,c", "say \"hi\""],
            ["line\r\nbreak", "é", ""],
            ["", "", ""],
            ["last", "", "x"],
        ])
    }

    @Test func wideRecordsGrowTheFieldTable() throws {
        let row = (0..<300).map { "f\($0)" }
        let text = row.joined(separator: ",") + "\n" + row.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
        for size in [7, 1 << 16] {
            #expect(try InputKit.records(Array(text.utf8), chunkSize: size) == [row, row])
        }
        let d = try InputKit.read("Team,Sprint," + (0..<200).map { "X\($0)" }.joined(separator: ",") + "\nA,S1,"
            + (0..<200).map { "\($0)" }.joined(separator: ",") + "\n", chunkSize: 5)
        #expect(d.extraMetrics.count == 200 && d.only.rows[0].extras[199] == 199)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Team,Sprint\nA,S1\n".utf8)
        for size in 1...4 {
            #expect(try InputKit.records(bytes, chunkSize: size) == [["Team", "Sprint"], ["A", "S1"]])
        }
    }

    @Test func finalRecordWithoutLineEnding() throws {
        #expect(try InputKit.records(Array("a,b\nc,d".utf8), chunkSize: 3) == [["a", "b"], ["c", "d"]])
        #expect(try InputKit.records(Array("a,b\r\nc,d\r\n".utf8), chunkSize: 3) == [["a", "b"], ["c", "d"]])
    }

    @Test func lineNumbersArePhysicalLines() throws {
        // A CR/LF inside quotes advances the count; blank lines are skipped but counted.
        let text = "h1,h2\n\"x\r\ny\",1\n\nz,2\r\n\"a\nb\nc\",3\n"
        for size in [1, 2, 5, 100] {
            #expect(try InputKit.recordLines(text, chunkSize: size) == [1, 2, 5, 6])
        }
    }

    @Test func textAfterClosingQuoteIsKept() throws {
        #expect(try InputKit.records(Array("\"ab\"c,d\n".utf8), chunkSize: 2) == [["abc", "d"]])
    }

    @Test func unterminatedQuoteNamesItsStartLine() {
        #expect(throws: CSVSyntaxError.unterminatedQuote(line: 2)) {
            try InputKit.records(Array("a,b\n\"open,\nstill\nopen".utf8), chunkSize: 3)
        }
    }

    @Test func invalidUTF8NamesTheLineOfTheBadByte() {
        let cases: [[UInt8]] = [
            Array("a,b\n\"x\ny".utf8) + [0xFF] + Array("\",1\n".utf8),  // inside quotes, line 3
            Array("a,b\nc,d\ne,".utf8) + [0xC3, 0x28] + Array("\n".utf8),  // bad continuation, line 3
            Array("a,b\nc,d\ne,".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8),  // surrogate, line 3
            Array("a,b\nc,d\ne,".utf8) + [0xE2, 0x82],  // sequence cut by the end of input
        ]
        for bytes in cases {
            for size in [1, 2, 3, 64] {
                #expect(throws: CSVSyntaxError.invalidUTF8(line: 3)) {
                    try InputKit.records(bytes, chunkSize: size)
                }
            }
        }
    }

    @Test func multiByteSequencesSplitAcrossChunks() throws {
        let text = "é€😀,\"—\nü\"\n"
        for size in 1...6 {
            #expect(try InputKit.records(Array(text.utf8), chunkSize: size) == [["é€😀", "—\nü"]])
        }
    }

    /// Round trip: any fields, written as RFC 4180 with either line ending, read back equal,
    /// whatever the chunk size.
    @Test func roundTrip() async {
        let alphabet: [Character] = ["a", "Z", "1", ",", "\"", "\r", "\n", "\r\n", " ", "é", "€", "😀", "%"]
        let field = Gen<Character?>.element(of: alphabet).map { $0! }.string(of: 0...5)
        let records = field.array(of: 1...4).array(of: 1...5)
        await propertyCheck(count: 300, input: records, Gen.int(in: 1...9), Gen.bool()) { rows, size, crlf in
            let text = rows.map { fields in
                fields.map { f in
                    f.isEmpty || f.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) })
                        ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
                }.joined(separator: ",")
            }.joined(separator: crlf ? "\r\n" : "\n")
            let back = try InputKit.records(Array(text.utf8), chunkSize: size)
            #expect(back == rows)
        }
    }

    /// The scanner's eight-bytes-at-a-time test finds exactly the first `,` CR LF or
    /// non-ASCII byte of a word, whatever surrounds it.
    @Test func wordScanFindsTheFirstSpecialByte() async {
        let byte = Gen.int(in: 0...12).map { k -> UInt8 in
            [0x2C, 0x0A, 0x0D, 0x80, 0xFF, 0xC3, 0x00, 0x01, 0x2B, 0x2D, 0x0B, 0x7F, 0x41][k]
        }
        await propertyCheck(count: 2000, input: byte.array(of: 8...8)) { bytes in
            var word: UInt64 = 0
            for (i, b) in bytes.enumerated() { word |= UInt64(b) << (8 * UInt64(i)) }
            let first = bytes.firstIndex { $0 == 0x2C || $0 == 0x0A || $0 == 0x0D || $0 >= 0x80 }
            let m = CSVScanner.specialBytes(word)
            #expect((m == 0 ? nil : m.trailingZeroBitCount / 8) == first, "\(bytes)")
        }
    }
}
