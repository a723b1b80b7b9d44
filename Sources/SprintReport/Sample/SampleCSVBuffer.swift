/// A growing byte buffer that formats CSV fields directly as ASCII bytes.
///
/// Hand-written for speed: the generator writes ~30 M fields for the benchmark's XL file,
/// and formatting through `String` interpolation would cost more than the compression.
/// Every amount is an integer number of half units, every printed ratio an integer number
/// of hundredths, so formatting never depends on floating-point printing.
struct SampleCSVBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    mutating func comma() { bytes.append(UInt8(ascii: ",")) }

    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// A field of text, quoted as RFC 4180 says when it holds a comma, quote or line break.
    mutating func appendField(_ text: String) {
        let utf8 = Array(text.utf8)
        let special = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard special else { return bytes.append(contentsOf: utf8) }
        bytes.append(UInt8(ascii: "\""))
        for b in utf8 {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A non-negative integer in decimal.
    mutating func appendInt(_ value: Int) { appendPadded(value, width: 1) }

    /// A non-negative integer with at least `width` digits, zeros in front (dates).
    mutating func appendPadded(_ value: Int, width: Int) {
        precondition(value >= 0, "the generator only prints non-negative integers")
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// An amount given in half units: `12`, `12.5`.
    mutating func appendHalves(_ halves: Int) {
        appendInt(halves / 2)
        if halves % 2 != 0 { bytes.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "5")]) }
    }

    /// A value given in hundredths, printed as the platform prints a 2-decimal figure:
    /// trailing zeros dropped (`52.63`, `0.7`, `60`).
    mutating func appendCents(_ cents: Int) {
        appendInt(cents / 100)
        let fraction = cents % 100
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(48 + fraction / 10))
        if fraction % 10 != 0 { bytes.append(UInt8(48 + fraction % 10)) }
    }

    /// `scale · numerator / denominator` rounded half away from zero to 2 decimals; an empty
    /// field (missing) when the denominator is 0, as the ratio is undefined there.
    mutating func appendRatio(_ numerator: Int, _ denominator: Int, scale: Int) {
        guard denominator > 0 else { return }
        appendCents(SampleCSVBuffer.roundedHundredths(numerator * scale, denominator))
    }

    /// round(100 · n / d), half away from zero, for n ≥ 0 and d > 0: exact integer arithmetic.
    static func roundedHundredths(_ n: Int, _ d: Int) -> Int { (200 * n + d) / (2 * d) }

    /// `yyyy-MM-dd`.
    mutating func appendDay(_ day: Day) {
        let c = day.components
        appendPadded(c.year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(c.month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(c.day, width: 2)
    }
}
