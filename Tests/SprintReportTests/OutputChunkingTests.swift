import Foundation
import Testing
@testable import SprintReport

/// Teams formatted in parallel chunks: the same bytes whatever the chunk size.
@Suite struct OutputChunkingTests {
    @Test func sameBytesWhateverTheTeamsPerTask() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let generated = dir.appendingPathComponent("org.csv.gz").path
        let options = SampleOptions(teams: 45, sprints: 9, seed: 11, level: .sprint, granularity: .monthly,
                                    modes: [.storyPoints, .tickets])
        _ = try SampleWriter.write(SampleGenerator(options), to: generated)
        for path in Fixtures.samples.map({ Fixtures.path($0.file) }) + [generated] {
            let report = Analyzer.analyze(try ExportReader.read(paths: [path]))
            let expected = SummaryJSON.render(report)  // golden-tested; one task writing every team:
            #expect(JSONWriter.text { SummaryJSON.write(report, to: &$0, teamsPerTask: .max) } == expected)
            for teams in [1, 2, 3, 7, 16, 1000] {
                for chunk in [1, 100, 1 << 20] {
                    let all = JSONWriter.Collected()
                    SummaryJSON.write(report, chunk: chunk, teamsPerTask: teams, bytes: { all.append($0) })
                    #expect(String(decoding: all.bytes, as: UTF8.self) == expected, "\(path) \(teams) \(chunk)")
                }
            }
        }
    }
}
