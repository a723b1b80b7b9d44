import Testing
@testable import SprintReport

/// The order of the merged series: `RowMerger.order(of:)` (paths compared through element
/// ranks) sorts as sorting by the definition, `RowMerger.precedes`, does.
@Suite struct InputMergeOrderTests {
    /// Elements that share prefixes, differ only in case, are empty, or are the same text
    /// in two Unicode forms (precomposed and combining: equal as strings).
    static let elements = ["Engineering", "Eng", "engineering", "", "Core Services Automation", "Core",
                           "\u{E9}quipe", "e\u{301}quipe", "Zeta", "\u{1F600}"]
    static let keys = ["team_1", "team_2", "Team_1", "e\u{301}", "\u{E9}"]
    /// ASCII only: prefixes of each other and beyond 8 bytes, differing past the 8th byte,
    /// case, a NUL byte, and the empty element.
    static let asciiElements = ["Engineering", "Engineering Platform", "Engineering Platforms", "Eng", "eng", "",
                                "Core Services Automation", "Core Services Analytics", "A\u{0}", "A", "Zeta"]

    /// `sortedIndices(of:)` sorts as `<` does, with and without ASCII only.
    @Test func elementsSortAsStrings() {
        for pool in [Self.asciiElements, Self.elements, Self.asciiElements + ["\u{E9}quipe"]] {
            let distinct = Array(Set(pool))
            let sorted = RowMerger.sortedIndices(of: distinct).map { distinct[$0] }
            #expect(sorted == distinct.sorted())
        }
    }

    /// Paths of 1 to 6 elements: up to 4 compared as one integer, deeper ones as rank lists.
    @Test func ranksSortAsThePaths() {
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(x >> 33) % n
        }
        for round in 0..<50 {
            var series: [TeamSeries] = []
            // Some rounds with paths of at most 4 elements only (each path one integer), some
            // with ASCII elements only (compared by their bytes).
            let depth = round % 3 == 0 ? 4 : 6
            let pool = round % 2 == 0 ? Self.elements : Self.asciiElements
            for _ in 0..<(round % 7 == 0 ? 2 : 60) {
                let path = (0..<(1 + next(depth))).map { _ in pool[next(pool.count)] }
                let team = Team(key: Self.keys[next(Self.keys.count)], name: path.last ?? "", path: path)
                series.append(TeamSeries(team: team, mode: next(2) == 0 ? .storyPoints : .tickets,
                                         level: next(2) == 0 ? .sprint : .team, rows: []))
            }
            let expected = series.sorted(by: RowMerger.precedes)
            let sorted = RowMerger.order(of: series.map(RowMerger.OrderKey.init)).map { series[$0] }
            #expect(sorted.count == expected.count)
            for (a, b) in zip(sorted, expected) {
                // Series that tie under the order may come in either order: compared by what
                // the order reads.
                #expect(a.team.path == b.team.path && a.team.key == b.team.key && a.mode == b.mode
                        && a.level == b.level, "round \(round)")
            }
        }
    }

    @Test func aPathComesBeforeThePathsItBegins() {
        func series(_ path: [String]) -> TeamSeries {
            TeamSeries(team: Team(key: path.joined(), name: "", path: path), mode: .storyPoints, level: .sprint,
                       rows: [])
        }
        let all = [series(["A", "B"]), series(["B"]), series(["A"]), series(["A", ""])]
        #expect(RowMerger.order(of: all.map(RowMerger.OrderKey.init)).map { all[$0].team.path } == [["A"], ["A", ""], ["A", "B"], ["B"]])
    }
}
