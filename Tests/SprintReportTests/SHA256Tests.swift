import Testing
@testable import SprintReport

/// The system libcrypto's SHA-256 through `SHA256`: the published test vectors (FIPS 180-2),
/// the same digest however the bytes are split, and the page-name hash as its hex prefix.
@Suite struct SHA256Tests {
    @Test func publishedVectors() {
        #expect(SHA256.hex(SHA256.hash("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(SHA256.hash("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(SHA256.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func splitInputGivesTheSameDigest() {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = SHA256.hash(bytes)
        for piece in [1, 7, 64, 4096] {
            var hasher = SHA256()
            var start = 0
            while start < bytes.count {
                let end = min(start + piece, bytes.count)
                bytes[start..<end].withUnsafeBytes { hasher.update(bufferPointer: $0) }
                start = end
            }
            #expect(hasher.finalize() == whole, "pieces of \(piece)")
        }
    }

    @Test func slugHashIsTheHexPrefix() {
        for key in ["", "team-a", "Engineering\u{1F}Core", "🚀 <x> & 'y'"] {
            let full = SHA256.hex(SHA256.hash(key.utf8))
            #expect(full.count == 64)
            for length in [8, 16, 64] { #expect(Slug.hash(key, length: length) == String(full.prefix(length))) }
        }
        #expect(Slug.hash("abc", length: 8) == "ba7816bf")
    }
}
