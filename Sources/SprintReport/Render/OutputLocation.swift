#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The "nothing lost" rules of the output, and the one way an output is written: beside the
/// target, then swapped into place.
///
/// A site folder may replace only an absent or empty folder, or an earlier sprint-report site
/// (it holds the marker file); a single file may replace only an earlier sprint-report
/// report. `force` lifts that rule, never the rules of `OutputPath` (the current folder,
/// home, `/`, a folder holding an input).
///
/// `write` runs every check before touching anything, then: creates the missing parent
/// folders, takes the output's lock (`OutputLock`), removes what interrupted builds of this
/// output left (`Staging.removeStale`), lets the builder fill a staging file or folder,
/// swaps it with the old output in one step and removes the old one. On an error or a
/// signal (`Interruption`) everything it created is removed again and the old output is
/// left as it was.
enum OutputLocation {
    enum Kind { case site, singleFile }

    static let marker = ".sprint-report"
    static let markerText = "This folder was written by sprint-report; the next build replaces it whole.\n"
    /// What the layout writes into every page's head: how an earlier report is recognised.
    static let generatorTag = "<meta name=\"generator\" content=\"sprint-report"

    /// Everything before anything is written: the path rules, then the replace rules.
    static func check(_ given: String, kind: Kind, options: BuildOptions) throws -> OutputPath {
        let output = try OutputPath.resolve(given, singleFile: kind == .singleFile)
        try output.refuseDangerous(reads: options.reads, singleFile: kind == .singleFile)
        try checkReplaceable(output, kind: kind, force: options.force)
        return output
    }

    /// Writes an output: `fill` gets the staging path (nothing there yet) and creates the
    /// file or folder there.
    static func write(_ given: String, kind: Kind, options: BuildOptions, fill: (String) throws -> Void) throws {
        let output = try check(given, kind: kind, options: options)
        var undo: [Int] = []
        var created: [String] = []
        var lock: OutputLock?
        func cleanUp() {
            Interruption.critical {  // all of it, or (on a signal) the handler does it
                lock?.release()  // first: the lock file sits in the innermost created folder
                for folder in created.reversed() { rmdir(folder) }
                for token in undo { Interruption.unregister(token) }
            }
        }
        do {
            for folder in try missingParents(output) {
                try FileSystem.makeDirectory(folder, what: "the folder \(folder)")
                created.append(folder)
                undo.append(Interruption.register(.emptyFolder(folder)))
            }
            let l = try OutputLock.acquire(output)
            lock = l
            undo.append(Interruption.register(.lock(l)))
            // Another build may have written the output while this one was reading its inputs.
            try checkReplaceable(output, kind: kind, force: options.force)
            Staging.removeStale(output, kind: kind)
            let staging = Staging.path(output, kind: .partial)
            undo.append(Interruption.register(.tree(staging)))
            do {
                try fill(staging)
                let old = try Interruption.critical { try moveIntoPlace(staging, output, kind: kind, undo: &undo) }
                if let old {
                    do {
                        try FileSystem.removeTree(old)
                    } catch let e as OutputError {
                        throw OutputError("\(output.given) is written, but the earlier one could not be removed from "
                            + "\(old): \(e.message)")
                    }
                }
            } catch {
                try? FileSystem.removeTree(staging)
                throw error
            }
            created = []  // they hold the output now
            cleanUp()
        } catch {
            cleanUp()
            throw error
        }
    }

    /// The replace rules (see the type's comment).
    static func checkReplaceable(_ output: OutputPath, kind: Kind, force: Bool) throws {
        let given = output.given
        let existing = FileSystem.targetKind(output.resolved)
        switch kind {
        case .site:
            guard let existing, !force else { return }
            guard existing == .directory else {
                throw OutputError("\(given) is a file, not a folder; choose another --output or pass --force to replace it")
            }
            let entries = try FileSystem.list(output.resolved, what: given)
            if entries.isEmpty || entries.contains(marker) { return }
            throw OutputError("\(given) is not empty and was not written by sprint-report (it has no \(marker) file); "
                + "choose another --output or pass --force to replace it")
        case .singleFile:
            guard let existing else { return }
            if existing == .directory { throw OutputError("\(given) is a folder; --single-file --output names a file") }
            if force || isReport(output.resolved) { return }
            throw OutputError("\(given) exists and is not a sprint-report report; choose another --output or pass "
                + "--force to replace it")
        }
    }

    /// A file sprint-report wrote: its head carries the generator tag.
    static func isReport(_ path: String) -> Bool {
        guard let head = FileSystem.head(path, count: 4096) else { return false }
        return String(decoding: head, as: UTF8.self).contains(generatorTag)
    }

    /// The folders above the output that do not exist yet, outermost first.
    static func missingParents(_ output: OutputPath) throws -> [String] {
        var missing: [String] = []
        var folder = output.parent
        while folder != "/", try FileSystem.kind(folder) == nil {
            missing.append(folder)
            folder = OutputPath(given: folder, resolved: folder).parent
        }
        return missing.reversed()
    }

    /// Puts the finished staging in place of the output; returns where the old output now
    /// is (to be removed), if there was one. Runs with signals held off.
    private static func moveIntoPlace(_ staging: String, _ output: OutputPath, kind: Kind,
                                      undo: inout [Int]) throws -> String? {
        let target = output.resolved
        let what = output.given
        guard try FileSystem.kind(target) != nil else {
            try FileSystem.rename(staging, target, what: what)
            return nil
        }
        if kind == .singleFile && FileSystem.targetKind(target) == .file {
            try FileSystem.rename(staging, target, what: what)  // replaces a file in one step
            return nil
        }
        if try FileSystem.exchange(staging, target, what: what) {
            return staging  // registered already: an interrupt from here removes the old output
        }
        // No atomic swap on this file system: two renames, undone if the second fails.
        let old = Staging.path(output, kind: .old)
        try FileSystem.rename(target, old, what: what)
        do {
            try FileSystem.rename(staging, target, what: what)
        } catch {
            _ = try? FileSystem.rename(old, target, what: what)
            throw error
        }
        undo.append(Interruption.register(.tree(old)))
        return old
    }
}
