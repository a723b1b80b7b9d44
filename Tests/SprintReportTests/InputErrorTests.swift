import Testing
@testable import SprintReport

@Suite struct InputErrorTests {
    func only(_ text: String, chunkSize: Int = 1 << 16) -> (line: Int?, message: String)? {
        InputKit.error(text, chunkSize: chunkSize).map { ($0.line, $0.message) }
    }

    @Test func cannotOpen() {
        let e = InputKit.errors(["/nonexistent/export.csv.gz"])
        #expect(e.count == 1)
        #expect(e.first?.description.hasPrefix("/nonexistent/export.csv.gz: error: cannot open") == true)
    }

    @Test func emptyFile() {
        let e = InputKit.errors([InputKit.file("")])
        #expect(e.first?.message == "empty file (0 bytes)" && e.first?.line == nil)
    }

    @Test func noDataRows() {
        let e = InputKit.errors([InputKit.file("Team,Sprint\n"), InputKit.file("Team,Sprint\n\n")])
        #expect(e.count == 1 && e.first?.message == "no data rows")
    }

    @Test(arguments: [1, 3, 1 << 16])
    func wrongFieldCountNamesTheRecordStart(chunkSize: Int) {
        let e = only("Team,Sprint,Sprint_Commit\nA,S1,1\n\nA,\"S\n2\",2,9\n", chunkSize: chunkSize)
        #expect(e?.line == 4)
        #expect(e?.message == "expected 3 fields (as in the header), found 4")
    }

    @Test(arguments: [1, 3, 1 << 16])
    func unterminatedQuote(chunkSize: Int) {
        let e = only("Team,Sprint,Sprint_Commit\nA,S1,1\nA,\"S2,2\nA,S3,3\n", chunkSize: chunkSize)
        #expect(e?.line == 3 && e?.message.contains("never closes") == true)
    }

    @Test func invalidUTF8() {
        let bytes = Array("Team,Sprint,Sprint_Commit\nA,S1,1\nA,\"S\n2".utf8) + [0xC0, 0xAF] + Array("\",2\n".utf8)
        let e = InputKit.errors([InputKit.file(bytes)])
        #expect(e.first?.line == 4 && e.first?.message == "invalid UTF-8")
    }

    @Test(arguments: [1, 4, 1 << 16])
    func theFirstProblemInTheFileIsTheOneReported(chunkSize: Int) {
        // A wrong field count on line 3 comes before invalid UTF-8 on line 4, in any chunking.
        let bytes = Array("Team,Sprint\nA,S1\nA,S2,x\nA,".utf8) + [0xFF] + Array("\n".utf8)
        let e = InputKit.errors([InputKit.file(bytes)], chunkSize: chunkSize)
        #expect(e.count == 1 && e.first?.line == 3)
        #expect(e.first?.message == "expected 2 fields (as in the header), found 3")
    }

    @Test func headerWithoutIdentitiesListsColumns() {
        let noTeam = only("Sprint,Sprint_Commit\nS1,1\n")
        #expect(noTeam?.line == 1)
        #expect(noTeam?.message.contains("no team column") == true)
        #expect(noTeam?.message.contains("columns found: 'Sprint', 'Sprint_Commit'") == true)
        let noPeriod = only("Team,Sprint_Commit\nA,1\n")
        #expect(noPeriod?.message.contains("no period column") == true)
        #expect(noPeriod?.message.contains("no team column") == false)
    }

    @Test func headerWithBlankLinesFirst() {
        // The header is the first record; its line is where it is.
        let e = only("\n\nSprint,Sprint_Commit\nS1,1\n")
        #expect(e?.line == 3)
    }

    @Test func sameDimensionTwice() {
        let e = only("Team,Team_Name,Sprint\nA,A,S1\n")
        #expect(e?.line == 1)
        #expect(e?.message == "columns 'Team' and 'Team_Name' both name the team name")
    }

    @Test func everyBadFileIsReportedOnce() {
        let good = InputKit.file("Team,Sprint\nA,S1\n")
        let bad1 = InputKit.file("Team\nA\n")
        let bad2 = InputKit.file("Team,Sprint\nA,S1,x\n")
        let e = InputKit.errors([bad1, good, bad2])
        #expect(e.map(\.file) == [bad1, bad2])
        #expect(e[1].description == "\(bad2):2: error: expected 2 fields (as in the header), found 3")
    }

    @Test func corruptGzip() {
        var gz = InputKit.gzip("Team,Sprint,Sprint_Commit\n" + String(repeating: "A,S1,1\n", count: 2000))
        gz[gz.count / 2] ^= 0xFF
        let e = InputKit.errors([InputKit.file(gz, name: "x.csv.gz")])
        #expect(e.count == 1)
        #expect(e.first?.message.hasPrefix("corrupt gzip stream") == true)
    }

    @Test func corruptCRCFailsTheWholeFile() {
        var gz = InputKit.gzip("Team,Sprint,Sprint_Commit\nA,S1,1\n")
        gz[gz.count - 6] ^= 0x01  // inside the CRC-32 of the trailer
        let e = InputKit.errors([InputKit.file(gz)])
        #expect(e.first?.message.hasPrefix("corrupt gzip stream") == true)
    }

    @Test(arguments: [1, 7, 1 << 16])
    func truncatedGzip(chunkSize: Int) {
        let gz = InputKit.gzip("Team,Sprint,Sprint_Commit\n" + String(repeating: "A,S1,1\n", count: 500))
        let e = InputKit.errors([InputKit.file(Array(gz.dropLast(5)))], chunkSize: chunkSize)
        #expect(e.first?.message.hasPrefix("truncated gzip stream") == true)
    }
}
