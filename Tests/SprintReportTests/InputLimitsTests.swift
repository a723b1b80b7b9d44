import Foundation
import Testing
@testable import SprintReport

/// The reader's limits (docs/limits.md) and its time: the reproducers of issue 10, as tests.
@Suite struct InputLimitsTests {
    static let header = "Team,Sprint,Start_Date,Sprint_Commit\n"

    func read(_ bytes: [UInt8], chunkSize: Int = ExportReader.defaultChunkSize,
              limits: ReadLimits = .defaults) -> Result<DataSet, InputErrors> {
        do {
            return .success(try ExportReader.read(contents: [(name: "F", bytes: bytes)], chunkSize: chunkSize, limits: limits))
        } catch let e as InputErrors {
            return .failure(e)
        } catch {
            return .failure(InputErrors([InputError(file: "?", "unexpected \(error)")]))
        }
    }

    func error(_ bytes: [UInt8], chunkSize: Int = ExportReader.defaultChunkSize, limits: ReadLimits = .defaults) -> String? {
        if case .failure(let e) = read(bytes, chunkSize: chunkSize, limits: limits) { return e.description }
        return nil
    }

    @Test(arguments: [1, 7, 4096, ExportReader.defaultChunkSize])
    func longFieldIsAnErrorNamingTheLimit(chunkSize: Int) {
        let bytes = Array((Self.header + "A,S1,2026-01-05,1\n" + String(repeating: "x", count: 70_000) + ",S2,2026-01-19,2\n").utf8)
        #expect(error(bytes, chunkSize: chunkSize)
            == "F:3: error: a field longer than 65536 bytes (limit field-bytes; raise it with --limit field-bytes=N)")
    }

    @Test func raisedLimitReadsTheLongField() throws {
        var limits = ReadLimits.defaults
        try limits.set("field-bytes=128K")
        let name = String(repeating: "x", count: 70_000)
        let bytes = Array((Self.header + name + ",S1,2026-01-05,1\n").utf8)
        guard case .success(let data) = read(bytes, limits: limits) else { Issue.record("not read"); return }
        #expect(data.only.team.name == name)
    }

    @Test(arguments: [1, 5, 64, ExportReader.defaultChunkSize])
    func quotedFieldAcrossLinesNamesItsFirstLine(chunkSize: Int) {
        var limits = ReadLimits.defaults
        limits.fieldBytes = 100
        let field = "\"" + String(repeating: "ab\n", count: 60) + "\""
        let bytes = Array((Self.header + "A,S1,2026-01-05,1\nA," + field + ",2026-01-19,2\n").utf8)
        #expect(error(bytes, chunkSize: chunkSize, limits: limits)
            == "F:3: error: a field longer than 100 bytes (limit field-bytes; raise it with --limit field-bytes=N)")
    }

    @Test(arguments: [1, 9, ExportReader.defaultChunkSize])
    func recordBytesAndFieldCount(chunkSize: Int) {
        var limits = ReadLimits.defaults
        limits.recordBytes = 200
        let wide = Self.header + Array(repeating: String(repeating: "y", count: 60), count: 4).joined(separator: ",") + "\n"
        #expect(error(Array(wide.utf8), chunkSize: chunkSize, limits: limits)
            == "F:2: error: a record longer than 200 bytes (limit record-bytes; raise it with --limit record-bytes=N)")
        // 32 M commas took 43 s and 1.2 GB; past 10,000 fields the record stops at once.
        let commas = Array((Self.header + String(repeating: ",", count: 20_000) + "\n").utf8)
        #expect(error(commas, chunkSize: chunkSize)
            == "F:2: error: a record of more than 10000 fields (limit record-fields; raise it with --limit record-fields=N)")
    }

    @Test func headerIsHeldToTheLimitsAndEchoedCut() throws {
        // A 4 MB header cell used to be echoed whole into the error (4 MB of stderr).
        var limits = ReadLimits.defaults
        try limits.set("field-bytes=8M")
        try limits.set("record-bytes=8M")
        let cell = String(repeating: "h", count: 4 << 20)
        let e = try #require(error(Array(("Sprint," + cell + "\nS1,1\n").utf8), limits: limits))
        #expect(e.utf8.count < 400)
        #expect(e.hasSuffix("columns found: 'Sprint', '" + String(repeating: "h", count: 80) + "… (4194304 bytes)'"))
        #expect(error(Array(("Sprint," + cell + "\nS1,1\n").utf8))?.hasPrefix("F:1: error: a field longer than 65536 bytes") == true)
        // Many columns: 20 named, the rest counted.
        let many = (0..<500).map { "c\($0)" }.joined(separator: ",")
        let m = try #require(error(Array(("Sprint," + many + "\nS1\n").utf8)))
        #expect(m.hasSuffix("'c18' and 481 more"))
    }

    @Test func nulBombFailsAtTheFieldLimit() {
        // 2 GiB of NUL bytes in a 2 MB gzip ran 5 minutes past 1 GB; 16 MiB here make the point.
        let bomb = InputKit.gzip([UInt8](repeating: 0, count: 16 << 20))
        #expect(error(bomb) == "F:1: error: a field longer than 65536 bytes (limit field-bytes; raise it with --limit field-bytes=N)")
    }

    @Test func devZeroFailsAtTheFieldLimit() {
        // `summary -` on /dev/zero grew forever.
        #expect(InputKit.errors(["/dev/zero"]).first?.description
            == "/dev/zero:1: error: a field longer than 65536 bytes (limit field-bytes; raise it with --limit field-bytes=N)")
    }

    @Test func readingIsLinearInALongRecord() throws {
        // One 4 MB record fed in 1 KB pieces: a scanner that starts the unfinished record over
        // on every piece scans it 2,000 times (8 GB); doubling before each rescan bounds it.
        var limits = ReadLimits.defaults
        limits.fieldBytes = 8 << 20
        limits.recordBytes = 8 << 20
        var records = 0
        let reader = CSVChunkReader(capacity: 16, limits: limits)
        let bytes = Array((Self.header + String(repeating: "z", count: 4 << 20) + ",S1,2026-01-05,1\n").utf8)
        try bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let n = min(1024, b.count - i)
                try reader.feed(b.baseAddress! + i, count: n) { _ in records += 1 }
                i += n
            }
        }
        try reader.finish { _ in records += 1 }
        #expect(records == 2)
        #expect(reader.bytesScanned <= 3 * bytes.count, "\(reader.bytesScanned) bytes scanned for \(bytes.count)")
    }

    @Test func blankLinesAreSkippedAndCounted() throws {
        let text = Self.header + String(repeating: "\n", count: 100_000) + "A,S1,2026-01-05,x\n"
        let data = try InputKit.read(text, chunkSize: 777)
        #expect(data.findings.first?.line == 100_002)
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 64, ExportReader.defaultChunkSize])
    func theEarliestProblemWinsWhateverTheChunking(chunkSize: Int) {
        var limits = ReadLimits.defaults
        limits.fieldBytes = 20
        limits.recordBytes = 60
        limits.recordFields = 6
        // Each case: (input, the error), the same for every chunk size.
        let cases: [([UInt8], String)] = [
            // A field past its limit before an invalid byte in it.
            (Array("Team,Sprint\nA,\"".utf8) + [UInt8](repeating: 0x61, count: 30) + [0xFF] + Array("\"\n".utf8),
             "F:2: error: a field longer than 20 bytes (limit field-bytes; raise it with --limit field-bytes=N)"),
            // An invalid byte before the field's limit.
            (Array("Team,Sprint\nA,\"aa".utf8) + [0xFF] + [UInt8](repeating: 0x61, count: 30) + Array("\"\n".utf8),
             "F:2: error: invalid UTF-8"),
            // The record's limit before the seventh field.
            (Array(("Team,Sprint\n" + String(repeating: "bbbbbbbbbbbbbbbbbb,", count: 4) + "c\n").utf8),
             "F:2: error: a record longer than 60 bytes (limit record-bytes; raise it with --limit record-bytes=N)"),
            // The seventh field before the record's limit.
            (Array("Team,Sprint\na,b,c,d,e,f,g\n".utf8),
             "F:2: error: a record of more than 6 fields (limit record-fields; raise it with --limit record-fields=N)"),
            // A field of exactly the limit, then a CR at a chunk boundary: no error from the limits.
            (Array(("Team,Sprint\r\nA," + String(repeating: "s", count: 20) + "\r\nA,S2,x\r\n").utf8),
             "F:3: error: expected 2 fields (as in the header), found 3"),
            // An unterminated quote past the field's limit.
            (Array(("Team,Sprint\nA,\"" + String(repeating: "q", count: 40)).utf8),
             "F:2: error: a field longer than 20 bytes (limit field-bytes; raise it with --limit field-bytes=N)"),
        ]
        for (bytes, expected) in cases {
            #expect(error(bytes, chunkSize: chunkSize, limits: limits) == expected, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test(arguments: [16, 100, ExportReader.defaultChunkSize])
    func corruptGzipReportsTheEarlierProblemInItsText(chunkSize: Int) {
        // A record with a wrong field count, then the gzip breaks: the record comes first.
        let rest = (0..<5000).map { "A,S\($0),2026-01-05,\($0 * 7919 % 1000)\n" }.joined()
        var gz = InputKit.gzip(Self.header + "A,S1,2026-01-05,1\nA,S2,2026-01-19,2,9\n" + rest)
        gz[gz.count * 2 / 3] ^= 0xFF
        gz[gz.count * 2 / 3 + 1] ^= 0x55
        let e = error(gz, chunkSize: chunkSize)
        #expect(e == "F:3: error: expected 4 fields (as in the header), found 5", "\(e ?? "no error")")
    }

    @Test func limitOptionValues() throws {
        var l = ReadLimits.defaults
        try l.set("field-bytes=64K")
        try l.set("record-bytes=2M")
        try l.set("record-fields=12")
        #expect(l.fieldBytes == 65_536 && l.recordBytes == 2 << 20 && l.recordFields == 12)
        try l.set("record-bytes=1G")
        #expect(l.recordBytes == 1 << 30)
        for bad in ["field-bytes", "field-bytes=", "field-bytes=0", "field-bytes=-1", "field-bytes=1.5K", "field-bytes=2T",
                    "field-bytes=99999999999999G", "field-bytes=2G", "field-bytes=1073741825", "rows=5", "=5"] {
            #expect(throws: InvalidLimit.self, "\(bad)") { try l.set(bad) }
        }
        #expect(ReadLimits.defaults.fieldBytes == 64 << 10 && ReadLimits.defaults.recordBytes == 1 << 20
            && ReadLimits.defaults.recordFields == 10_000)
    }
}

/// Findings raised per record or cell are kept up to 1,000 of a kind per file, then counted:
/// a 12 KB gzip of 4 million empty records held a gigabyte of findings.
@Suite struct InputFindingBoundTests {
    @Test func findingsPastTheBoundAreCounted() throws {
        let text = "Team,Sprint,Sprint_Commit\n" + String(repeating: ",,\n", count: 5_000) + "A,S1,x\nA,S2,3\n"
        let data = try InputKit.read(text)
        let skipped = data.findings.filter { $0.kind == .unparsedValue }
        #expect(skipped.count == RowStore.findingsPerKind + 1)
        let last = try #require(skipped.first { $0.message.hasPrefix("4001 more") })
        #expect(last.line == 1_002)
        #expect(last.message == "4001 more unparsed-value findings from this line on are not listed (the first 1000 are)")
        // Each file has its own bound; other kinds are not counted against it.
        let two = try InputKit.read([text, "Team,Sprint,Sprint_Commit\n,,\nA,S1,-2\n"])
        #expect(two.findings.filter { $0.kind == .unparsedValue }.count == RowStore.findingsPerKind + 2)
        #expect(two.findings.contains { $0.kind == .negativeValue })
    }
}
