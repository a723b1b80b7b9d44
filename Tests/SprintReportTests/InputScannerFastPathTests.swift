import PropertyBased
import Testing
@testable import SprintReport

/// The CSV scanner's fast form (`CSVScanner.plainRecord`, for records of plain ASCII fields)
/// against its byte-by-byte definition: the same records, fields, quoting, lines and errors
/// on generated inputs (mostly plain records, with quotes, CR, non-ASCII and invalid bytes,
/// controls, blank lines and small limits mixed in), whatever the chunks they arrive in.
@Suite struct InputScannerFastPathTests {
    struct Record: Equatable {
        var fields: [[UInt8]]
        var quoted: [Bool]
        var line: Int
    }

    struct Outcome: Equatable {
        var records: [Record] = []
        var error: CSVSyntaxError?
    }

    /// Scans `bytes` fed in chunks of the sizes in `chunks` (repeated as needed).
    static func scan(_ bytes: [UInt8], chunks: [Int], limits: ReadLimits, fast: Bool) -> Outcome {
        var out = Outcome()
        let reader = CSVChunkReader(capacity: 16, limits: limits, fastRecords: fast)
        let add = { (r: borrowing CSVRecord) in
            out.records.append(Record(fields: (0..<r.count).map { Array(r.bytes($0)) },
                                      quoted: (0..<r.count).map { r.isQuoted($0) }, line: r.line))
        }
        do {
            try bytes.withUnsafeBufferPointer { b in
                var i = 0, k = 0
                while i < b.count {
                    let n = min(chunks[k % chunks.count], b.count - i)
                    try reader.feed(b.baseAddress! + i, count: n, add)
                    i += n
                    k += 1
                }
            }
            try reader.finish(add)
        } catch let e as CSVSyntaxError {
            out.error = e
        } catch {
            Issue.record("unexpected \(error)")
        }
        return out
    }

