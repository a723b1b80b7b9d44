import Foundation
import Testing

/// The CI examples of docs/ci.md stay true: every `sprint-report` command in its YAML blocks
/// names a subcommand that exists, options that subcommand has, a value after each option
/// that takes one, and only accepted values where the value is written out. The options are
/// read from the built binary's own description of itself (`--experimental-dump-help`).
@Suite("docs/ci.md recipes")
struct CIRecipeTests {
    static let page = Fixtures.repository.appendingPathComponent("docs/ci.md")

    /// One option of a subcommand, as the binary describes it.
    struct Option {
        var takesValue: Bool
        var values: [String]?
    }

    /// subcommand → option name (`--name` or `-n`) → option.
    static func commands() throws -> [String: [String: Option]] {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try ToolProcess.run(ToolProcess.binary, ["--experimental-dump-help"],
                                      environment: ToolProcess.cleanEnvironment(), in: dir)
        guard run.status == 0, let root = try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any],
              let command = root["command"] as? [String: Any], let subs = command["subcommands"] as? [[String: Any]] else {
            throw FakeAPIError("no command description from --experimental-dump-help: \(run.stderr)")
        }
        var result: [String: [String: Option]] = [:]
        for sub in subs {
            guard let name = sub["commandName"] as? String else { continue }
            var options: [String: Option] = [:]
            for argument in sub["arguments"] as? [[String: Any]] ?? [] {
                let kind = argument["kind"] as? String
                guard kind == "option" || kind == "flag" else { continue }
                let option = Option(takesValue: kind == "option", values: argument["allValues"] as? [String])
                for n in argument["names"] as? [[String: Any]] ?? [] {
                    guard let text = n["name"] as? String else { continue }
                    options[(n["kind"] as? String == "short" ? "-" : "--") + text] = option
                }
            }
            result[name] = options
        }
        return result
    }

    /// The lines of the page's ```yaml blocks, continuation lines (ending in `\`) joined.
    static func yamlLines() throws -> [String] {
        let text = try String(contentsOf: page, encoding: .utf8)
        var lines: [String] = []
        var inYAML = false
        var pending = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                inYAML = !inYAML && trimmed == "```yaml"
                continue
            }
            guard inYAML else { continue }
            if trimmed.hasSuffix("\\") {
                pending += String(trimmed.dropLast()) + " "
            } else {
                lines.append(pending + trimmed)
                pending = ""
            }
        }
        return lines
    }

    /// Shell words of `line`: quotes removed, `$(…)` kept whole, and the operators `|`, `||`,
    /// `&&`, `;`, `>`, `>>` as words of their own.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var depth = 0
        var started = false
        var chars = Array(line)[...]
        func flush() {
            if started { words.append(word) }
            word = ""
            started = false
        }
        while let c = chars.popFirst() {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
                continue
            }
            if depth > 0 {
                word.append(c)
                if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                continue
            }
            switch c {
            case "'", "\"":
                quote = c
                started = true
            case "$" where chars.first == "(":
                word.append(c)
                word.append(chars.removeFirst())
                depth = 1
                started = true
            case " ", "\t":
                flush()
            case "|", "&", ";", ">":
                flush()
                var op = String(c)
                if let next = chars.first, next == c { op.append(chars.removeFirst()) }
                words.append(op)
            default:
                word.append(c)
                started = true
            }
        }
        flush()
        return words
    }

    /// Every `sprint-report …` invocation of the page, as its words after the program.
    static func invocations() throws -> [[String]] {
        var result: [[String]] = []
        for line in try yamlLines() {
            var text = line
            for prefix in ["- ", "run: "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            var command: [String] = []
            for word in words(text) + [";"] {
                if ["|", "||", "&&", ";"].contains(word) {
                    if let first = command.first, first.split(separator: "/").last == "sprint-report" {
                        // Redirections end the arguments.
                        result.append(Array(command.dropFirst().prefix { $0 != ">" && $0 != ">>" }))
                    }
                    command = []
                } else {
                    command.append(word)
                }
            }
        }
        return result
    }

    @Test func theWordsOfACommandLine() {
        #expect(Self.words(#"a --x "$(date -u -d '3 months ago' +%F)" 'b c' >> "$F" | d"#)
            == ["a", "--x", "$(date -u -d '3 months ago' +%F)", "b c", ">>", "$F", "|", "d"])
    }

    @Test func everyCommandOfTheRecipesParses() throws {
        let commands = try Self.commands()
        let invocations = try Self.invocations()
        // Both recipes fetch, build, summarise and gate.
        #expect(invocations.filter { $0.first == "fetch" }.count == 2)
        #expect(invocations.filter { $0.first == "build" }.count == 2)
        #expect(invocations.filter { $0.first == "summary" && $0.contains("--fail-on-band") }.count == 2)
        #expect(invocations.filter { $0.first == "summary" && $0.contains("markdown") }.count == 2)
        for words in invocations {
            let shown = "sprint-report " + words.joined(separator: " ")
            guard let sub = words.first, let options = commands[sub] else {
                Issue.record("unknown subcommand: \(shown)")
                continue
            }
            var rest = words.dropFirst()[...]
            while let word = rest.popFirst() {
                guard word.hasPrefix("-"), word != "-" else { continue }  // a file, or '-' for standard input
                let name = String(word.split(separator: "=", maxSplits: 1)[0])
                guard let option = options[name] else {
                    Issue.record("\(sub) has no option \(name): \(shown)")
                    continue
                }
                guard option.takesValue, !word.contains("=") else { continue }
                guard let value = rest.popFirst(), !value.hasPrefix("--") else {
                    Issue.record("\(name) needs a value: \(shown)")
                    continue
                }
                if let allowed = option.values, !value.contains("$") {
                    #expect(allowed.contains(value), "\(name) \(value) is not one of \(allowed): \(shown)")
                }
            }
        }
    }

    @Test func theDateExpressionsGiveDays() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let expressions = Set(try Self.invocations().joined().filter { $0.hasPrefix("$(date ") })
        #expect(expressions.count == 2)
        for e in expressions {
            let run = try ToolProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo \(e)"],
                                          environment: ToolProcess.cleanEnvironment(), in: dir)
            let day = run.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(run.status == 0 && day.count == 10 && day.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, "\(e) → \(day)")
        }
    }

    @Test func theSubcommandsAnswerHelp() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for sub in Set(try Self.invocations().compactMap(\.first)) {
            let run = try ToolProcess.run(ToolProcess.binary, [sub, "--help"], environment: ToolProcess.cleanEnvironment(), in: dir)
            #expect(run.status == 0, "\(sub) --help")
            #expect(run.stdoutText.contains("USAGE: sprint-report \(sub)"))
        }
    }
}
