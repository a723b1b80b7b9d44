import Testing
@testable import SprintReport

@Suite struct OutputTextTests {
    static func hostileReport() -> Report {
        let rows = TestData.rows([[.sprintCommit: 20, .deliveredCommit: 18, .totalWorkDelivered: 19],
                                  [.sprintCommit: 20, .deliveredCommit: 10, .totalWorkDelivered: 12]])
        let name = "A|B *bold* <script>\u{1B}[31m"
        return Analyzer.analyze(TestData.dataSet([TestData.series(name, rows)]))
    }

    @Test func textTableIsAlignedAndFormattedByNumberFormat() {
        let text = SummaryText.render(OutputJSONTests.report())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.firstIndex { $0.hasPrefix("  team ") }!
        let row = lines[header + 1]
        #expect(row.hasPrefix("  Eng/Falcon \"F\"  pts"))
        // Right-aligned numbers end where their header ends.
        let velocityEnd = lines[header].range(of: "velocity")!.upperBound
        #expect(row[..<velocityEnd].hasSuffix("22.8"))
        #expect(row.contains("24.0\u{202F}%  Low"))
        #expect(row.hasSuffix("0.05  Elite"))
        #expect(text.contains("  predictability (CV)  ≤ 0.1 / ≤ 0.2 / ≤ 0.35, else Low\n"))
        #expect(text.contains("warning: exports/q1.csv.gz:3: identity-mismatch: Falcon \"F\", Falcon Sprint 2: "))
        #expect(text.contains("  (all teams)  pts"))
    }

    @Test func textNeutralisesTerminalEscapes() {
        let text = SummaryText.render(Self.hostileReport())
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("A|B *bold* <script>?[31m"))
    }

    @Test func markdownEscapesTeamNames() {
        let md = SummaryMarkdown.render(Self.hostileReport())
        #expect(md.contains(#"| A\|B \*bold\* \<script\> \[31m | pts | 2 | 15.5 | 70.0"#))
        #expect(!md.contains("<script>"))
        // Every table row has the header's number of cells.
        for line in md.split(separator: "\n") where line.hasPrefix("|") {
            #expect(line.replacingOccurrences(of: #"\|"#, with: "").filter { $0 == "|" }.count == 13)
        }
    }

    @Test func undefinedFiguresPrintAsDash() {
        let r = Analyzer.analyze(TestData.dataSet([TestData.series("Solo", TestData.rows([[.sprintCommit: 0]]))]))
        let row = SummaryTable(teams: r.teams).rows[0]
        #expect(row == ["Solo", "pts", "1", "—", "—", "—", "—", "—", "—", "—", "—", "—"])
    }

    @Test func approximateVelocityIsMarked() {
        let t = TestData.team([[.totalWorkDelivered: 30, .sprintVelocity: 15], [.sprintVelocity: 12]], level: .team)
        #expect(SummaryTable.row(label: "x", mode: .tickets, t.summary)[3] == "~13.5")
    }

    @Test func gates() {
        let r = OutputJSONTests.report()  // one warning; bands Low, Low, Low, Elite
        #expect(SummaryGate().failure(r) == nil)
        #expect(SummaryGate(failOnFindings: true).failure(r) == "1 warning finding")
        #expect(SummaryGate(failOnBand: .low).failure(r) == nil)
        let high = SummaryGate(failOnBand: .medium).failure(r)
        #expect(high?.hasPrefix("3 banded figures of 1 team below Medium: Eng/Falcon \"F\" (story points) say/do % is Low") == true)
        var info = r
        info.findings = info.findings.map { var f = $0; f.severity = .info; return f }
        #expect(SummaryGate(failOnFindings: true).failure(info) == nil)
    }
}
