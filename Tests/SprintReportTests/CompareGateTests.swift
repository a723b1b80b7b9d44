import Foundation
import Testing
@testable import SprintReport

/// `--fail-on-regression FIGURE:AMOUNT`.
@Suite struct CompareGateTests {
    static let sample = Fixtures.repository.appendingPathComponent("site-example/data/engineering-org-monthly.csv.gz").path
    static let window = Window(from: Day(iso: "2026-07-01")!, to: Day(iso: "2026-12-31")!)

    static func compared() throws -> (Report, WindowComparison) {
        let data = try ExportReader.read(paths: [sample])
        return WindowComparison.analyze(data, window: window, baselineWindow: BaselineWindow.previous(of: window)!)
    }

    @Test func limitsParse() throws {
        #expect(try RegressionLimit(argument: "sayDoPercent:10") == RegressionLimit(figure: .sayDoPercent, amount: 10))
        #expect(try RegressionLimit(argument: "coefficientOfVariation:0.1")
            == RegressionLimit(figure: .coefficientOfVariation, amount: 0.1))
        #expect(try RegressionLimit(argument: "scopecreeppercent:2.5").figure == .scopeCreepPercent)
        for bad in ["sayDoPercent", "sayDoPercent:", "sayDoPercent:0", "sayDoPercent:-5", "sayDoPercent:nan",
                    "sayDoPercent:inf", "velocity:2", "sayDo:10", ":10", "sayDoPercent:1:2", "sayDoPercent:ten"] {
            #expect(throws: UsageProblem.self, "\(bad)") { try RegressionLimit(argument: bad) }
        }
    }

    /// The teams whose figure fell (or, for creep and CV, rose) by at least `amount` between
    /// two standalone reports: the gate's answer computed another way.
    static func expected(_ figure: BandedFigure, _ amount: Double, data: DataSet) -> [String] {
        let now = Analyzer.analyze(data, window: window)
        let before = Analyzer.analyze(data, window: BaselineWindow.previous(of: window)!)
        var old: [String: WindowSummary] = [:]
        for t in before.teams { old[t.team.key + t.mode.rawValue] = t.summary }
        let higherIsBetter = figure == .sayDoPercent || figure == .totalDeliveredPercent
        return now.teams.compactMap { t in
            guard let b = old[t.team.key + t.mode.rawValue], let x = b.value(of: figure),
                  let y = t.summary.value(of: figure) else { return nil }
            let worse = higherIsBetter ? x - y : y - x
            return (worse * 100).rounded() / 100 >= amount ? t.team.pathString : nil
        }
    }

    @Test func tripsOnTheTeamsThatGotWorseByTheAmount() throws {
        let data = try ExportReader.read(paths: [Self.sample])
        let (report, comparison) = try Self.compared()
        for (figure, amount) in [(BandedFigure.sayDoPercent, 2.0), (.scopeCreepPercent, 3), (.totalDeliveredPercent, 1),
                                 (.coefficientOfVariation, 0.05), (.sayDoPercent, 8)] {
            let gate = RegressionGate(limits: [RegressionLimit(figure: figure, amount: amount)], namedTeams: 100)
            let found = gate.regressed(gate.limits[0], report, comparison).map { report.teams[$0.team].team.pathString }
            let want = Self.expected(figure, amount, data: data)
            #expect(found == want, "\(figure) \(amount)")
            #expect(!want.isEmpty, "a limit that trips nobody tests nothing: \(figure) \(amount)")
            let reason = try #require(gate.failure(report, comparison))
            for team in want { #expect(reason.contains(team)) }
            #expect(reason.hasPrefix("\(figure.rawValue) got worse by "))
        }
        // Nobody fell by 50 points: the gate passes.
        #expect(RegressionGate(limits: [RegressionLimit(figure: .sayDoPercent, amount: 50)]).failure(report, comparison) == nil)
    }

    @Test func namesTheFirstTeamsAndCountsTheRest() throws {
        let (report, comparison) = try Self.compared()
        let limit = RegressionLimit(figure: .scopeCreepPercent, amount: 0.5)
        let gate = RegressionGate(limits: [limit], namedTeams: 2)
        let all = gate.regressed(limit, report, comparison)
        #expect(all.count > 3)
        let reason = try #require(gate.failure(report, comparison))
        #expect(reason.contains("for \(all.count) teams: "))
        #expect(reason.hasSuffix(", and \(all.count - 2) more"))
        #expect(reason.contains(report.teams[all[0].team].team.pathString))
        #expect(reason.contains(report.teams[all[1].team].team.pathString))
        #expect(!reason.contains(report.teams[all[2].team].team.pathString))
    }

    @Test func undefinedFiguresAndTeamsWithoutBaselineNeverTrip() {
        let team = Team(key: "t1", name: "T1", path: ["T1"])
        let other = Team(key: "t2", name: "T2", path: ["T2"])
        func report(_ teams: [(Team, Double?)]) -> Report {
            Report(window: Window(), coverage: (nil, nil), inputs: [], extraMetrics: [],
                   teams: teams.map { t, sayDo in
                       TeamReport(team: t, mode: .storyPoints, level: .sprint,
                                  summary: WindowSummary(periods: 3, sayDoPercent: sayDo), series: [])
                   }, nodes: [], findings: [], thresholds: .defaults)
        }
        let before = report([(team, nil)])
        let now = report([(team, 10), (other, 5)])
        let c = WindowComparison(current: now, baseline: before)
        #expect(c.teams[0] != nil && c.teams[0]?.changes[.sayDoPercent] == nil)
        #expect(c.teams[1] == nil)
        let gate = RegressionGate(limits: [RegressionLimit(figure: .sayDoPercent, amount: 0.01)])
        #expect(gate.failure(now, c) == nil)
        // With a defined baseline the same fall trips.
        let c2 = WindowComparison(current: now, baseline: report([(team, 90)]))
        #expect(gate.failure(now, c2) == "sayDoPercent got worse by 0.01 or more for 1 team: T1 (STORY_POINTS) 90 → 10")
    }

    @Test func theBinaryExitsTwoAndNamesTheTeams() throws {
        let base = ["summary", Self.sample, "--from", "2026-07-01", "--to", "2026-12-31", "--compare", "previous"]
        let trip = try CompareSupport.run(base + ["--fail-on-regression", "sayDoPercent:5",
                                                  "--fail-on-regression", "coefficientOfVariation:0.1"])
        #expect(trip.status == 2)
        #expect(trip.err.contains("sayDoPercent got worse by 5 or more for 1 team: Engineering/Platform/Falcon"))
        #expect(trip.err.contains("coefficientOfVariation got worse by 0.1 or more for 2 teams: Engineering/Mobile/Marten"))
        #expect(trip.out.contains("Teams: change from the baseline"), "the summary is printed first")
        let pass = try CompareSupport.run(base + ["--fail-on-regression", "sayDoPercent:50"])
        #expect(pass.status == 0 && pass.err.isEmpty)
        // Usage errors: no --compare; a bad limit; previous without a window.
        let noCompare = try CompareSupport.run(["summary", Self.sample, "--fail-on-regression", "sayDoPercent:5"])
        #expect(noCompare.status == 64 && noCompare.err.contains("--fail-on-regression needs --compare"))
        let bad = try CompareSupport.run(base + ["--fail-on-regression", "velocity:5"])
        #expect(bad.status == 64 && bad.err.contains("unknown figure 'velocity'"))
        let noWindow = try CompareSupport.run(["summary", Self.sample, "--compare", "previous"])
        #expect(noWindow.status == 64 && noWindow.err.contains("--compare previous needs both --from and --to"))
        #expect(noWindow.out.isEmpty)
        let buildNoWindow = try CompareSupport.run(["build", Self.sample, "--output", "/nonexistent/never", "--compare",
                                                    "previous"])
        #expect(buildNoWindow.status == 64)
    }
}
