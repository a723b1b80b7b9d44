import Foundation

/// What `--previous PATH` reads of an earlier report: the parts of its summary JSON
/// (docs/summary-json.md) that "since the last report" compares — window, inputs'
/// SHA-256, teams with their bands, findings, and the last day of its data.
///
/// PATH is a site folder (its `summary.json`) or a summary JSON file. The file is untrusted
/// text: anything but a JSON object of schema version `SummaryJSON.schemaVersion` with the
/// members below in their types is one `InputError` naming the file and the member, never a
/// crash. Members it does not read are ignored.
public struct PreviousSummary: Sendable {
    public struct Input: Sendable, Equatable {
        public var path: String
        public var sha256: String
    }

    public struct Team: Sendable, Equatable {
        public var key: String
        public var name: String
        public var path: String
        public var mode: ComputationMode
        /// The banded figures that have a band.
        public var bands: [BandedFigure: Band]
    }

    public struct Finding: Sendable, Equatable {
        public var severity: String
        public var kind: String
        public var team: String?
        public var period: String?
        public var message: String
    }

    /// The file read (PATH itself, or PATH/summary.json for a folder).
    public var file: String
    public var generator: String?
    /// A generation time, when the document carries one (`generated`); written as it is there.
    public var generated: String?
    public var window: Window
    /// The last end (else start) day of any team's series: the end of its data.
    public var dataEnd: Day?
    public var inputs: [Input]
    public var teams: [Team]
    public var findings: [Finding]

    /// Reads PATH: a folder's `summary.json`, or the file itself.
    public static func load(path: String) throws(InputError) -> PreviousSummary {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError(file: path, "no such file or folder (--previous names an earlier site folder or its \(SummaryJSON.siteFile))")
        }
        var file = path
        if isDir.boolValue {
            file = URL(fileURLWithPath: path).appendingPathComponent(SummaryJSON.siteFile).path
            guard FileManager.default.fileExists(atPath: file) else {
                throw InputError(file: path, "the folder has no \(SummaryJSON.siteFile) (sites written before it was "
                    + "added have none: build that report again, or name a summary JSON file)")
            }
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(file: file, "cannot read the file")
        }
        return try parse(data, file: file)
    }

    /// Parses the document `data`, named `file` in errors.
    public static func parse(_ data: Data, file: String) throws(InputError) -> PreviousSummary {
        let decoder = JSONDecoder()
        let version: Int
        do {
            guard let v = try decoder.decode(Version.self, from: data).schemaVersion else {
                throw InputError(file: file, "not a sprint-report summary (it has no schemaVersion)")
            }
            version = v
        } catch let e as InputError {
            throw e
        } catch let DecodingError.typeMismatch(_, context) where context.codingPath.isEmpty {
            throw InputError(file: file, "not a sprint-report summary (expected a JSON object)")
        } catch let DecodingError.typeMismatch(_, context) where context.codingPath.count == 1 {
            throw InputError(file: file, "schemaVersion: expected a whole number")
        } catch {
            throw InputError(file: file, "not valid JSON")
        }
        guard version == SummaryJSON.schemaVersion else {
            throw InputError(file: file, "schemaVersion \(version) is not the one this sprint-report reads "
                + "(\(SummaryJSON.schemaVersion)); compare with a report written by this version")
        }
        let doc: Document
        do {
            doc = try decoder.decode(Document.self, from: data)
        } catch {
            throw InputError(file: file, "not a sprint-report summary: " + describe(error))
        }
        return try PreviousSummary(doc, file: file)
    }

    private init(_ doc: Document, file: String) throws(InputError) {
        func day(_ text: String?, _ at: String) throws(InputError) -> Day? {
            guard let text else { return nil }
            guard text.utf8.count == 10, let d = Day(iso: text) else {
                throw InputError(file: file, "\(at): expected a date as yyyy-MM-dd")
            }
            return d
        }
        self.file = file
        generator = doc.generator
        generated = doc.generated
        window = Window(from: try day(doc.window.from, "window.from"), to: try day(doc.window.to, "window.to"))
        inputs = doc.inputs.map { Input(path: $0.path, sha256: $0.sha256) }
        var teams: [Team] = []
        var end: Day?
        for (i, t) in doc.teams.enumerated() {
            guard let mode = ComputationMode(rawValue: t.mode) else {
                throw InputError(file: file, "teams[\(i)].mode: unknown mode '\(t.mode)'")
            }
            var bands: [BandedFigure: Band] = [:]
            for f in BandedFigure.allCases {
                guard let word = t.bands[f.rawValue] ?? nil else { continue }
                guard let b = Band(rawValue: word) else {
                    throw InputError(file: file, "teams[\(i)].bands.\(f.rawValue): unknown band '\(word)'")
                }
                bands[f] = b
            }
            for (j, p) in (t.series ?? []).enumerated() {
                let at = "teams[\(i)].series[\(j)]"
                let last = try day(p.end, at + ".end"), first = try day(p.start, at + ".start")
                if let d = last ?? first { end = max(end ?? d, d) }
            }
            teams.append(Team(key: t.key, name: t.name, path: t.path, mode: mode, bands: bands))
        }
        self.teams = teams
        dataEnd = end
        findings = doc.findings.map {
            Finding(severity: $0.severity, kind: $0.kind, team: $0.team, period: $0.period, message: $0.message)
        }
    }

    /// `teams[3].key: expected a string`, from a decoding error.
    private static func describe(_ error: Error) -> String {
        func path(_ p: [CodingKey]) -> String {
            var s = ""
            for k in p {
                if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
            }
            return s.isEmpty ? "the document" : s
        }
        switch error {
        case let DecodingError.keyNotFound(key, context):
            return path(context.codingPath + [key]) + ": missing"
        case let DecodingError.typeMismatch(type, context), let DecodingError.valueNotFound(type, context):
            let what = type == String.self ? "a string" : type == Int.self || type == Double.self ? "a number"
                : "another type"
            return path(context.codingPath) + ": expected " + what
        case let DecodingError.dataCorrupted(context):
            return path(context.codingPath) + ": not readable"
        default:
            return "not readable"
        }
    }

    // The subset of the document that is read.
    private struct Version: Decodable { var schemaVersion: Int? }

    private struct Document: Decodable {
        var generator: String?
        var generated: String?
        var window: WindowDoc
        var inputs: [InputDoc]
        var teams: [TeamDoc]
        var findings: [FindingDoc]
    }

    private struct WindowDoc: Decodable {
        var from: String?
        var to: String?
    }

    private struct InputDoc: Decodable {
        var path: String
        var sha256: String
    }

    private struct TeamDoc: Decodable {
        var key: String
        var name: String
        var path: String
        var mode: String
        var bands: [String: String?]
        var series: [PointDoc]?
    }

    private struct PointDoc: Decodable {
        var start: String?
        var end: String?
    }

    private struct FindingDoc: Decodable {
        var severity: String
        var kind: String
        var team: String?
        var period: String?
        var message: String
    }
}
