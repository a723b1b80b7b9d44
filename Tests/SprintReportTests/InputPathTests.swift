import PropertyBased
import Testing
@testable import SprintReport

@Suite struct InputPathTests {
    static func split(_ s: String) -> [String] {
        Array(s.utf8).withUnsafeBufferPointer { RecordMapper.pathElements($0) }
    }

    /// The byte split agrees with splitting the string, for ASCII and non-ASCII cells alike.
    @Test func pathElementsSplitLikeTheString() async {
        let alphabet: [Character] = ["a", "/", " ", "\t", "É", "/\u{301}", "x", "/"]
        let cell = Gen<Character?>.element(of: alphabet).map { $0! }.string(of: 0...12)
        await propertyCheck(count: 1000, input: cell) { s in
            let expected = s.split(separator: "/").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            #expect(Self.split(s) == expected, "\(s)")
        }
        #expect(Self.split(" Engineering / Platform//Falcon ") == ["Engineering", "Platform", "Falcon"])
    }
}
