import ArgumentParser
import SprintReport

/// `sprint-report inspect FILE...`: what the reader made of each export, for a user whose
/// headers are not what the tool expects.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how each export file is read: shape, level, modes, counts, every column's mapping and the teams.",
        discussion: """
            The teams are listed with their id, name, hierarchy path and number of periods: \
            any of the first three selects a team for `build --single-file --team`.
            """
    )

    @OptionGroup var input: InputFiles

    func run() throws {
        // Each file on its own: what one export holds, not what merging them would do.
        var blocks: [String] = []
        var errors: [InputError] = []
        for path in input.files {
            do {
                let data = try input.read([path])
                blocks.append(Self.describe(data.inputs[0], findings: data.findings)
                    + Self.teams(TeamDirectory(data.series)))
            } catch let e as InputErrors {
                errors += e.errors
            }
        }
        try reportingInputErrors {
            if !errors.isEmpty { throw InputErrors(errors) }
        }
        StandardOutput.write(blocks.joined(separator: "\n"))
    }

    /// The text block of one file.
    static func describe(_ f: InputSummary, findings: [Finding]) -> String {
        var lines: [String] = [f.path]
        func field(_ name: String, _ value: String) { lines.append("  " + pad(name, 11) + value) }
        field("compressed", f.compressed ? "yes (gzip)" : "no")
        field("shape", f.shape.rawValue)
        field("level", f.level.rawValue)
        field("modes", f.modes.isEmpty ? "none" : f.modes.map(\.unitName).joined(separator: ", "))
        field("rows", String(f.rows))
        field("teams", String(f.teams))
        var periods = String(f.periods)
        if let a = f.firstPeriod, let b = f.lastPeriod { periods += a == b ? " (\(a))" : " (\(a) … \(b))" }
        field("periods", periods)
        field("sha256", f.sha256)
        lines.append("  columns:")
        let table = [("header", "normalised", "mapped to")] + f.columns.map { ($0.header, $0.normalized, role($0.role)) }
        let w1 = table.map { $0.0.count }.max() ?? 0
        let w2 = table.map { $0.1.count }.max() ?? 0
        for (h, n, r) in table { lines.append("    " + pad(h, w1 + 2) + pad(n, w2 + 2) + r) }
        if !findings.isEmpty {
            lines.append("  findings: \(findings.count)")
            for f in findings.prefix(20) {
                lines.append("    " + (f.line.map { "line \($0): " } ?? "") + "\(f.kind.rawValue): \(f.message)")
            }
            if findings.count > 20 { lines.append("    … and \(findings.count - 20) more") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The teams of one file: `id  name  path  periods`, one line each.
    static func teams(_ directory: TeamDirectory) -> String {
        (["  teams:"] + directory.listing.map { "    " + $0 }).joined(separator: "\n") + "\n"
    }

    static func role(_ r: ColumnRole) -> String {
        switch r {
        case .dimension(let d): "dimension: \(d.rawValue)"
        case .metric(let m, let mode): "metric \(m.rawValue), " + (mode.map { $0.unitName } ?? "mode of the row")
        case .extra: "extra metric"
        case .ignored(let why): "ignored: \(why)"
        }
    }

    private static func pad(_ s: String, _ w: Int) -> String {
        s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count)
    }
}
