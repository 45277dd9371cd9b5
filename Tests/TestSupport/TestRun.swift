import Foundation

/// How much of the test suite a run covers. `swift test` alone runs the quick part: the
/// stress suites (crash safety, load, timing) are skipped and the randomised tests run a
/// few hundred cases each. `INSIGHTS_STRESS=1` runs everything at full size, as CI does.
public enum TestRun {
    /// Whether `INSIGHTS_STRESS=1` is set: the stress suites run (they are marked
    /// `.enabled(if: TestRun.stress, ...)`) and the randomised tests run their full number
    /// of cases.
    public static let stress: Bool = ProcessInfo.processInfo.environment["INSIGHTS_STRESS"] == "1"

    /// The number of cases a randomised test runs: `INSIGHTS_PROPERTY_CASES` when set, else
    /// `full` under `INSIGHTS_STRESS=1`, else `quick`. Printed, with how to change it.
    public static func cases(for suite: String, full: Int, quick: Int) -> Int {
        let given = TestSeed.count("INSIGHTS_PROPERTY_CASES", default: 0)
        let total = given > 0 ? given : stress ? full : quick
        let how = given > 0 ? "from INSIGHTS_PROPERTY_CASES"
            : stress ? "INSIGHTS_STRESS=1" : "quick run; INSIGHTS_STRESS=1 runs \(full), INSIGHTS_PROPERTY_CASES=N runs N"
        print("\(suite): \(total) cases (\(how))")
        return total
    }
}
