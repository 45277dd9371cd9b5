import Testing
@testable import InsightsKit

/// Section-wise three-way merge, on small documents whose expected result is written out.
@Suite("Section merge")
struct SectionMergeTests {
    static let base = """
    # Team

    Shared notes.

    ## Alpha
    - a1
    - a2
    - a3

    ## Beta
    - b1
    - b2

    ## Gamma
    - g1

    """

    func merge(_ base: String, _ ours: String, _ theirs: String, markerSize: Int = 7) -> (text: String, conflicts: Int) {
        let result = SectionMerge.merge(base: Array(base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8),
                                   style: ConflictStyle(markerSize: markerSize))
        return (String(decoding: result.bytes, as: UTF8.self), result.conflicts)
    }

    func replacing(_ text: String, _ pairs: [(String, String)]) -> String {
        pairs.reduce(text) { $0.replacingOccurrences($1.0, with: $1.1) }
    }

    @Test("a section's closing stamp is merged apart: the later date, the side that changed it, kept with a one-sided section")
    func closingStamp() {
        let base = "## A\n\n### One\n- x\n\n### Two\n- y\n\nLast updated: 2026-01-01\n\n## B\n- b\n\nLast updated: 2026-01-01\n"
        let ours = replacing(base, [("- x\n", "- x ours\n"), ("Last updated: 2026-01-01\n\n## B", "Last updated: 2026-01-09\n\n## B")])
        let theirs = replacing(base, [("- y\n", "- y theirs\n"), ("Last updated: 2026-01-01\n\n## B", "Last updated: 2026-01-03\n\n## B")])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == replacing(base, [("- x\n", "- x ours\n"), ("- y\n", "- y theirs\n"), ("2026-01-01\n\n## B", "2026-01-09\n\n## B")]))
        // Only theirs stamped B (an earlier date than A's): theirs' stamp.
        let stamped = replacing(base, [("- b\n\nLast updated: 2026-01-01", "- b\n\nLast updated: 2026-01-02")])
        #expect(merge(base, ours, stamped).text == replacing(ours, [("- b\n\nLast updated: 2026-01-01", "- b\n\nLast updated: 2026-01-02")]))
        // A section removed on one side and changed on the other keeps its stamp in the conflict.
        let removed = replacing(base, [("\n## B\n- b\n\nLast updated: 2026-01-01\n", "")])
        let changed = replacing(base, [("- b\n", "- b2\n")])
        let conflict = merge(base, removed, changed)
        #expect(conflict.conflicts == 1)
        #expect(conflict.text.contains("=======\n## B\n- b2\n\nLast updated: 2026-01-01\n>>>>>>> theirs\n"), "\(conflict.text)")
    }

    @Test("edits of two different sections both land, cleanly")
    func differentSections() {
        let ours = replacing(Self.base, [("- a2\n", "- a2 ours\n")])
        let theirs = replacing(Self.base, [("- b1\n", "- b1 theirs\n")])
        let result = merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == replacing(Self.base, [("- a2\n", "- a2 ours\n"), ("- b1\n", "- b1 theirs\n")]))
    }

    @Test("edits of the same lines conflict inside that section only")
    func sameLines() {
        let ours = replacing(Self.base, [("- b1\n", "- b1 ours\n")])
        let theirs = replacing(Self.base, [("- b1\n", "- b1 theirs\n")])
        let result = merge(Self.base, ours, theirs)
        #expect(result.conflicts == 1)
        #expect(result.text == replacing(Self.base, [("- b1\n", "<<<<<<< ours\n- b1 ours\n=======\n- b1 theirs\n>>>>>>> theirs\n")]))
    }

    @Test("the marker size is honoured")
    func markerSize() {
        let ours = replacing(Self.base, [("- g1\n", "- g1 ours\n")])
        let theirs = replacing(Self.base, [("- g1\n", "- g1 theirs\n")])
        let result = merge(Self.base, ours, theirs, markerSize: 10)
        #expect(result.conflicts == 1)
        #expect(result.text.contains("\n<<<<<<<<<< ours\n- g1 ours\n==========\n- g1 theirs\n>>>>>>>>>> theirs\n"))
    }

    @Test("sections added at the same place on both sides are both kept, ours first")
    func addedOnBothSides() {
        let ours = Self.base + "\n## Delta\n- d\n"
        let theirs = Self.base + "\n## Epsilon\n- e\n"
        let result = merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == Self.base + "\n## Delta\n- d\n\n## Epsilon\n- e\n")
    }

    @Test("a section added after the last one does not conflict with an edit of the last one")
    func appendAfterEditedLast() {
        let ours = replacing(Self.base, [("- g1\n", "- g1 changed\n")])
        let theirs = Self.base + "\n## Delta\n- d\n"
        let result = merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == replacing(Self.base, [("- g1\n", "- g1 changed\n")]) + "\n## Delta\n- d\n")
    }

    @Test("removed on one side and unchanged on the other is removed")
    func removedUnchanged() {
        let theirs = replacing(Self.base, [("## Beta\n- b1\n- b2\n\n", "")])
        let ours = replacing(Self.base, [("- a1\n", "- a1 ours\n")])
        let result = merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == replacing(Self.base, [("## Beta\n- b1\n- b2\n\n", ""), ("- a1\n", "- a1 ours\n")]))
    }

    @Test("removed on one side and changed on the other is a conflict holding the changed side")
    func removedChanged() {
        let ours = replacing(Self.base, [("## Beta\n- b1\n- b2\n\n", "")])
        let theirs = replacing(Self.base, [("- b2\n", "- b2 theirs\n")])
        let result = merge(Self.base, ours, theirs)
        #expect(result.conflicts == 1)
        #expect(result.text == replacing(Self.base, [("## Beta\n- b1\n- b2\n\n",
                                                       "<<<<<<< ours\n=======\n## Beta\n- b1\n- b2 theirs\n\n>>>>>>> theirs\n")]))
        let swapped = merge(Self.base, theirs, ours)
        #expect(swapped.conflicts == 1)
        #expect(swapped.text == replacing(Self.base, [("## Beta\n- b1\n- b2\n\n",
                                                         "<<<<<<< ours\n## Beta\n- b1\n- b2 theirs\n\n=======\n>>>>>>> theirs\n")]))
    }

    @Test("edits of different lines of one section merge line by line")
    func sameSectionDifferentLines() {
        let ours = replacing(Self.base, [("- a1\n", "- a1 ours\n")])
        let theirs = replacing(Self.base, [("- a3\n", "- a3 theirs\n")])
        let result = merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == replacing(Self.base, [("- a1\n", "- a1 ours\n"), ("- a3\n", "- a3 theirs\n")]))
    }

    @Test("the text before the first heading is merged like a section")
    func preamble() {
        let ours = replacing(Self.base, [("Shared notes.\n", "Shared notes, ours.\n")])
        let theirs = replacing(Self.base, [("- g1\n", "- g1 theirs\n")])
        let result = merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == replacing(Self.base, [("Shared notes.\n", "Shared notes, ours.\n"), ("- g1\n", "- g1 theirs\n")]))
    }

    @Test("subsections added on both sides inside one section are both kept")
    func subsections() {
        let ours = replacing(Self.base, [("- b2\n", "- b2\n\n### Ours\n- o\n")])
        let theirs = replacing(Self.base, [("- b2\n", "- b2\n\n### Theirs\n- t\n")])
        let result = merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == replacing(Self.base, [("- b2\n", "- b2\n\n### Ours\n- o\n\n### Theirs\n- t\n")]))
    }

    @Test("a reorder on one side and an edit on the other")
    func reorder() {
        let theirs = replacing(Self.base, [("## Alpha\n- a1\n- a2\n- a3\n\n## Beta\n- b1\n- b2\n\n", "## Beta\n- b1\n- b2\n\n## Alpha\n- a1\n- a2\n- a3\n\n")])
        let ours = replacing(Self.base, [("- a2\n", "- a2 ours\n")])
        let result = merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == replacing(theirs, [("- a2\n", "- a2 ours\n")]))
    }

    @Test("CRLF files and a missing final newline are kept")
    func lineEndings() {
        let base = "## A\r\na\r\n\r\n## B\r\nb"
        let ours = "## A\r\na ours\r\n\r\n## B\r\nb"
        let theirs = "## A\r\na\r\n\r\n## B\r\nb theirs"
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == "## A\r\na ours\r\n\r\n## B\r\nb theirs")
    }

    @Test("identical changes on both sides are taken once")
    func identical() {
        let both = replacing(Self.base, [("- b1\n", "- b1 both\n")]) + "\n## Delta\n- d\n"
        let result = merge(Self.base, both, both)
        #expect(result.conflicts == 0)
        #expect(result.text == both)
    }
}

private extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
