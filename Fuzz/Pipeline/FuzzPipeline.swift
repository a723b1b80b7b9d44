// The whole pipeline's fuzz target (docs/fuzzing.md): bytes → data set → report → the three
// summaries and every page of the site, rendered in memory.
//
// Built only by `scripts/fuzz` (libFuzzer provides `main`). Besides "no crash": the JSON
// summary must parse, reading with every team analysed as its rows end must give the same
// JSON, and no page or summary may carry a control character from the data.
import Foundation
import CLibFuzzer
@testable import SprintReport

/// The built-in templates, loaded once (they are not input).
let templates: PageTemplates = {
    do { return try PageTemplates.embedded() } catch { fatalError("the built-in templates do not load: \(error)") }
}()

/// The program's entry (SwiftPM names it `FuzzPipeline_main`): libFuzzer's driver, with `fuzzPipeline`
/// for each input.
@_cdecl("FuzzPipeline_main")
public func fuzzPipelineMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPipeline(data, size) }
}

/// One input (also exported under libFuzzer's name, which its own `main` needs to link).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let dataSet: DataSet
    do {
        dataSet = try ExportReader.read(contents: [(name: "fuzz.csv", bytes: bytes)])
    } catch {
        return 0  // an input error: the reader's target checks those
    }
    let report = Analyzer.analyze(dataSet)
    let json = SummaryJSON.render(report)
    guard (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil else {
        fatalError("the JSON summary does not parse:\n\(json.prefix(2_000))")
    }
    // The same input with every team analysed while it is read (`EarlyAnalysis`, what
    // `summary` does for one file), in small chunks: the same document, byte for byte.
    let options = ReadOptions(analysis: ReadOptions.Analysis(window: Window(), thresholds: .defaults))
    guard let early = try? ExportReader.read(contents: [(name: "fuzz.csv", bytes: bytes)], chunkSize: 61,
                                             options: options, analysesAtOnce: true) else {
        fatalError("the input reads plainly but not with early analysis")
    }
    guard SummaryJSON.render(Analyzer.analyze(early)) == json else {
        fatalError("early analysis changes the JSON summary")
    }
    noControls(SummaryText.render(report), "the text summary")
    noControls(SummaryMarkdown.render(report), "the Markdown summary")
    for (file, html) in pages(report) { noControls(html, file) }
    return 0
}

/// Every page of the site for `report`, as `build` renders them, without writing files.
/// (Uses the site builder's page list and renderer: if those change, change this.)
func pages(_ report: Report) -> [(file: String, html: String)] {
    let settings = SiteBuilder.settings(report, templates: templates, options: BuildOptions(), singleFile: false)
    return SiteBuilder.pages(report).map { page in
        do { return try SiteBuilder.render(page, settings) } catch { fatalError("a page failed to render: \(error)") }
    }
}

/// No C0 control but tab, LF and CR, no DEL and no C1 control in an output.
func noControls(_ text: String, _ what: String) {
    for u in text.unicodeScalars where (u.value < 0x20 && u.value != 0x09 && u.value != 0x0A && u.value != 0x0D)
        || (u.value >= 0x7F && u.value <= 0x9F) {
        fatalError("\(what) holds U+\(String(u.value, radix: 16, uppercase: true))")
    }
}
