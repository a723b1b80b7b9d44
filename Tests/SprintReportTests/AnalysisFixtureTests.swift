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
