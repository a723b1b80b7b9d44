import Foundation
import Testing

/// The golden comparison itself: a difference fails and leaves the produced file in
/// `actual/`, recording fails too, and a match passes and clears `actual/`.
@Suite struct GoldenFilesTests {
    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    static func isRecording(_ issue: Issue) -> Bool { "\(issue)".contains("recorded new golden") }
    static func isDifference(_ issue: Issue) -> Bool { "\(issue)".contains("differs from its golden") }

    @Test func aDifferenceFailsAndLeavesTheActualFile() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try withKnownIssue {
            try GoldenFiles.check(Data("same\n".utf8), against: "set/a.txt", in: root, updating: true)
        } matching: { Self.isRecording($0) }
        try withKnownIssue {
            try GoldenFiles.check(Data("changed\n".utf8), against: "set/a.txt", in: root, updating: false)
        } matching: { Self.isDifference($0) }
        #expect(try Self.text(root.appendingPathComponent("actual/set/a.txt")) == "changed\n")
        #expect(try Self.text(root.appendingPathComponent("set/a.txt")) == "same\n")
    }

    @Test func recordingWritesTheGoldenAndFails() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let produced = root.appendingPathComponent("produced")
        try FileManager.default.createDirectory(at: produced, withIntermediateDirectories: true)
        try Data("<p>page</p>\n".utf8).write(to: produced.appendingPathComponent("index.html"))
        try Data("marker\n".utf8).write(to: produced.appendingPathComponent(".hidden"))
        try withKnownIssue {
            try GoldenFiles.check(produced, against: "site", in: root, updating: true)
        } matching: { Self.isRecording($0) }
        #expect(try GoldenFiles.files(root.appendingPathComponent("site")) == [".hidden", "index.html"])
        // Recording the same output again still fails: a recording run never passes.
        try withKnownIssue {
            try GoldenFiles.check(produced, against: "site", in: root, updating: true)
        } matching: { Self.isRecording($0) }
        // The recorded folder then matches.
        try GoldenFiles.check(produced, against: "site", in: root, updating: false)
    }

    @Test func aMatchPassesAndClearsOldActualFiles() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let produced = root.appendingPathComponent("produced")
        try FileManager.default.createDirectory(at: produced, withIntermediateDirectories: true)
        try Data("one\n".utf8).write(to: produced.appendingPathComponent("one.txt"))
        withKnownIssue { try GoldenFiles.check(produced, against: "dir", in: root, updating: true) }
        // A file missing from the output, and one too many, are differences as well.
        try Data("two\n".utf8).write(to: produced.appendingPathComponent("two.txt"))
        try withKnownIssue {
            try GoldenFiles.check(produced, against: "dir", in: root, updating: false)
        } matching: { "\($0)".contains("dir/two.txt") }
        #expect(try GoldenFiles.files(root.appendingPathComponent("actual/dir")) == ["one.txt", "two.txt"])
        try FileManager.default.removeItem(at: produced.appendingPathComponent("two.txt"))
        try GoldenFiles.check(produced, against: "dir", in: root, updating: false)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("actual").path))
        try FileManager.default.removeItem(at: produced.appendingPathComponent("one.txt"))
        try withKnownIssue {
            try GoldenFiles.check(produced, against: "dir", in: root, updating: false)
        } matching: { "\($0)".contains("dir/one.txt") }
    }

    @Test func aMissingGoldenFails() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try withKnownIssue {
            try GoldenFiles.check(Data("x".utf8), against: "none.json", in: root, updating: false)
        } matching: { "\($0)".contains("no golden") }
        #expect(try Self.text(root.appendingPathComponent("actual/none.json")) == "x")
    }
}
