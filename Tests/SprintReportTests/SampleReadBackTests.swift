import Foundation
import Testing
@testable import SprintReport

/// The generated exports read back through the project's reader and analysis: every shape
/// is understood, and no identity-mismatch or other data-quality finding is raised.
@Suite struct SampleReadBackTests {
    static let cases: [(RowLevel, Granularity, [ComputationMode])] = [
        (.sprint, .monthly, [.storyPoints]),
        (.sprint, .monthly, [.tickets]),
        (.sprint, .monthly, [.storyPoints, .tickets]),
        (.team, .sprint, [.storyPoints]),
        (.team, .weekly, [.tickets]),
        (.team, .monthly, [.storyPoints, .tickets]),
        (.team, .quarterly, [.storyPoints]),
    ]

    @Test(arguments: 0..<cases.count)
    func readerAndAnalysisAgree(index: Int) throws {
        let (level, granularity, modes) = Self.cases[index]
        let options = SampleOptions(teams: 9, sprints: 30, seed: 21, level: level, granularity: granularity, modes: modes)
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sample.csv.gz").path
        let written = try SampleWriter.write(SampleGenerator(options), to: path)

        let data = try ExportReader.read(paths: [path])
        #expect(data.inputs.first?.rows == written.rows)
        #expect(data.series.count == 9 * modes.count)
        #expect(Set(data.series.map(\.mode)) == Set(modes))
        #expect(data.series.allSatisfy { $0.level == level })
        #expect(data.series.reduce(0) { $0 + $1.rows.count } == written.rows * modes.count)
        #expect(data.series.allSatisfy { $0.team.path.count >= 3 && $0.team.path[0] == "Engineering" })
        let report = Analyzer.analyze(data)
        #expect(report.findings.isEmpty, "\(report.findings.prefix(3).map(\.message))")
        #expect(report.teams.count == 9 * modes.count)
        #expect(report.teams.allSatisfy { $0.summary.velocity != nil && $0.summary.sayDoPercent != nil })
        if level == .team {
            // Every bucket carries its sprint count (D / SPRINT_VELOCITY): velocity is exact.
            #expect(report.teams.allSatisfy { !$0.summary.velocityApproximate })
        }
    }
}
