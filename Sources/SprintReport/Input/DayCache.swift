/// Dates of an export repeat (every team shares the sprint calendar): a small direct-mapped
/// cache from the `yyyy-MM-dd` digits to the `Day` spares the calendar arithmetic per cell.
struct DayCache {
    private var keys = [Int32](repeating: -1, count: 4096)
    private var values = [Day?](repeating: nil, count: 4096)

    /// The day of an ISO date cell (`Day(isoBytes:)` semantics), or nil.
    @inline(__always)
    mutating func day(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        // Only plain `yyyy-MM-dd` is cached; date-times and odd cells take the full parse.
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return Day(isoBytes: b) }
        var key: Int32 = 0
        var bad = false
        @inline(__always) func digit(_ i: Int) {
            let d = b[i] &- 48
            bad = bad || d > 9
            key = key &* 10 &+ Int32(d)
        }
        digit(0); digit(1); digit(2); digit(3); digit(5); digit(6); digit(8); digit(9)
        if bad { return nil }
        let slot = Int(key & 4095)
        if keys[slot] == key { return values[slot] }
        let day = Day(isoBytes: b)
        keys[slot] = key
        values[slot] = day
        return day
    }
}
