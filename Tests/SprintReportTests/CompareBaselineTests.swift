import Foundation
import Testing
@testable import SprintReport

/// `--compare`: the baseline window, its figures beside the report's, and the change.
@Suite struct CompareBaselineTests {
    static func day(_ s: String) -> Day { Day(iso: s)! }

    // MARK: The baseline window

    @Test func previousIsTheSameNumberOfDaysJustBefore() throws {
        let q1 = Window(from: Self.day("2026-01-01"), to: Self.day("2026-03-31"))  // 90 days
        #expect(try BaselineWindow.previous.window(for: q1) == Window(from: Self.day("2025-10-03"), to: Self.day("2025-12-31")))
        let oneDay = Window(from: Self.day("2026-03-01"), to: Self.day("2026-03-01"))
        #expect(BaselineWindow.previous(of: oneDay) == Window(from: Self.day("2026-02-28"), to: Self.day("2026-02-28")))
        // Across a leap day: 2024-03-01 … 2024-03-31 is 31 days; the 31 days before end 2024-02-29.
        let march = Window(from: Self.day("2024-03-01"), to: Self.day("2024-03-31"))
        #expect(BaselineWindow.previous(of: march) == Window(from: Self.day("2024-01-30"), to: Self.day("2024-02-29")))
    }

    @Test func previousNeedsBothEnds() {
        for w in [Window(), Window(from: Self.day("2026-01-01")), Window(to: Self.day("2026-01-01"))] {
            #expect(throws: UsageProblem.self) { try BaselineWindow.previous.window(for: w) }
        }
    }

    @Test func namedWindowsParseAndBadOnesAreRefused() throws {
        #expect(try BaselineWindow(argument: "previous") == .previous)
        let named = try BaselineWindow(argument: "2025-10-01..2025-12-31")
        #expect(named == .range(from: Self.day("2025-10-01"), to: Self.day("2025-12-31")))
        #expect(try named.window(for: Window()) == Window(from: Self.day("2025-10-01"), to: Self.day("2025-12-31")))
        for bad in ["", "prev", "Previous", "2025-10-01", "2025-10-01..", "..2025-12-31", "2025-12-31..2025-10-01",
                    "2025-10-01..2025-02-30", "2025-10-01T00:00..2025-12-31", "2025-10-01...2025-12-31",
                    "2025-10-01..2025-11-01..2025-12-31"] {
            #expect(throws: UsageProblem.self, "\(bad)") { try BaselineWindow(argument: bad) }
        }
    }

    // MARK: Baseline == the standalone window

    /// The report window of a test: the second half (by days) of the data's span.
    static func secondHalf(_ whole: Report) -> Window? {
        guard let first = whole.coverage.first, let last = whole.coverage.last, first < last else { return nil }
        let mid = first.adding(days: (Int(last.daysSinceEpoch) - Int(first.daysSinceEpoch)) / 2)
        return Window(from: mid, to: last)
    }

    @Test func baselineFiguresEqualTheStandaloneWindowOnEverySample() throws {
        var compared = 0
        for path in try CompareSupport.samplePaths() {
            let data = try ExportReader.read(paths: [path])
            let whole = Analyzer.analyze(data)
            let current = try #require(Self.secondHalf(whole), "\(path)")
            let first = try #require(whole.coverage.first)
            // The window just before, a named one before, and one that overlaps the report's.
            let baselines: [BaselineWindow] = [
                .previous, .range(from: first, to: current.from!.adding(days: -1)),
                .range(from: first.adding(days: 20), to: current.to!.adding(days: -30)),
            ]
            for request in baselines {
                let baselineWindow = try request.window(for: current)
                let (report, comparison) = WindowComparison.analyze(data, window: current, baselineWindow: baselineWindow)
                let doc = try CompareSupport.object(SummaryJSON.render(report, comparison: comparison))
                let alone = try CompareSupport.object(SummaryJSON.render(Analyzer.analyze(data, window: baselineWindow)))
                let docBaseline = try #require(doc["baseline"] as? [String: Any])
                #expect(CompareSupport.canonical(docBaseline["window"]) == CompareSupport.canonical(alone["window"]))
                compared += try Self.expectBaselines(doc["teams"], equal: alone["teams"], key: CompareSupport.teamKey,
                                                     "\(path) \(baselineWindow) teams")
                compared += try Self.expectBaselines(doc["nodes"], equal: alone["nodes"], key: CompareSupport.nodeKey,
                                                     "\(path) \(baselineWindow) nodes")
                // The report itself is the report of its window alone.
                #expect(SummaryJSON.render(report) == SummaryJSON.render(Analyzer.analyze(data, window: current)))
            }
        }
        #expect(compared > 200, "too few baselines compared: \(compared)")
    }

