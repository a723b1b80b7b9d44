// The reader's fuzz target (docs/fuzzing.md): bytes → records → rows.
//
// Built only by `scripts/fuzz` (libFuzzer provides `main`). Each input is read twice, in one
// piece and split into chunks of 1–509 bytes (the size follows from the input's length, so
// every boundary gets tried), under small limits so that short inputs reach them; the two
// readings must agree, and what was kept must be clean text with short messages.
import CLibFuzzer
@testable import SprintReport

/// Limits small enough for libFuzzer's inputs (a few KB) to cross every one of them.
let fuzzLimits: ReadLimits = {
    var l = ReadLimits.defaults
    l.fieldBytes = 1_500
    l.recordBytes = 4_096
    l.recordFields = 64
    return l
}()

/// The program's entry (SwiftPM names it `FuzzReader_main`): libFuzzer's driver, with `fuzzReader`
/// for each input.
@_cdecl("FuzzReader_main")
public func fuzzReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzReader(data, size) }
}

/// One input (also exported under libFuzzer's name, which its own `main` needs to link).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // One chunk for the whole input (no bigger: the buffers of a read are sized by it).
    let whole = outcome(bytes, chunkSize: max(size, 16))
    let chunk = 1 + size % 509
    let split = outcome(bytes, chunkSize: chunk)
    if whole != split {
        fatalError("the reading depends on the chunk size (\(chunk)):\n\(whole)\n---- split:\n\(split)")
    }
    return 0
}

/// Everything the reader produced, as text; traps (a fuzzer crash) on a broken invariant.
func outcome(_ bytes: [UInt8], chunkSize: Int) -> String {
    var out: [String] = []
    do {
        let data = try ExportReader.read(contents: [(name: "fuzz.csv", bytes: bytes)], chunkSize: chunkSize,
                                         limits: fuzzLimits)
        for i in data.inputs {
            out.append("input \(i.shape) \(i.level) \(i.modes) rows=\(i.rows) teams=\(i.teams) periods=\(i.periods) "
                + "\(i.firstPeriod ?? "-")…\(i.lastPeriod ?? "-") \(i.sha256)")
            for c in i.columns { clean(c.header, "a header"); out.append("  column \(c.header) → \(c.role)") }
        }
        for s in data.series {
            for text in [s.team.key, s.team.name] + s.team.path + [s.team.orgTree ?? ""] { clean(text, "a team") }
            out.append("series \(s.team.key) \(s.team.name) \(s.team.path) \(s.mode) \(s.level)")
            for r in s.rows {
                clean(r.period.label, "a period label")
                clean(r.period.sprintId ?? "", "a sprint id")
                var line = "  \(r.period.label)|\(r.period.sprintId ?? "-")|\(r.period.start?.description ?? "-")|"
                for m in Metric.allCases { line += r.values[m].map { String($0.bitPattern, radix: 16) } ?? "." ; line += "," }
                for x in r.extras { line += String(x.bitPattern, radix: 16) + ";" }
                out.append(line + "@\(r.source.line)")
            }
        }
        for f in data.findings {
            clean(f.message, "a finding")
            short(f.message)
            out.append("finding \(f.kind) \(f.line ?? 0) \(f.team ?? "-") \(f.period ?? "-") \(f.message)")
        }
    } catch let e as InputErrors {
        for error in e.errors { short(error.description) }
        out.append("error " + e.description)
    } catch {
        fatalError("the reader threw something other than InputErrors: \(error)")
    }
    return out.joined(separator: "\n")
}

/// Kept text holds no control character or noncharacter (`FileText`).
func clean(_ s: String, _ what: String) {
    if s.unicodeScalars.contains(where: { FileText.isReplaced($0.value) }) {
        fatalError("\(what) keeps a control character: \(s.debugDescription)")
    }
}

/// A message quotes file data cut short (80 characters at most, 4 bytes each at most): one
/// quoting a value stays under 1,000 bytes, and a list of 20 header names under 8,000. A
/// field may hold 1,500 bytes here, so a value quoted whole breaks the first bound.
func short(_ message: String) {
    let bound = message.contains("columns found:") ? 8_000 : 1_000
    if message.utf8.count > bound { fatalError("a message of \(message.utf8.count) bytes: \(message.prefix(200))…") }
}
