/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast generator whose output depends only
/// on integer arithmetic, so a seed gives the same numbers on every platform and Swift
/// version (`Foundation`'s and the standard library's generators promise neither).
struct SampleRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one part of the output (e.g. one team), independent of the others,
    /// so parts can be generated in any order or in parallel and still give the same bytes.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SampleRandom(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// Uniform integer in `range` (the modulo bias is irrelevant at these sizes).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A bell-shaped factor around 1 (sum of three uniforms: no transcendental functions,
    /// whose last bits may differ between C libraries), within 1 ± `spread`.
    mutating func noise(_ spread: Double) -> Double {
        1 + spread * ((unit() + unit() + unit()) / 1.5 - 1)
    }

    /// A deterministic shuffle (Fisher–Yates).
    mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, int(in: 0...i))
        }
    }
}