    /// Every entry's `baseline` equals the standalone entry's figures member by member; an
    /// entry without a standalone counterpart has `baseline` and `change` null. Returns the
    /// number of baselines compared.
    static func expectBaselines(_ entries: Any?, equal standalone: Any?, key: ([String: Any]) -> String,
                                _ what: String) throws -> Int {
        let list = try #require(entries as? [[String: Any]])
        let alone = try #require(standalone as? [[String: Any]])
        var byKey: [String: [String: Any]] = [:]
        for o in alone { byKey[key(o)] = o }
        var n = 0
        for o in list {
            let k = key(o)
            guard let other = byKey[k] else {
                #expect(o["baseline"] is NSNull, "\(what) \(k): a baseline without a standalone entry")
                #expect(o["change"] is NSNull, "\(what) \(k)")
                continue
            }
            let baseline = try #require(o["baseline"] as? [String: Any], "\(what) \(k): no baseline")
            let want = CompareSupport.figures(other)
            #expect(Set(baseline.keys) == Set(want.keys), "\(what) \(k): members differ")
            for (member, value) in want {
                #expect(CompareSupport.canonical(baseline[member]) == CompareSupport.canonical(value),
                        "\(what) \(k).\(member)")
            }
            n += 1
        }
        return n
    }

    @Test func theBinaryPrintsTheStandaloneFiguresAsBaseline() throws {
        let sample = Fixtures.repository.appendingPathComponent("site-example/data/engineering-org-monthly.csv.gz").path
        let compared = try CompareSupport.run(["summary", sample, "--format", "json", "--from", "2026-07-01",
                                               "--to", "2026-12-31", "--compare", "previous"])
        // 184 days (July to December) → the 184 days before.
        let alone = try CompareSupport.run(["summary", sample, "--format", "json", "--from", "2025-12-29",
                                            "--to", "2026-06-30"])
        #expect(compared.status == 0 && alone.status == 0)
        let doc = try CompareSupport.object(compared.out), other = try CompareSupport.object(alone.out)
        #expect(CompareSupport.canonical((doc["baseline"] as? [String: Any])?["window"])
            == #"{"from":"2025-12-29","to":"2026-06-30"}"#)
        #expect(try Self.expectBaselines(doc["teams"], equal: other["teams"], key: CompareSupport.teamKey, "cli") == 14)
        #expect(try Self.expectBaselines(doc["nodes"], equal: other["nodes"], key: CompareSupport.nodeKey, "cli") == 5)
    }

    // MARK: Undefined stays undefined

    @Test func undefinedFiguresNeverProduceAChange() throws {
        #expect(FigureChange(baseline: nil, current: 1, higherIsBetter: true) == nil)
        #expect(FigureChange(baseline: 1, current: nil, higherIsBetter: true) == nil)
        #expect(FigureChange(baseline: .nan, current: 1, higherIsBetter: nil) == nil)
        #expect(FigureChange(baseline: 1, current: .infinity, higherIsBetter: nil) == nil)
        var checked = 0
        for path in try CompareSupport.samplePaths() {
            let data = try ExportReader.read(paths: [path])
            let whole = Analyzer.analyze(data)
            let current = try #require(Self.secondHalf(whole))
            let (report, comparison) = WindowComparison.analyze(data, window: current,
                                                                baselineWindow: BaselineWindow.previous(of: current)!)
            let pairs = Array(zip(report.teams.map(\.summary), comparison.teams))
                + Array(zip(report.nodes.map(\.summary), comparison.nodes))
            for (summary, c) in pairs {
                guard let c else { continue }
                #expect(c.current.periods == summary.periods)
                for f in ComparedFigure.allCases {
                    let both = f.value(in: c.baseline) != nil && f.value(in: summary) != nil
                    #expect((c.changes[f] != nil) == both, "\(path) \(f)")
                    checked += 1
                }
                for f in BandedFigure.allCases {
                    #expect((c.bands[f] != nil) == (c.baseline.bands[f] != nil && summary.bands[f] != nil))
                }
            }
            // And in the JSON: a null on either side is a null change.
            let doc = try CompareSupport.object(SummaryJSON.render(report, comparison: comparison))
            for t in (doc["teams"] as? [[String: Any]] ?? []) + (doc["nodes"] as? [[String: Any]] ?? []) {
                guard let baseline = t["baseline"] as? [String: Any], let change = t["change"] as? [String: Any] else {
                    continue
                }
                for f in ComparedFigure.allCases {
                    let undefined = baseline[f.rawValue] is NSNull || t[f.rawValue] is NSNull
                    #expect((change[f.rawValue] is NSNull) == undefined, "\(path) \(f)")
                }
            }
        }
        #expect(checked > 500)
    }

    @Test func aTeamWithoutBaselinePeriodsHasNullBaselineAndChange() throws {
        let sample = Fixtures.repository.appendingPathComponent("site-example/data/engineering-org-monthly.csv.gz").path
        let data = try ExportReader.read(paths: [sample])
        // A baseline window before any data: no team has a period in it.
        let (report, comparison) = WindowComparison.analyze(data, window: Window(),
            baselineWindow: Window(from: Self.day("2000-01-01"), to: Self.day("2000-12-31")))
        #expect(comparison.teams.allSatisfy { $0 == nil } && comparison.teams.count == report.teams.count)
        let doc = try CompareSupport.object(SummaryJSON.render(report, comparison: comparison))
        for t in doc["teams"] as! [[String: Any]] {
            #expect(t["baseline"] is NSNull && t["change"] is NSNull)
        }
        let text = SummaryText.render(report, comparison: comparison)
        #expect(text.contains(ChangeTable.noBaseline))
    }

    // MARK: Directions in words

    static func summary(sayDo: Double?, creep: Double?, delivered: Double?, cv: Double?, velocity: Double?) -> WindowSummary {
        var s = WindowSummary(periods: 4, velocity: velocity, sayDoPercent: sayDo, scopeCreepPercent: creep,
                              totalDeliveredPercent: delivered, coefficientOfVariation: cv)
        s.bands = BandThresholds.defaults.bands(for: s)
        return s
    }

    @Test func directionWordsFollowEachFiguresBetterSide() {
        let before = Self.summary(sayDo: 80, creep: 15, delivered: 75, cv: 0.15, velocity: 20)
        let after = Self.summary(sayDo: 65, creep: 8, delivered: 90, cv: 0.4, velocity: 18)
        let c = SummaryComparison(baseline: before, current: after)
        #expect(c.change(.sayDoPercent)?.direction == .worse)  // higher is better, it fell
        #expect(c.change(.scopeCreepPercent)?.direction == .better)  // lower is better, it fell
        #expect(c.change(.totalDeliveredPercent)?.direction == .better)
        #expect(c.change(.coefficientOfVariation)?.direction == .worse)  // lower is better, it rose
        #expect(c.change(.velocity)?.direction == .down)  // no judgement on velocity
        #expect(c.change(.sayDoPercent)?.delta == -15)
        let back = SummaryComparison(baseline: after, current: before)
        #expect(back.change(.sayDoPercent)?.direction == .better)
        #expect(back.change(.scopeCreepPercent)?.direction == .worse)
        #expect(back.change(.totalDeliveredPercent)?.direction == .worse)
        #expect(back.change(.coefficientOfVariation)?.direction == .better)
        #expect(back.change(.velocity)?.direction == .up)
        // Bands: say/do High → Medium, creep High → Elite, delivered High → Elite, CV High → Low.
        #expect(c.bands[.sayDoPercent]?.text == "High → Medium")
        #expect(c.bands[.sayDoPercent]?.direction == .worse)
        #expect(c.bands[.scopeCreepPercent]?.text == "High → Elite")
        #expect(c.bands[.scopeCreepPercent]?.direction == .better)
        #expect(c.bands[.coefficientOfVariation]?.text == "High → Low")
        #expect(c.bandsMoved.map(\.figure) == [.sayDoPercent, .scopeCreepPercent, .totalDeliveredPercent,
                                                .coefficientOfVariation])
        #expect(ChangeDirection.allCases.map(\.rawValue) == ["better", "worse", "no change", "up", "down"])
    }

    @Test func aChangeThatPrintsAsZeroIsNoChange() {
        let a = Self.summary(sayDo: 80, creep: nil, delivered: nil, cv: 0.2, velocity: 20)
        let b = Self.summary(sayDo: 80.004, creep: nil, delivered: nil, cv: 0.2, velocity: 20.006)
        let c = SummaryComparison(baseline: a, current: b)
        #expect(c.change(.sayDoPercent)?.direction == .noChange)
        #expect(c.change(.coefficientOfVariation)?.direction == .noChange)
        #expect(c.change(.velocity)?.direction == .up)  // 0.006 prints as +0.01
        #expect(c.bands[.sayDoPercent]?.moved == false && c.bands[.sayDoPercent]?.direction == .noChange)
        #expect(c.change(.scopeCreepPercent) == nil && c.bands[.scopeCreepPercent] == nil)
    }

    @Test func onlyTheBandedFiguresHaveABetterSide() {
        for f in ComparedFigure.allCases {
            if let banded = f.banded {
                #expect(f.higherIsBetter == BandThresholds.defaults.limits[banded]?.higherIsBetter)
                #expect(banded.compared == f)
            } else {
                #expect(f.higherIsBetter == nil, "\(f)")
            }
        }
        #expect(ComparedFigure.sayDoPercent.higherIsBetter == true)
        #expect(ComparedFigure.totalDeliveredPercent.higherIsBetter == true)
        #expect(ComparedFigure.scopeCreepPercent.higherIsBetter == false)
        #expect(ComparedFigure.coefficientOfVariation.higherIsBetter == false)
    }

    // MARK: Output

    @Test func jsonChangeMembersAndTheirOrder() throws {
        let sample = Fixtures.repository.appendingPathComponent("site-example/data/engineering-org-monthly.csv.gz").path
        let data = try ExportReader.read(paths: [sample])
        let window = Window(from: Self.day("2026-07-01"), to: Self.day("2026-12-31"))
        let (report, comparison) = WindowComparison.analyze(data, window: window,
                                                            baselineWindow: BaselineWindow.previous(of: window)!)
        let text = SummaryJSON.render(report, comparison: comparison)
        // The top-level baseline follows the window; a team's baseline and change follow its bands.
        let top = ["\"window\"", "\"baseline\": {\n    \"window\"", "\"inputs\"", "\"teams\""]
        let positions = top.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && zip(positions, positions.dropFirst()).allSatisfy { $0! < $1! })
        let doc = try CompareSupport.object(text)
        let gecko = try #require((doc["teams"] as? [[String: Any]])?.first)
        let change = try #require(gecko["change"] as? [String: Any])
        #expect(Set(change.keys) == Set(ComparedFigure.allCases.map(\.rawValue) + ["bands"]))
        let sayDo = try #require(change["sayDoPercent"] as? [String: Any])
        let t = report.teams[0].summary, b = comparison.teams[0]!.baseline
        #expect(abs((sayDo["delta"] as! Double) - (t.sayDoPercent! - b.sayDoPercent!)) < 1e-9)
        #expect(sayDo["direction"] as? String == "better")
        let bands = try #require(change["bands"] as? [String: Any])
        #expect(CompareSupport.canonical(bands["scopeCreepPercent"])
            == #"{"direction":"better","from":"Medium","to":"High"}"#)
        // Pieces, parallel batches: the same bytes.
        let streamed = JSONWriter.Collected()
        SummaryJSON.write(report, comparison: comparison, chunk: 300, teamsPerTask: 3, bytes: { streamed.append($0) })
        #expect(String(decoding: streamed.bytes, as: UTF8.self) == text)
    }

    @Test func withoutCompareEveryOutputIsThePlainOne() throws {
        for path in try CompareSupport.samplePaths() {
            let report = Analyzer.analyze(try ExportReader.read(paths: [path]))
            #expect(SummaryJSON.render(report, comparison: nil) == SummaryJSON.render(report))
            let json = SummaryJSON.render(report)
            #expect(!json.contains("\"baseline\"") && !json.contains("\"change\""))
            #expect(!SummaryText.render(report).contains("change from the baseline"))
            #expect(!SummaryMarkdown.render(report).contains("change from the baseline"))
        }
    }

    @Test func textAndMarkdownGainChangeTables() throws {
        let sample = Fixtures.repository.appendingPathComponent("site-example/data/engineering-org-monthly.csv.gz").path
        let data = try ExportReader.read(paths: [sample])
        let window = Window(from: Self.day("2026-07-01"), to: Self.day("2026-12-31"))
        let (report, comparison) = WindowComparison.analyze(data, window: window,
                                                            baselineWindow: BaselineWindow.previous(of: window)!)
        let text = SummaryText.render(report, comparison: comparison)
        #expect(text.contains("Teams: change from the baseline (window 2025-12-29 to 2026-06-30)"))
        #expect(text.contains("Organisation: change from the baseline"))
        let plain = SummaryText.render(report)
        #expect(text.hasPrefix(String(plain.prefix(while: { $0 != "\n" }))))
        // Gecko: velocity 51.3 → 45 (down), scope creep Medium → High.
        let gecko = try #require(text.split(separator: "\n").first { $0.contains("Gecko") && $0.contains("→") })
        #expect(gecko.contains("-6.31 down") && gecko.contains("-8.21 pp better")
            && gecko.contains("scope creep % Medium → High"))
        let md = SummaryMarkdown.render(report, comparison: comparison)
        #expect(md.contains("### Teams: change from the baseline (window 2025-12-29 to 2026-06-30)"))
        #expect(md.contains("| team | unit | periods | velocity | say/do % | scope creep % | delivered % | predictability (CV) | bands moved |"))
        #expect(md.contains("| --- | --- | ---: | --- | --- | --- | --- | --- | --- |"))
    }

    @Test func moversAreTheLargestChangesEachWay() throws {
        let sample = Fixtures.repository.appendingPathComponent("site-example/data/engineering-org-monthly.csv.gz").path
        let data = try ExportReader.read(paths: [sample])
        let window = Window(from: Self.day("2026-07-01"), to: Self.day("2026-12-31"))
        let (report, comparison) = WindowComparison.analyze(data, window: window,
                                                            baselineWindow: BaselineWindow.previous(of: window)!)
        let worse = comparison.movers(.sayDoPercent, .worse, limit: 3)
        #expect(worse.count == 3)
        #expect(worse.allSatisfy { $0.change.direction == .worse })
        #expect(zip(worse, worse.dropFirst()).allSatisfy { abs($0.change.delta) >= abs($1.change.delta) })
        #expect(report.teams[worse[0].team].team.name == "Falcon")  // 81.48 → 73.08, the largest fall
        let all = comparison.teams.compactMap { $0?.changes[.sayDoPercent] }.filter { $0.direction == .worse }
        #expect(abs(worse[0].change.delta) == all.map { abs($0.delta) }.max())
        #expect(comparison.movers(.velocity, .better, limit: 5).isEmpty)  // velocity is up or down only
        #expect(comparison.movers(.sayDoPercent, .better, limit: 0).isEmpty)
    }

    @Test func pagesFindEachComparisonAndTheBaselineMean() throws {
        for path in try CompareSupport.samplePaths() {
            let data = try ExportReader.read(paths: [path])
            let whole = Analyzer.analyze(data)
            let current = try #require(Self.secondHalf(whole))
            let baselineWindow = BaselineWindow.previous(of: current)!
            let (report, comparison) = WindowComparison.analyze(data, window: current, baselineWindow: baselineWindow)
            let alone = Analyzer.analyze(data, window: baselineWindow)
            for (i, t) in report.teams.enumerated() {
                let c = comparison.team(t)
                #expect(c?.current.sayDoPercent == comparison.teams[i]?.current.sayDoPercent)
                #expect((c == nil) == (comparison.teams[i] == nil))
                let other = alone.teams.first { $0.team.key == t.team.key && $0.mode == t.mode }
                let d = other?.series.compactMap { $0.values[.totalWorkDelivered] } ?? []
                let mean = d.isEmpty ? nil : d.reduce(0, +) / Double(d.count)
                #expect(c?.baselineMeanDelivered == mean, "\(path) \(t.team.key)")
            }
            for (i, n) in report.nodes.enumerated() {
                #expect((comparison.node(n) == nil) == (comparison.nodes[i] == nil))
                #expect(comparison.node(n)?.baseline.periods == comparison.nodes[i]?.baseline.periods)
            }
        }
    }
}