    /// One field: mostly short plain text, sometimes something only the byte-by-byte path takes.
    static func field(_ rng: inout SampleRandom) -> [UInt8] {
        let plain = Array("0123456789.-abcXYZ _/".utf8)
        func run(_ n: Int) -> [UInt8] { (0..<n).map { _ in plain[rng.int(in: 0...plain.count - 1)] } }
        switch rng.int(in: 0...29) {
        case 0...19: return run(rng.int(in: 0...10))
        case 20, 21: return run(rng.int(in: 40...140))  // across blocks, past small limits
        case 22: return Array("\"a,b\nc\"\"d\"".utf8)  // quoted: comma, line break, escaped quote
        case 23: return run(2) + Array("é€😀".utf8) + run(2)
        case 24: return run(1) + [[0xFF], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80]][rng.int(in: 0...3)] + run(1)
        case 25: return run(1) + [[0x09], [0x01], [0x7F], [0x00]][rng.int(in: 0...3)] + run(1)
        case 26: return Array("ab\"c".utf8)  // a quote inside a plain field
        case 27: return Array("\"ab\"c".utf8)  // text after the closing quote
        case 28: return Array("x\ry".utf8)  // a lone CR
        default: return rng.chance(0.3) ? Array("\"open".utf8) : run(rng.int(in: 1...3))
        }
    }

    /// A file of `records` records with mixed line endings and blank lines.
    static func input(_ rng: inout SampleRandom) -> [UInt8] {
        var out: [UInt8] = []
        for r in 0..<rng.int(in: 0...14) {
            if r > 0 {
                switch rng.int(in: 0...19) {
                case 0...13: out.append(0x0A)
                case 14, 15: out += [0x0D, 0x0A]
                case 16: out.append(0x0D)
                case 17: out += [0x0A, 0x0A]
                default: out += [0x0D, 0x0A, 0x0D, 0x0A]
                }
            }
            for f in 0..<rng.int(in: 1...14) {
                if f > 0 { out.append(0x2C) }
                out += field(&rng)
            }
        }
        if rng.chance(0.7) { out.append(0x0A) }
        return out
    }

    static func limits(_ rng: inout SampleRandom) -> ReadLimits {
        var limits = ReadLimits.defaults
        if rng.chance(0.4) { limits.fieldBytes = rng.int(in: 1...150) }
        if rng.chance(0.4) { limits.recordBytes = rng.int(in: 1...400) }
        if rng.chance(0.4) { limits.recordFields = rng.int(in: 1...16) }
        return limits
    }

    @Test func fastAndByteByByteScansAgree() async {
        await propertyCheck(count: 3000, input: Gen.uint64()) { seed in
            var rng = SampleRandom(seed: seed)
            let bytes = Self.input(&rng)
            let limits = Self.limits(&rng)
            let chunks = (0..<rng.int(in: 1...4)).map { _ in rng.int(in: 1...300) }
            let whole = Self.scan(bytes, chunks: [bytes.count + 1], limits: limits, fast: false)
            #expect(Self.scan(bytes, chunks: [bytes.count + 1], limits: limits, fast: true) == whole,
                    "seed \(seed)")
            #expect(Self.scan(bytes, chunks: chunks, limits: limits, fast: true)
                    == Self.scan(bytes, chunks: chunks, limits: limits, fast: false), "seed \(seed), chunks \(chunks)")
        }
    }

    @Test func plainRecordsTakeTheFastForm() {
        // What the comparison above is about: a plain record with 64 bytes after its start
        // is taken by `plainRecord`, with the fields the byte-by-byte path finds.
        let record = Array("Electra,team_00001,Engineering/Travel,S 1,2023-07-03,63,23.5,,1.05\r\n".utf8)
        var text = record + Array(repeating: 0x41, count: 64)
        let fields = FieldTable(capacity: 64)
        var block = Int.min, mask: UInt64 = 0
        let taken = text.withUnsafeMutableBufferPointer { b in
            CSVScanner.plainRecord(b.baseAddress!, from: 0, end: b.count, fields: fields, maxFields: 64,
                                   plainLimit: 1 << 20, block: &block, mask: &mask)
        }
        #expect(taken?.next == record.count && taken?.count == 9)
        #expect(taken.map { n in (0..<n.count).map { fields.ends[$0] - fields.starts[$0] } }
            == [7, 10, 18, 3, 10, 2, 4, 0, 4])
        // A quote, a control byte, the buffer's last 64 bytes: not taken.
        for bad in ["a,\"b\",c\n", "a,b\tc,d\n"] {
            var t = Array(bad.utf8) + Array(repeating: 0x41, count: 64)
            block = Int.min
            #expect(t.withUnsafeMutableBufferPointer { b in
                CSVScanner.plainRecord(b.baseAddress!, from: 0, end: b.count, fields: fields, maxFields: 64,
                                       plainLimit: 1 << 20, block: &block, mask: &mask)
            } == nil)
        }
        var short = Array("a,b\n".utf8)
        block = Int.min
        #expect(short.withUnsafeMutableBufferPointer { b in
            CSVScanner.plainRecord(b.baseAddress!, from: 0, end: b.count, fields: fields, maxFields: 64,
                                   plainLimit: 1 << 20, block: &block, mask: &mask)
        } == nil)
    }

    @Test func flaggedBytesMarksExactlyTheBytesToLookAt() async {
        let interesting: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x00, 0x1F, 0x20, 0x21, 0x2B, 0x2D, 0x7F, 0x80, 0xAC,
                                    0xA2, 0xFF, 0x30, 0x41]
        await propertyCheck(count: 2000, input: Gen.uint64()) { seed in
            var rng = SampleRandom(seed: seed)
            var bytes = (0..<64).map { _ in
                rng.chance(0.5) ? interesting[rng.int(in: 0...interesting.count - 1)] : UInt8(truncatingIfNeeded: rng.next())
            }
            var expected: UInt64 = 0
            for (i, c) in bytes.enumerated() where c == 0x2C || c == 0x22 || c < 0x20 || c >= 0x80 {
                expected |= 1 << UInt64(i)
            }
            let m = bytes.withUnsafeMutableBufferPointer { CSVScanner.flaggedBytes($0.baseAddress!) }
            #expect(m == expected, "\(bytes)")
        }
    }
}
