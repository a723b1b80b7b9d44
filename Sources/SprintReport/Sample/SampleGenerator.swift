/// Generates a realistic Sprint Export CSV (wide shape, `docs/input-format.md#two-shapes-wide-and-long`) from
/// `SampleOptions`: an org tree of teams, 1–3-week sprint cadences with dates, trends,
/// year-end dips and a few bad sprints, every identity of `docs/metrics.md#identities-derive-and-check` holding in the
/// printed (2-decimal) values. The same options give the same bytes on every platform.
public struct SampleGenerator: Sendable {
    public let options: SampleOptions
    let columns: SampleColumns
    let teams: [SampleTeam]

    public init(_ options: SampleOptions) {
        self.options = options
        columns = SampleColumns(level: options.level, modes: options.modes)
        teams = SampleOrg.teams(count: options.teams, seed: options.seed)
    }

    /// The header record, with its line ending.
    public var header: [UInt8] {
        var out = SampleCSVBuffer()
        for (i, name) in columns.header.enumerated() {
            if i > 0 { out.comma() }
            out.appendField(name)
        }
        out.newline()
        return out.bytes
    }

    /// The whole file in memory (tests and small samples).
    public func csv() -> [UInt8] {
        var out = header
        for i in 0..<pieceCount { out += piece(i).bytes }
        return out
    }

    /// Teams per piece: about 5,000 records (~1 MB of CSV) per piece.
    var teamsPerPiece: Int { max(1, 5_000 / options.sprints) }

    /// The file after its header is cut into pieces of whole teams, which can be generated
    /// (and compressed) independently, in any order, on any number of threads.
    public var pieceCount: Int { (teams.count + teamsPerPiece - 1) / teamsPerPiece }

    /// The records of piece `index` and how many there are.
    public func piece(_ index: Int) -> (bytes: [UInt8], rows: Int) {
        let first = index * teamsPerPiece
        let range = first..<min(teams.count, first + teamsPerPiece)
        var buffer = SampleCSVBuffer(capacity: range.count * options.sprints * 256)
        var rows = 0
        for team in range { rows += appendRows(team: team, to: &buffer) }
        return (buffer.bytes, rows)
    }

    /// The records of team number `index`; returns how many.
    func appendRows(team index: Int, to out: inout SampleCSVBuffer) -> Int {
        let team = teams[index]
        var prefix = SampleCSVBuffer()
        prefix.appendField(team.name)
        prefix.comma()
        prefix.appendField(team.id)
        prefix.comma()
        prefix.appendField(team.path)
        prefix.comma()
        let sprints = team.sprints(count: options.sprints, seed: options.seed)
        switch options.level {
        case .sprint:
            let name = Array(team.name.utf8) + Array(" Sprint ".utf8)
            let id = Array(team.id.utf8) + Array("-s".utf8)
            for s in sprints {
                out.append(prefix.bytes)
                out.append(name)
                out.appendInt(s.number)
                out.comma()
                out.append(id)
                out.appendInt(s.number)
                appendDatesAndMode(s.start, s.end, to: &out)
                for mode in options.modes { columns.appendCells(s.amounts(mode), to: &out) }
                out.newline()
            }
            return sprints.count
        case .team:
            let buckets = SampleBucket.group(sprints, teamName: team.name, granularity: options.granularity)
            for b in buckets {
                out.append(prefix.bytes)
                out.appendField(b.label)
                appendDatesAndMode(b.start, b.end, to: &out)
                for mode in options.modes {
                    columns.appendCells(b.amounts(mode), sprintCount: b.sprints.count,
                                        deliverySpread: b.deliverySpreadCents(mode),
                                        commitmentSpread: b.commitmentSpreadCents(mode), to: &out)
                }
                out.newline()
            }
            return buckets.count
        }
    }

    private func appendDatesAndMode(_ start: Day, _ end: Day, to out: inout SampleCSVBuffer) {
        out.comma()
        out.appendDay(start)
        out.comma()
        out.appendDay(end)
        if columns.hasModeColumn {
            out.comma()
            out.append(Array(ComputationMode.tickets.rawValue.utf8))
        }
    }
}
