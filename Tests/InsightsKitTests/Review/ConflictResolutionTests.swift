import Testing
@testable import InsightsKit

/// The merge `sync` runs: the library's section merge, its conflicts named by section, and
/// `--prefer` taking one side's version of each conflicted section.
@Suite("Conflict resolution")
struct ConflictResolutionTests {
    static let base = """
    # Team

    Shared notes.

    ## Alpha

    ### Decisions
    - a1
    - a2

    Last updated: 2026-11-01

    ## Beta
    - b1
    - b2
    - b3
    - b4

    ## Gamma
    - g1

    """

    func replacing(_ text: String, _ pairs: [(String, String)]) -> String {
        pairs.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    func merge(_ base: String, _ ours: String, _ theirs: String, prefer: MergeSide? = nil) -> (text: String, conflicts: [String]) {
        let outcome = ConflictResolution.merge(base: Array(base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8), prefer: prefer)
        return (String(decoding: outcome.bytes, as: UTF8.self), outcome.conflicts.map(\.name))
    }

    @Test("a clean merge is the section merge, byte for byte, with no conflict named")
    func cleanMerge() {
        let ours = replacing(Self.base, [("- a2\n", "- a2 ours\n")])
        let theirs = replacing(Self.base, [("- g1\n", "- g1 theirs\n")])
        let result = merge(Self.base, ours, theirs)
        let library = SectionMerge.merge(base: Array(Self.base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8))
        #expect(result.conflicts.isEmpty)
        #expect(Array(result.text.utf8) == library.bytes)
        #expect(result.text == replacing(Self.base, [("- a2\n", "- a2 ours\n"), ("- g1\n", "- g1 theirs\n")]))
    }

    @Test("the same lines changed on both sides name the level-2 section they are in, subsection or not")
    func conflictNamed() {
        let ours = replacing(Self.base, [("- a1\n", "- a1 ours\n"), ("- b1\n", "- b1 ours\n")])
        let theirs = replacing(Self.base, [("- a1\n", "- a1 theirs\n"), ("- b4\n", "- b4 theirs\n"), ("- g1\n", "- g1 theirs\n")])
        let result = merge(Self.base, ours, theirs)
        // Beta changed on both sides, but in different lines: merged, not a conflict.
        #expect(result.conflicts == ["\"Alpha\""])
        #expect(result.text.contains("<<<<<<< ours"))
        let outcome = ConflictResolution.merge(base: Array(Self.base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8), prefer: nil)
        #expect(outcome.conflicts.map(\.path) == ["Alpha"])
    }

    @Test("--prefer takes that side's whole section and merges the rest as usual", arguments: [MergeSide.ours, .theirs])
    func preferSide(side: MergeSide) {
        let ours = replacing(Self.base, [("- a1\n", "- a1 ours\n- a1b ours\n"), ("- b1\n", "- b1 ours\n")])
        let theirs = replacing(Self.base, [("- a1\n", "- a1 theirs\n"), ("- a2\n", "- a2 theirs\n"), ("- g1\n", "- g1 theirs\n")])
        let result = merge(Self.base, ours, theirs, prefer: side)
        #expect(result.conflicts.isEmpty)
        let alpha = side == .ours ? "- a1 ours\n- a1b ours\n- a2\n" : "- a1 theirs\n- a2 theirs\n"
        #expect(result.text == replacing(Self.base, [("- a1\n- a2\n", alpha), ("- b1\n", "- b1 ours\n"), ("- g1\n", "- g1 theirs\n")]))
    }

    @Test("a section removed on one side and changed on the other: a conflict; --prefer keeps or removes it")
    func removedAndChanged() {
        let ours = replacing(Self.base, [("## Beta\n- b1\n- b2\n- b3\n- b4\n\n", "")])
        let theirs = replacing(Self.base, [("- b2\n", "- b2 theirs\n")])
        #expect(merge(Self.base, ours, theirs).conflicts == ["\"Beta\""])
        #expect(merge(Self.base, ours, theirs, prefer: .ours).text == ours)
        #expect(merge(Self.base, ours, theirs, prefer: .theirs).text == theirs)
        // The other way round.
        #expect(merge(Self.base, theirs, ours, prefer: .theirs).text == ours)
        #expect(merge(Self.base, theirs, ours, prefer: .ours).text == theirs)
    }

    @Test("the text before the first heading and a file title's own text are units of their own")
    func preambleAndTitle() {
        let base = "intro\n\n# Team\n\nShared notes.\n\n## Alpha\n- a1\n"
        let ours = "intro ours\n\n# Team\n\nShared notes, ours.\n\n## Alpha\n- a1\n"
        let theirs = "intro theirs\n\n# Team\n\nShared notes, theirs.\n\n## Alpha\n- a1 theirs\n"
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == ["the text before the first heading", "\"Team\""])
        #expect(merge(base, ours, theirs, prefer: .ours).text == "intro ours\n\n# Team\n\nShared notes, ours.\n\n## Alpha\n- a1 theirs\n")
    }

    @Test("two sections added at the same place with different text conflict as one unit; --prefer keeps one")
    func addedOnBoth() {
        let ours = Self.base + "\n## Delta\n- d ours\n"
        let theirs = Self.base + "\n## Delta\n- d theirs\n"
        #expect(merge(Self.base, ours, theirs).conflicts == ["\"Delta\""])
        #expect(merge(Self.base, ours, theirs, prefer: .theirs).text == theirs)
    }
}
