import Foundation
import TestSupport
import Testing

/// `read SECTION` stays linear on lines ending in a lone `\r` that send its scan back every
/// 300 lines: a scan sent back must not search again for a `\n` to the end of the file. The
/// extra search is fast next to a debug build's scan, so this measures the release build
/// (`INSIGHTS_TEST_BINARY`, as CI runs it) best.
@Suite("Section read time", .enabled(if: TestRun.stress, "a stress suite: set INSIGHTS_STRESS=1 to run it"))
struct SectionReadTimeTests {
    @Test("reading the last section of a file twice as large takes at most about twice as long")
    func loneCarriageReturns() throws {
        try withSandbox { sandbox in
            let unit = String(repeating: "a\r", count: 300) + "<b>\r\r"
            let small = try sandbox.write("small.md", "# T\r" + String(repeating: unit, count: 4000) + "## Last\rbody\r")
            let large = try sandbox.write("large.md", "# T\r" + String(repeating: unit, count: 8000) + "## Last\rbody\r")
            func seconds(_ file: String) throws -> Double {
                let start = ContinuousClock.now
                let outcome = try insights(["read", "Last", "--file", file])
                #expect(outcome.status == 0 && outcome.stdout == Array("body\r".utf8))
                let elapsed = ContinuousClock.now - start
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            }
            // The best of each size, over rounds of three runs: other tests running at the same
            // time only make a run slower, so a ratio over the bound is measured again, up to
            // five times, before it counts (searching to the end stays over it however often).
            var smallTime = Double.infinity
            var largeTime = Double.infinity
            for _ in 0..<5 where largeTime / smallTime > 2.6 || smallTime == .infinity {
                for _ in 0..<3 {
                    smallTime = min(smallTime, try seconds(small))
                    largeTime = min(largeTime, try seconds(large))
                }
            }
            print("section read time: 2.4 MB in \((smallTime * 1000).rounded()) ms, 4.8 MB in \((largeTime * 1000).rounded()) ms")
            // Linear time gives 2; searching to the end of the file on every scan sent back, 3 and more.
            #expect(largeTime / smallTime <= 2.6, "\(smallTime) s at 2.4 MB, \(largeTime) s at 4.8 MB")
        }
    }
}
