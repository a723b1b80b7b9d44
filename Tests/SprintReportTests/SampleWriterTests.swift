import CZlib
import Foundation
import Testing
@testable import SprintReport

@Suite struct SampleWriterTests {
    /// Inflates a whole gzip file with zlib (the test's own, independent of the reader).
    static func gunzip(_ data: [UInt8]) -> [UInt8]? {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { inflateEnd(stream); stream.deallocate() }
        guard czlib_inflateInit2(stream, 31) == Z_OK else { return nil }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        data.withUnsafeBufferPointer { input in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = uInt(input.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { c in
                    stream.pointee.next_out = c.baseAddress
                    stream.pointee.avail_out = uInt(c.count)
                    status = inflate(stream, Z_NO_FLUSH)
                    out.append(contentsOf: c[0..<(c.count - Int(stream.pointee.avail_out))])
                }
            } while status == Z_OK
        }
        return status == Z_STREAM_END ? out : nil
    }

    @Test func gzipFileInflatesToTheCSV() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("org.csv.gz").path
        // 300 teams of 40 sprints: three pieces, compressed apart and joined into one member.
        let generator = SampleGenerator(SampleOptions(teams: 300, sprints: 40, seed: 2))
        #expect(generator.pieceCount == 3)
        let result = try SampleWriter.write(generator, to: path)
        let gz = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(gz.prefix(2) == [0x1F, 0x8B])
        #expect(result.rows == 300 * 40)
        #expect(result.fileBytes == gz.count)
        let csv = Self.gunzip(gz)
        #expect(csv == generator.csv())
        #expect(result.csvBytes == csv?.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["org.csv.gz"])
    }

    @Test func plainMultiPieceFileEqualsTheInMemoryCSV() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("org.csv").path
        let generator = SampleGenerator(SampleOptions(teams: 700, sprints: 12, seed: 3, level: .team,
                                                      granularity: .quarterly, modes: [.storyPoints, .tickets]))
        #expect(generator.pieceCount > 1)
        let result = try SampleWriter.write(generator, to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes == generator.csv())
        #expect(result.fileBytes == bytes.count && result.csvBytes == bytes.count)
        #expect(result.rows == bytes.filter { $0 == 10 }.count - 1)
    }

    @Test func plainFileAndNoClobberWithoutForce() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("org.csv").path
        let first = SampleGenerator(SampleOptions(teams: 2, sprints: 3, seed: 1))
        _ = try SampleWriter.write(first, to: path)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == first.csv())
        let second = SampleGenerator(SampleOptions(teams: 2, sprints: 3, seed: 2))
        #expect(throws: SampleError.self) { try SampleWriter.write(second, to: path) }
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == first.csv())
        _ = try SampleWriter.write(second, to: path, force: true)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == second.csv())
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["org.csv"])
    }

    @Test func missingFolderIsAnErrorThatNamesTheFile() throws {
        let error = #expect(throws: SampleError.self) {
            try SampleWriter.write(SampleGenerator(SampleOptions(teams: 1, sprints: 1)),
                                   to: "/nonexistent-folder/x.csv.gz")
        }
        #expect(error?.description.hasPrefix("/nonexistent-folder/x.csv.gz: error: cannot create") == true)
    }

    @Test func optionProblems() {
        #expect(SampleOptions(teams: 1, sprints: 1).problems.isEmpty)
        #expect(SampleOptions(teams: 0, sprints: 1).problems.count == 1)
        #expect(SampleOptions(teams: 1, sprints: 0).problems.count == 1)
        #expect(SampleOptions(teams: 1, sprints: 1, modes: []).problems.count == 1)
        #expect(SampleOptions(teams: 1, sprints: 1, modes: [.tickets, .tickets]).problems.count == 1)
    }
}
