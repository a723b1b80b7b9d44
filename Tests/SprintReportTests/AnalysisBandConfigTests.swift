import Foundation
import Testing
@testable import SprintReport

@Suite struct AnalysisBandConfigTests {
    func parse(_ text: String) throws -> BandThresholds {
        try BandConfig.parse(Data(text.utf8), file: "bands.json")
    }

    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func partialOverridesKeepTheOtherDefaults() throws {
        let t = try parse(#"{"sayDoPercent": {"elite": 90, "high": 75}, "coefficientOfVariation": {"elite": 0.05}}"#)
        #expect(t.limits[.sayDoPercent] == .init(elite: 90, high: 75, medium: 60, higherIsBetter: true))
        #expect(t.limits[.coefficientOfVariation]?.elite == 0.05)
        #expect(t.limits[.coefficientOfVariation]?.high == 0.20)
        #expect(t.limits[.scopeCreepPercent] == BandThresholds.defaults.limits[.scopeCreepPercent])
        #expect(try parse("{}") == .defaults)
    }

    @Test func overridesChangeTheBand() throws {
        let t = try parse(#"{"sayDoPercent": {"elite": 60, "high": 50, "medium": 40}}"#)
        let s = TestData.team([[.sprintCommit: 20, .deliveredCommit: 13]])
        #expect(s.summary.bands[.sayDoPercent] == .medium)
        #expect(t.bands(for: s.summary)[.sayDoPercent] == .elite)
    }

    @Test func malformedFilesAreClearErrors() {
        #expect(error("{") == "bands.json: error: not valid JSON")
        #expect(error("[1]") == "bands.json: error: expected an object whose keys are the banded figures")
        #expect(error(#"{"velocity": {"elite": 1}}"#)?.hasPrefix("bands.json: error: unknown figure 'velocity'") == true)
        #expect(error(#"{"sayDoPercent": {"great": 1}}"#)
            == "bands.json: error: sayDoPercent: unknown limit 'great' (expected elite, high, medium)")
        #expect(error(#"{"sayDoPercent": {"elite": "90"}}"#) == "bands.json: error: sayDoPercent.elite: expected a number")
        #expect(error(#"{"sayDoPercent": {"elite": true}}"#) == "bands.json: error: sayDoPercent.elite: expected a number")
        #expect(error(#"{"sayDoPercent": 5}"#)
            == "bands.json: error: sayDoPercent: expected an object with elite, high and medium limits")
        #expect(error(#"{"sayDoPercent": {"elite": 65}}"#)
            == "bands.json: error: sayDoPercent: limits must satisfy elite > high > medium, but they are elite 65, high 70, medium 60")
        #expect(error(#"{"scopeCreepPercent": {"medium": 15}}"#)?.contains("elite < high < medium") == true)
    }
}
