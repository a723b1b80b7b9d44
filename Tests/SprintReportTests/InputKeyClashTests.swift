import Testing
@testable import SprintReport

/// The reader notes each row's period key hash as the row is made (`RowStore.noteKey`), so
/// that the check at a team's end need not hash and sort its rows again: what it reads from
/// the noted keys must be what `RowMerger.hasKeyClash` (the definition) says of the rows.
@Suite struct InputKeyClashTests {
    static let header = "Team,Team_Hierarchy,Sprint,Sprint_Id,Start_Date,Sprint_Commit,Sprint_Commit_Tickets"

    /// Rows of `teams` teams, `sprints` each, some sprints listed twice (same id, or same
    /// name without an id), grouped by team or not.
    static func lines(teams: Int, sprints: Int, seed: UInt64, grouped: Bool) -> [String] {
        var x = seed
        func next(_ n: Int) -> Int {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(x >> 33) % n
        }
        var lines: [String] = []
        for t in 0..<teams {
            for s in 0..<sprints {
                let again = next(5) == 0 ? next(sprints) : s  // a sprint met twice
                let id = next(3) == 0 ? "" : "T\(t)-S\(again)"
                let day = Day(year: 2025, month: 1, day: 6)!.adding(days: 14 * again)
                let tickets = next(4) == 0 ? "" : "\(next(9))"
                lines.append("T\(t),Org/T\(t),Sprint \(again),\(id),\(day),\(next(40)),\(tickets)")
            }
        }
        if !grouped {
            for i in lines.indices.reversed() { lines.swapAt(i, next(i + 1)) }
        }
        return lines
    }

    static func store(_ files: [[String]]) throws -> RowStore {
        let store = RowStore()
        for (i, lines) in files.enumerated() {
            let text = ([header] + lines).joined(separator: "\n") + "\n"
            let reader = FileReader(input: .memory(name: "f\(i).csv", bytes: Array(text.utf8)), fileIndex: i,
                                    store: store, chunkSize: 1 << 12, limits: .defaults)
            _ = try reader.read()
        }
        return store
    }

    @Test(arguments: [1, 2, 3, 4])
    func notedClashesAreTheRowsClashes(seed: UInt64) throws {
        var noted = 0, clashes = 0
        for grouped in [true, false] {
            let all = Self.lines(teams: 30, sprints: 12, seed: seed, grouped: grouped)
            let half = all.count / 2
            // One file; the same rows over two files; a team with more rows than are noted.
            for files in [[all], [Array(all[..<half]), Array(all[half...])],
                          [Self.lines(teams: 2, sprints: 1500, seed: seed, grouped: grouped)]] {
                let store = try Self.store(files)
                for k in store.buckets.indices {
                    let expected = RowMerger.hasKeyClash(store.buckets[k].rows)
                    #expect(store.keyClash(k) == expected, "bucket \(k), grouped \(grouped)")
                    if Int(store.buckets[k].keysNoted) == store.buckets[k].rows.count {
                        noted += 1
                        if expected { clashes += 1 }
                    }
                }
            }
        }
        // Both answers came from the noted keys, not only from the rows.
        #expect(noted > 20 && clashes > 5)
    }
}
