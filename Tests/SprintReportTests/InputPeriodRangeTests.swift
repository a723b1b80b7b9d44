import Testing
@testable import SprintReport

@Suite struct InputPeriodRangeTests {
    /// First and last period of a file follow `Period.precedes`: undated periods come last.
    @Test func undatedPeriodsComeLast() throws {
        let data = try InputKit.read("""
            Team,Sprint,Start_Date,Sprint_Commit
            A,Undated,,1
            A,A S2,2026-01-19,2
            A,A S1,2026-01-05,3
            B,Also undated,,4
            """)
        #expect(data.inputs[0].firstPeriod == "A S1")
        #expect(data.inputs[0].lastPeriod == "Also undated")
    }
}
