import Foundation
import Testing
@testable import SprintReport

/// `Descriptor.writeAll`: every byte arrives, and a full device is reported
/// with its errno instead of a trap.
@Suite struct DescriptorTests {
    @Test func everyByteArrivesInAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descriptor-\(UUID().uuidString)").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        defer { unlink(path) }
        let text = String(repeating: "sprint ✓ ", count: 200_000)
        #expect(Descriptor.writeAll(fd, text) == nil)
        close(fd)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(text.utf8))
    }

    @Test func aFullDeviceIsReported() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(Descriptor.writeAll(fd, "x") == ENOSPC)
        #expect(Descriptor.writeAll(fd, "") == nil)
    }
}
