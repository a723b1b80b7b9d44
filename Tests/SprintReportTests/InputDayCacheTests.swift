import Testing
@testable import SprintReport

@Suite struct InputDayCacheTests {
    @Test func dayCacheAgreesWithTheFullParse() {
        var cache = DayCache()
        for text in ["2026-01-05", "2026-01-05", "2024-02-29", "2026-02-29", "2026-13-01", "2026-01-05T10:00:00Z",
                     "2026/01/05", "20x6-01-05", "2026-01-0", "", "2026-01-05", "2030-01-05"] {
            let bytes = Array(text.utf8)
            let viaCache = bytes.withUnsafeBufferPointer { cache.day($0) }
            #expect(viaCache == Day(iso: text), "\(text)")
        }
    }
}
