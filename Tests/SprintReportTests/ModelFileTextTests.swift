import Testing
@testable import SprintReport

/// Text from a file loses its control characters and noncharacters (issue 10: a NUL in a
/// team name reached the HTML), and messages quote long values cut.
@Suite struct ModelFileTextTests {
    @Test func controlsBecomeReplacementCharacters() {
        #expect(FileText.cleaned("Fal\u{0}con") == "Fal\u{FFFD}con")
        #expect(FileText.cleaned("a\u{1}b\u{1B}[31mc\u{7F}") == "a\u{FFFD}b\u{FFFD}[31mc\u{FFFD}")
        #expect(FileText.cleaned("x\u{85}y\u{9F}") == "x\u{FFFD}y\u{FFFD}")  // C1 controls
        let nonCharacters = String(String.UnicodeScalarView([0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFF, 0x10FFFE]
            .compactMap(Unicode.Scalar.init)))
        #expect(nonCharacters.unicodeScalars.count == 6)
        #expect(FileText.cleaned(nonCharacters) == String(repeating: "\u{FFFD}", count: 6))
        // Tab, line feed and carriage return stay; so does everything else.
        let kept = "Tab\there\nCR\r é 🚀 \u{A0} \u{FFFD} \u{FDCF} \u{FDF0} \u{FFFD}"
        #expect(FileText.cleaned(kept) == kept)
    }

    @Test func byteCheckFindsEveryReplacedScalar() {
        // `mayNeedCleaning` never misses: any string with a replaced scalar is flagged.
        for v in Array(0...0x2FF) + [0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF] {
            guard let u = Unicode.Scalar(UInt32(v)) else { continue }
            // At every offset of the word-at-a-time loop and of the byte loop after it.
            for offset in 0..<17 {
                var s = String(repeating: "a", count: offset) + String(u) + String(repeating: "z", count: 17 - offset)
                let flagged = s.withUTF8 { FileText.mayNeedCleaning($0) }
                if FileText.isReplaced(UInt32(v)) { #expect(flagged, "U+\(String(v, radix: 16)) at \(offset)") }
                if v < 0x80 {
                    #expect(flagged == FileText.isReplaced(UInt32(v)), "exact for ASCII: U+\(String(v, radix: 16)) at \(offset)")
                }
            }
        }
    }

    @Test func excerptCutsLongValues() {
        let long = String(repeating: "h", count: 4 << 20)
        let e = FileText.excerpt(long)
        #expect(e == String(repeating: "h", count: 80) + "… (4194304 bytes)")
        #expect(FileText.excerpt("short") == "short")
        #expect(FileText.excerpt(String(repeating: "é", count: 80)) == String(repeating: "é", count: 80))  // 160 bytes, 80 characters
        #expect(FileText.excerpt("\u{0}" + String(repeating: "x", count: 100)).hasPrefix("\u{FFFD}x"))
    }

    @Test func readerCleansEveryKeptText() throws {
        let csv = "Team,Team_Id,Team_Hierarchy,Org_Tree,Sprint,Sprint_Id,Start_Date,Sprint_Commit,Mo\u{0}od\n"
            + "Fal\u{0}con,id\u{1},Eng\u{7F}/Plat\u{85}form/Fal\u{0}con,Org\u{1B},Spr\u{0}int 1,s\u{0}1,2026-01-05,3,4\n"
        let data = try InputKit.read(csv)
        let team = data.only.team
        #expect(team.name == "Fal\u{FFFD}con")
        #expect(team.key == "id\u{FFFD}")
        #expect(team.path == ["Eng\u{FFFD}", "Plat\u{FFFD}form", "Fal\u{FFFD}con"])
        #expect(team.orgTree == "Org\u{FFFD}")
        let period = data.only.rows[0].period
        #expect(period.label == "Spr\u{FFFD}int 1")
        #expect(period.sprintId == "s\u{FFFD}1")
        #expect(data.inputs[0].columns.map(\.header).contains("Mo\u{FFFD}od"))
    }

    @Test func nulInATeamNameNeverReachesAPage() throws {
        let data = try InputKit.read("Team,Sprint,Start_Date,Sprint_Commit\nFal\u{0}con,S1,2026-01-05,3\nFal\u{0}con,S2,2026-01-19,4\n")
        let report = Analyzer.analyze(data)
        let s = SiteBuilder.settings(report, templates: try .embedded(), options: BuildOptions(), singleFile: false)
        var sawName = false
        for page in SiteBuilder.pages(report) {
            let html = try SiteBuilder.render(page, s).html
            #expect(!html.utf8.contains(0), "a page holds a NUL byte")
            sawName = sawName || html.contains("Fal\u{FFFD}con")
        }
        #expect(sawName)
        #expect(!SummaryText.render(report).utf8.contains(0))
        #expect(!SummaryJSON.render(report).utf8.contains(0))
    }
}
