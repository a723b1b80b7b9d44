import Foundation

/// What a `build` wrote, measured on the disk once it is in place, and the one closing line
/// that says so: `wrote 2,343 pages, 129 MB, to site/ in 6.1 s`.
public struct BuildReceipt: Sendable, Equatable {
    /// HTML pages written.
    public var pages: Int
    /// Bytes of every file written (pages, style sheet, marker).
    public var bytes: Int
    public var output: String
    public var seconds: Double

    public init(pages: Int, bytes: Int, output: String, seconds: Double) {
        self.pages = pages
        self.bytes = bytes
        self.output = output
        self.seconds = seconds
    }

    /// Counts the pages and bytes under `output` (a site folder, or a single HTML file).
    public static func measure(_ output: String, seconds: Double) -> BuildReceipt {
        let fm = FileManager.default
        // stat(2) directly: `FileManager.attributesOfItem` also looks up the owner's user and
        // group names, reading /etc/passwd and /etc/group once per file (2 × 2,200 file reads
        // after a site build).
        func status(_ path: String) -> stat? {
            var st = stat()
            return stat(path, &st) == 0 ? st : nil
        }
        func isFolder(_ st: stat) -> Bool { st.st_mode & S_IFMT == S_IFDIR }
        guard let top = status(output) else {
            return BuildReceipt(pages: 0, bytes: 0, output: output, seconds: seconds)
        }
        guard isFolder(top) else {
            return BuildReceipt(pages: 1, bytes: Int(top.st_size), output: output, seconds: seconds)
        }
        var pages = 0, bytes = 0
        for name in (try? fm.subpathsOfDirectory(atPath: output)) ?? [] {
            let path = (output as NSString).appendingPathComponent(name)
            guard let st = status(path), !isFolder(st) else { continue }
            if name.hasSuffix(".html") { pages += 1 }
            bytes += Int(st.st_size)
        }
        return BuildReceipt(pages: pages, bytes: bytes, output: output, seconds: seconds)
    }

    /// `wrote 2,343 pages, 129 MB, to site/ in 6.1 s`; a folder ends in `/`. Under a second
    /// the time has two decimals (`0.04 s`, not `0.0 s`).
    public func line(folder: Bool) -> String {
        let count = NumberFormat.fixed(Double(pages), 0)
        let place = folder && !output.hasSuffix("/") ? output + "/" : output
        return "wrote \(count) page\(pages == 1 ? "" : "s"), \(Self.size(bytes)), to \(TerminalText.clean(place)) in "
            + NumberFormat.fixed(seconds, seconds < 0.995 ? 2 : 1, grouping: false) + " s"
    }

    /// Decimal units, as `ls -h --si` and `du --si` print them: `812 bytes`, `4.7 kB`, `129 MB`
    /// (one decimal below 10, none above).
    public static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) byte\(bytes == 1 ? "" : "s")" }
        var value = Double(bytes) / 1000
        var unit = "kB"
        for next in ["MB", "GB", "TB"] where value >= 999.5 {
            value /= 1000
            unit = next
        }
        return NumberFormat.fixed(value, value < 9.95 ? 1 : 0) + " " + unit
    }
}
