import Foundation
import Testing
@testable import SprintReport

@Suite struct OutputJSONTests {
    /// A small report: one team with two periods (one corrupted), a window open at its end.
    static func report() -> Report {
        let rows = [
            TestData.row("Falcon Sprint 1", end: "2026-01-18", start: "2026-01-05",
                         [.sprintCommit: 22, .sprintCreep: 17, .deliveredCommit: 12.5, .deliveredCreep: 11], line: 2),
            TestData.row("Falcon Sprint 2", end: "2026-02-01", start: "2026-01-19",
                         [.sprintCommit: 30, .sprintCreep: 6, .sprintSize: 38.5, .totalWorkDelivered: 22], line: 3),
        ]
        let data = TestData.dataSet([TestData.series("Falcon \"F\"", path: ["Eng", "Falcon \"F\""], rows)])
        return Analyzer.analyze(data, window: Window(from: Day(iso: "2026-01-01")))
    }

    @Test func goldenDocument() {
        let text = SummaryJSON.render(Self.report())
        #expect(text == Self.golden)
    }

    @Test func sameInputSameBytesAndValidJSON() throws {
        let a = SummaryJSON.render(Self.report()), b = SummaryJSON.render(Self.report())
        #expect(a == b)
        let parsed = try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any]
        #expect(parsed?["schemaVersion"] as? Int == 1)
    }

    @Test func sampleExportsGiveTheSameBytesOnEveryRun() throws {
        for sample in Fixtures.samples {
            let render = { SummaryJSON.render(Analyzer.analyze(try ExportReader.read(paths: [Fixtures.path(sample.file)]))) }
            let first = try render()
            #expect(try render() == first, "\(sample.file)")
            for bad in [": nan", ": inf", ": -inf"] { #expect(!first.contains(bad), "\(sample.file)") }
        }
    }

    @Test func writtenInPiecesGivesTheSameBytes() {
        nonisolated(unsafe) var pieces: [[UInt8]] = []
        SummaryJSON.write(Self.report(), chunk: 200) { pieces.append($0) }
        #expect(pieces.count > 3)
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == Self.golden)
    }

    @Test func numbersAreShortestRoundTripAndNeverNaN() {
        #expect(JSONWriter.numberText(346) == "346")
        #expect(JSONWriter.numberText(-0.0) == "0")
        #expect(JSONWriter.numberText(20.884615384615383) == "20.884615384615383")
        #expect(JSONWriter.numberText(0.1 + 0.2) == "0.30000000000000004")
        #expect(JSONWriter.numberText(1e-5) == "1e-05")
        #expect(JSONWriter.numberText(1e300) == "1e+300")
        #expect(JSONWriter.text { $0.number(Double.nan) } == "null\n")
        #expect(JSONWriter.text { $0.number(Double.infinity) } == "null\n")
        #expect(JSONWriter.text { $0.number(nil as Double?) } == "null\n")
    }

    @Test func stringsAreEscaped() {
        #expect(JSONWriter.text { $0.string("Zürich – Team") } == "\"Zürich – Team\"\n")
        #expect(JSONWriter.text { $0.string("plain") } == "\"plain\"\n")
        #expect(JSONWriter.text { $0.string("a\"b\\c\nd\u{1}é\u{2028}") } == "\"a\\\"b\\\\c\\nd\\u0001é\\u2028\"\n")
    }

    /// Reviewed by hand: key order, integral numbers, null for undefined, derived lists.
    static let golden = #"""
        {
          "schemaVersion": 1,
          "generator": "sprint-report \#(SprintReportVersion.current)",
          "window": {
            "from": "2026-01-01",
            "to": null
          },
          "inputs": [
            {
              "path": "exports/q1.csv.gz",
              "compressed": true,
              "shape": "wide",
              "level": "sprint",
              "rows": 3,
              "sha256": "0000000000000000000000000000000000000000000000000000000000000000"
            }
          ],
          "teams": [
            {
              "key": "Eng/Falcon \"F\"",
              "name": "Falcon \"F\"",
              "path": "Eng/Falcon \"F\"",
              "mode": "STORY_POINTS",
              "level": "sprint",
              "periods": 2,
              "totals": {
                "SPRINT_COMMIT": 52,
                "SPRINT_CREEP": 23,
                "SPRINT_SIZE": 77.5,
                "DELIVERED_COMMIT": 12.5,
                "MISSED_COMMIT": 9.5,
                "DELIVERED_CREEP": 11,
                "MISSED_CREEP": 6,
                "TOTAL_WORK_DELIVERED": 45.5
              },
              "velocity": 22.75,
              "velocityApproximate": false,
              "averageSprintSize": 38.75,
              "sayDoPercent": 24.03846153846154,
              "scopeCreepPercent": 44.23076923076923,
              "creepDeliveredPercent": 47.82608695652174,
              "totalDeliveredPercent": 58.70967741935484,
              "deliveredVsCommitted": 0.875,
              "deliveryConsistency": 1.0606601717798212,
              "commitmentReliability": null,
              "coefficientOfVariation": 0.046622425133178956,
              "trendPerPeriod": null,
              "forecast": null,
              "bands": {
                "sayDoPercent": "Low",
                "scopeCreepPercent": "Low",
                "totalDeliveredPercent": "Low",
                "coefficientOfVariation": "Elite"
              },
              "series": [
                {"label": "Falcon Sprint 1", "start": "2026-01-05", "end": "2026-01-18", "values": {"SPRINT_COMMIT": 22, "SPRINT_CREEP": 17, "SPRINT_SIZE": 39, "SCOPE_CREEP_PERCENT": 77.27272727272727, "TOTAL_WORK_DELIVERED": 23.5, "DELIVERED_COMMIT": 12.5, "MISSED_COMMIT": 9.5, "DELIVERED_CREEP": 11, "MISSED_CREEP": 6, "TOTAL_DELIVERED_WORK_VS_COMMITTED_WORK": 1.0681818181818181, "COMMITTED_WORK_DELIVERED_PERCENT": 56.81818181818182, "CREEP_WORK_DELIVERED_PERCENT": 64.70588235294117, "TOTAL_WORK_DELIVERED_PERCENT": 60.256410256410255}, "derived": ["SPRINT_SIZE", "SCOPE_CREEP_PERCENT", "TOTAL_WORK_DELIVERED", "MISSED_COMMIT", "MISSED_CREEP", "TOTAL_DELIVERED_WORK_VS_COMMITTED_WORK", "COMMITTED_WORK_DELIVERED_PERCENT", "CREEP_WORK_DELIVERED_PERCENT", "TOTAL_WORK_DELIVERED_PERCENT"], "rolling": 23.5},
                {"label": "Falcon Sprint 2", "start": "2026-01-19", "end": "2026-02-01", "values": {"SPRINT_COMMIT": 30, "SPRINT_CREEP": 6, "SPRINT_SIZE": 38.5, "SCOPE_CREEP_PERCENT": 20, "TOTAL_WORK_DELIVERED": 22, "TOTAL_DELIVERED_WORK_VS_COMMITTED_WORK": 0.7333333333333333, "TOTAL_WORK_DELIVERED_PERCENT": 57.142857142857146}, "derived": ["SCOPE_CREEP_PERCENT", "TOTAL_DELIVERED_WORK_VS_COMMITTED_WORK", "TOTAL_WORK_DELIVERED_PERCENT"], "rolling": 22.75}
              ]
            }
          ],
          "nodes": [
            {
              "path": "",
              "mode": "STORY_POINTS",
              "rolledUp": true,
              "teams": 1,
              "periods": 2,
              "totals": {
                "SPRINT_COMMIT": 52,
                "SPRINT_CREEP": 23,
                "SPRINT_SIZE": 77.5,
                "DELIVERED_COMMIT": 12.5,
                "MISSED_COMMIT": 9.5,
                "DELIVERED_CREEP": 11,
                "MISSED_CREEP": 6,
                "TOTAL_WORK_DELIVERED": 45.5
              },
              "velocity": 22.75,
              "velocityApproximate": false,
              "averageSprintSize": 38.75,
              "sayDoPercent": 24.03846153846154,
              "scopeCreepPercent": 44.23076923076923,
              "creepDeliveredPercent": 47.82608695652174,
              "totalDeliveredPercent": 58.70967741935484,
              "deliveredVsCommitted": 0.875,
              "deliveryConsistency": 1.0606601717798212,
              "commitmentReliability": null,
              "coefficientOfVariation": 0.046622425133178956,
              "trendPerPeriod": null,
              "forecast": null,
              "bands": {
                "sayDoPercent": "Low",
                "scopeCreepPercent": "Low",
                "totalDeliveredPercent": "Low",
                "coefficientOfVariation": "Elite"
              }
            },
            {
              "path": "Eng",
              "mode": "STORY_POINTS",
              "rolledUp": true,
              "teams": 1,
              "periods": 2,
              "totals": {
                "SPRINT_COMMIT": 52,
                "SPRINT_CREEP": 23,
                "SPRINT_SIZE": 77.5,
                "DELIVERED_COMMIT": 12.5,
                "MISSED_COMMIT": 9.5,
                "DELIVERED_CREEP": 11,
                "MISSED_CREEP": 6,
                "TOTAL_WORK_DELIVERED": 45.5
              },
              "velocity": 22.75,
              "velocityApproximate": false,
              "averageSprintSize": 38.75,
              "sayDoPercent": 24.03846153846154,
              "scopeCreepPercent": 44.23076923076923,
              "creepDeliveredPercent": 47.82608695652174,
              "totalDeliveredPercent": 58.70967741935484,
              "deliveredVsCommitted": 0.875,
              "deliveryConsistency": 1.0606601717798212,
              "commitmentReliability": null,
              "coefficientOfVariation": 0.046622425133178956,
              "trendPerPeriod": null,
              "forecast": null,
              "bands": {
                "sayDoPercent": "Low",
                "scopeCreepPercent": "Low",
                "totalDeliveredPercent": "Low",
                "coefficientOfVariation": "Elite"
              }
            }
          ],
          "findings": [
            {
              "severity": "warning",
              "kind": "identity-mismatch",
              "file": "exports/q1.csv.gz",
              "line": 3,
              "team": "Falcon \"F\"",
              "period": "Falcon Sprint 2",
              "message": "SPRINT_SIZE is 38.5 but SPRINT_COMMIT + SPRINT_CREEP is 36"
            }
          ]
        }

        """#
}
