import Foundation
import Testing
@testable import SprintReport

/// The sample exports against the independently computed `expected/*.teams.json`:
/// every team, every field, within 0.005.
@Suite struct AnalysisFixtureTests {
    static let tolerance = 0.005

    @Test(arguments: Fixtures.samples.map(\.file))
    func teamSummariesMatchTheExpectedFigures(file: String) throws {
        let expectedName = Fixtures.samples.first { $0.file == file }!.expected
        let data = try ExportReader.read(paths: [Fixtures.path(file)])
        let report = Analyzer.analyze(data)
        let actual = try JSONSerialization.jsonObject(with: Data(SummaryJSON.render(report).utf8)) as! [String: Any]
        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Fixtures.path(expectedName)))) as! [String: Any]
        let want = expected["teams"] as! [[String: Any]]
        let got = actual["teams"] as! [[String: Any]]
        #expect(got.count == want.count)
        for w in want {
            let id = "\(w["key"]!) \(w["mode"]!)"
            guard let g = got.first(where: { "\($0["key"]!) \($0["mode"]!)" == id }) else {
                Issue.record("\(file): no team \(id)")
                continue
            }
            for (field, value) in w {
                compare(g[field], value, at: "\(file) \(id) \(field)")
            }
        }
    }

    @Test func corruptedIdentityInAFileIsFoundAtItsLine() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("q1.csv").path
        try Data("""
            Team,Sprint,Start_Date,End_Date,Sprint_Commit,Sprint_Creep,Sprint_Size
            Falcon,Falcon Sprint 1,2026-01-05,2026-01-18,20,5,25
            Falcon,Falcon Sprint 2,2026-01-19,2026-02-01,22,6.5,30
            Falcon,Falcon Sprint 3,2026-02-02,2026-02-15,,4,24

            """.utf8).write(to: URL(fileURLWithPath: path))
        let report = Analyzer.analyze(try ExportReader.read(paths: [path]))
        let mismatches = report.findings.filter { $0.kind == .identityMismatch }
        #expect(mismatches.count == 1)
        #expect(mismatches.first?.file == path && mismatches.first?.line == 3)
        #expect(mismatches.first?.period == "Falcon Sprint 2" && mismatches.first?.team == "Falcon")
        #expect(mismatches.first?.message == "SPRINT_SIZE is 30 but SPRINT_COMMIT + SPRINT_CREEP is 28.5")
        // Sprint 3's commit is derived from S − A, not read as 0.
        let s3 = report.teams[0].series[2]
        #expect(s3.values[.sprintCommit] == 20 && s3.derived.contains(.sprintCommit))
        #expect(report.teams[0].summary.totals[.sprintCommit] == 62)
    }

    /// Numbers within the tolerance, strings and booleans equal, null for null, objects key by key.
    func compare(_ got: Any?, _ want: Any, at place: String) {
        switch want {
        case let w as [String: Any]:
            guard let g = got as? [String: Any] else {
                Issue.record("\(place): \(String(describing: got)) is not an object")
                return
            }
            #expect(Set(g.keys) == Set(w.keys), "\(place)")
            for (k, v) in w { compare(g[k], v, at: "\(place).\(k)") }
        case is NSNull:
            #expect(got is NSNull, "\(place): \(String(describing: got)) should be null")
        case let w as String:
            #expect(got as? String == w, "\(place)")
        case let w as Bool where type(of: want) == Bool.self:
            #expect(got.map { type(of: $0) == Bool.self } == true && got as? Bool == w, "\(place)")
        case let w as NSNumber:
            guard let g = got as? NSNumber else {
                Issue.record("\(place): \(String(describing: got)) should be \(w)")
                return
            }
            #expect(abs(g.doubleValue - w.doubleValue) <= Self.tolerance, "\(place): \(g) vs \(w)")
        default:
            Issue.record("\(place): unexpected \(want)")
        }
    }
}
