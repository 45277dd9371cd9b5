import Foundation
import Testing
@testable import InsightsKit
import TestSupport

/// Two versions of a file, made at a size proportional to `n`, for `diff` and `merge`.
struct PathologicalChange: Sendable, CustomTestStringConvertible {
    let name: String
    /// The size used for the smaller run (the larger is twice this).
    let size: Int
    let make: @Sendable (Int) -> (old: [UInt8], new: [UInt8])
    var testDescription: String { name }

    /// A file whose one section holds `lines`.
    static func section(_ lines: [String]) -> [UInt8] {
        Array(("# T\n\n## Notes\n\n" + lines.map { $0 + "\n" }.joined() + "\n## After\n\nend\n").utf8)
    }

    static func numbered(_ n: Int) -> [String] { (0..<n).map { "line \($0)" } }

    /// Every line of the section replaced.
    static let allDifferent = PathologicalChange(name: "a section whose lines all differ", size: 40_000) { n in
        (section(numbered(n)), section((0..<n).map { "other \($0)" }))
    }
    /// The section's lines in reverse order.
    static let reversed = PathologicalChange(name: "a section whose lines are reversed", size: 40_000) { n in
        (section(numbered(n)), section(numbered(n).reversed()))
    }
    /// Half of the lines, at random, replaced.
    static let halfRandom = PathologicalChange(name: "a section with half its lines replaced at random", size: 40_000) { n in
        var random = SeededRandom(seed: UInt64(n))
        return (section(numbered(n)), section(numbered(n).map { random.chance(0.5) ? $0 : "new \(random.next())" }))
    }
    /// The sections in reverse order.
    static let reorderedSections = PathologicalChange(name: "sections in reverse order", size: 20_000) { n in
        let sections = (0..<n).map { "## Section \($0)\n\nbody \($0)\n\n" }
        return (Array(("# T\n\n" + sections.joined()).utf8), Array(("# T\n\n" + sections.reversed().joined()).utf8))
    }
    /// Every section renamed.
    static let renamedSections = PathologicalChange(name: "sections all renamed", size: 20_000) { n in
        (Array(("# T\n\n" + (0..<n).map { "## Section \($0)\n\nbody \($0)\n\n" }.joined()).utf8),
         Array(("# T\n\n" + (0..<n).map { "## Renamed \($0)\n\nbody \($0)\n\n" }.joined()).utf8))
    }

    static let all = [allDifferent, reversed, halfRandom, reorderedSections, renamedSections]
}

/// `check`, `diff` and `merge` take time in proportion to their input, on inputs that
/// made them quadratic: a line of unmatched `[`, sections whose lines all differ or are
/// reversed, reordered sections. Timed at n and 2n in the same run, as `LinearTimeTests`.
@Suite("Linear-time check, diff and merge", .serialized, .enabled(if: TestRun.stress, "a stress suite: set INSIGHTS_STRESS=1 to run it"))
struct BoundedTimeTests {
    /// The bound the README states for `diff` and `merge`.
    static let diffRatio = 2.5

    static let checkInputs: [PathologicalInput] = [
        PathologicalInput("a line of unmatched [", size: 50_000) { "# T\n\n## A\n\n" + PathologicalInput.repeating("[", $0) + "\n" },
        PathologicalInput("a line of [a][", size: 20_000) { "# T\n\n## A\n\n" + PathologicalInput.repeating("[a][", $0) + "\n" },
        PathologicalInput("a line of - [", size: 20_000) { "# T\n\n## A\n\n" + PathologicalInput.repeating("- [", $0) + "\n" },
        PathologicalInput("lines of unmatched [ and ]", size: 2_000) { n in
            PathologicalInput.repeating("## S\n\n" + PathologicalInput.repeating("[x", 50) + PathologicalInput.repeating("]", 20) + "\n\n", n)
        },
    ]

    /// A list nested a level per line, two columns deeper each time, in a section read
    /// alone: `n` is about the file's size in bytes (its depth is the square root of that).
    static let nestedList = PathologicalInput("a list nested a level per line, read alone", size: 400_000) { n in
        let depth = Int(Double(n).squareRoot())
        return "# T\n\n## A\n\n" + (0..<depth).map { PathologicalInput.repeating("  ", $0) + "- x\n" }.joined() + "\n## Last\n\nbody\n"
    }

    @Test("a section holding a list nested thousands deep is read in time linear in its size")
    func linearNestedList() {
        let input = Self.nestedList
        LinearTimeTests.expectLinear(input.name, small: input.make(input.size), large: input.make(input.size * 2),
                                     maximumRatio: Self.diffRatio) { bytes in
            let excerpt = try? bytes.withUnsafeBufferPointer { try Document.excerpt(at: SectionAddress(title: "A"), in: $0) }
            return Document(bytes).sections.count &+ (excerpt?.lineOffset ?? 0)
        }
    }

    @Test("check at 2n takes at most about twice as long", arguments: checkInputs)
    func linearCheck(_ input: PathologicalInput) {
        LinearTimeTests.expectLinear(input) { bytes in
            let plain = (try? Check.run(Document(bytes), options: CheckOptions(budgets: [], today: "2026-01-01")))?.findings.count ?? -1
            let based = (try? Check.run(Document(bytes), options: CheckOptions(base: Array(bytes.dropLast(2)), budgets: [], today: "2026-01-01")))?
                .findings.count ?? -1
            return plain &+ based
        }
    }

    @Test("diff at 2n takes at most 2.5 times as long", arguments: PathologicalChange.all)
    func linearDiff(_ change: PathologicalChange) {
        LinearTimeTests.expectLinear(change.name, small: change.make(change.size), large: change.make(change.size * 2),
                                     maximumRatio: Self.diffRatio) { versions in
            let comparison = SectionComparison(old: Document(versions.old), new: Document(versions.new))
            var found = 0
            for index in comparison.changes.indices where comparison.changes[index].status != .unchanged {
                found &+= comparison.hunks(at: index).count &+ comparison.lineCounts(at: index).added
            }
            return found
        }
    }

    @Test("merge at 2n takes at most 2.5 times as long", arguments: PathologicalChange.all)
    func linearMerge(_ change: PathologicalChange) {
        let ours = { (old: [UInt8]) in
            // Ours changes the first line of every section's body, so both sides changed them.
            Array(String(decoding: old, as: UTF8.self).replacingOccurrences(of: "\n\nline 0\n", with: "\n\nline zero\n")
                .replacingOccurrences(of: "\n\nbody 1", with: "\n\nBody 1").utf8)
        }
        LinearTimeTests.expectLinear(change.name, small: change.make(change.size), large: change.make(change.size * 2),
                                     maximumRatio: Self.diffRatio) { versions in
            let result = SectionMerge.merge(base: versions.old, ours: ours(versions.old), theirs: versions.new)
            return result.bytes.count &+ result.conflicts
        }
    }
}
