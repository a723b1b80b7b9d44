import Testing
@testable import SprintReport

@Suite struct InputGzipTests {
    static let text = """
    Team,Team_Id,Sprint,Start_Date,Sprint_Commit,Note
    Falcon,t1,"Sprint ""One""\r\nsplit",2026-01-05,20,"é, ü and 😀"\r
    Falcon,t1,Sprint Two,2026-01-19,22.5,—\r
    Heron,t2,Sprint One,2026-01-05,8,"x\ny"
    """

    @Test func gzipDetectedByMagicNotName() throws {
        let plain = try ExportReader.read(paths: [InputKit.file(Self.text, name: "a.csv.gz")], chunkSize: 64)
        let gz = try ExportReader.read(paths: [InputKit.file(InputKit.gzip(Self.text), name: "a.csv")], chunkSize: 64)
        #expect(!plain.inputs[0].compressed && gz.inputs[0].compressed)
        #expect(plain.series.map(\.rows.count) == gz.series.map(\.rows.count))
        #expect(gz.series[0].rows[0].period.label == "Sprint \"One\"\r\nsplit")
    }

    @Test func multiMemberGzip() throws {
        let parts = ["Team,Sprint,Sprint_Commit\nA,S1,1\nA,S", "2,2\nB,S1,3\n"]
        let bytes = InputKit.gzip(parts[0]) + InputKit.gzip(parts[1])
        for size in [1, 5, 1 << 16] {
            let d = try ExportReader.read(paths: [InputKit.file(bytes)], chunkSize: size)
            #expect(d.inputs[0].rows == 3)
            #expect(d.series.map(\.rows.count) == [2, 1])
        }
    }

    /// Chunk sizes 1…9 split the inflated text everywhere: inside the quoted field, between
    /// CR and LF, inside each UTF-8 sequence. Every split reads the same data set.
    @Test func splitAnywhere() throws {
        let gz = InputKit.gzip(Self.text)
        let path = InputKit.file(gz)
        let reference = try ExportReader.read(paths: [path], chunkSize: 1 << 16)
        #expect(reference.inputs[0].rows == 3)
        #expect(reference.inputs[0].columns.count == 6)
        for size in 1...9 {
            let d = try ExportReader.read(paths: [path], chunkSize: size)
            #expect(d.series.count == reference.series.count)
            for (a, b) in zip(d.series, reference.series) {
                #expect(a.rows.map(\.values) == b.rows.map(\.values))
                #expect(a.rows.map(\.period.label) == b.rows.map(\.period.label))
                #expect(a.rows.map(\.source.line) == b.rows.map(\.source.line))
            }
        }
        #expect(reference.series[0].rows.map(\.source.line) == [2, 4])
    }

    @Test func sha256OfTheRawBytes() throws {
        let text = "Team,Sprint\nA,S1\n"  // sha256sum: 3cc5d229…
        let d = try ExportReader.read(paths: [InputKit.file(text)], chunkSize: 3)
        #expect(d.inputs[0].sha256 == "3cc5d22901ae569961f84ef15c565e5e06bdbcd1bb2b2374a4e8a9de46f52479")
        let gz = InputKit.gzip(text)
        let z = try ExportReader.read(paths: [InputKit.file(gz)], chunkSize: 2)
        #expect(z.inputs[0].sha256 != d.inputs[0].sha256)  // of the compressed bytes
    }
}
