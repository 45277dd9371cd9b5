import Testing
@testable import InsightsKit

/// Matching sections between two versions, and the text rules of `check`.
@Suite("Section comparison")
struct SectionComparisonTests {
    func statuses(_ old: String, _ new: String) -> [String] {
        let comparison = SectionComparison(old: Document(Array(old.utf8)), new: Document(Array(new.utf8)))
        return comparison.changes.map { change in
            let name = change.new.map { comparison.new.name(of: $0) } ?? change.old.map { comparison.old.name(of: $0) } ?? ""
            return "\(change.status.rawValue) \(name)"
        }
    }

    @Test("added, removed, modified, unchanged; the text before the first heading is a part")
    func basicStatuses() {
        #expect(statuses("intro\n## A\na\n## B\nb\n", "intro!\n## A\na2\n## C\nc\n") == [
            "modified the text before the first heading", "modified \"A\"", "removed \"B\"", "added \"C\"",
        ])
        #expect(statuses("## A\na\n", "## A\na\n") == ["unchanged the text before the first heading", "unchanged \"A\""])
    }

    @Test("duplicates are matched in order")
    func duplicates() {
        #expect(statuses("## A\none\n## A\ntwo\n", "## A\none\n## A\ntwo!\n") == [
            "unchanged the text before the first heading", "unchanged \"A\"", "modified \"A\"",
        ])
        #expect(statuses("## A\none\n## A\ntwo\n", "## A\none\n") == [
            "unchanged the text before the first heading", "unchanged \"A\"", "removed \"A\"",
        ])
    }

    @Test("duplicates of one title path at two levels are matched in order, level by level")
    func duplicatesAtTwoLevels() {
        let old = "# P\n### A\nx\n## A\ny\n# P\n### A\nz\n## A\nw\n"
        let new = "# P\n### A\nx\n## A\ny!\n# P\n### A\nz!\n## A\nw\n"
        #expect(statuses(old, new) == [
            "unchanged the text before the first heading", "unchanged \"P\"", "unchanged \"A\"", "modified \"A\"",
            "unchanged \"P\"", "modified \"A\"", "unchanged \"A\"",
        ])
    }

    @Test("subsections are matched by their path, and a file title is left out of names")
    func paths() {
        #expect(statuses("# T\n## A\n### S\nx\n## B\n### S\ny\n", "# T\n## A\n### S\nx\n## B\n### S\ny2\n") == [
            "unchanged the text before the first heading", "unchanged \"T\"", "unchanged \"A\"", "unchanged \"A\" > \"S\"",
            "unchanged \"B\"", "modified \"B\" > \"S\"",
        ])
    }

    @Test("moved: the same text in another order, or under another parent; renamed: the same body under a new title")
    func movesAndRenames() {
        #expect(statuses("## A\na\n## B\nb\n## C\nc\n", "## B\nb\n## C\nc\n## A\na\n") == [
            "unchanged the text before the first heading", "unchanged \"B\"", "unchanged \"C\"", "moved \"A\"",
        ])
        #expect(statuses("## A\n### S\nbody\n## B\n", "## A\n## B\n### S\nbody\n") == [
            "unchanged the text before the first heading", "unchanged \"A\"", "unchanged \"B\"", "moved \"B\" > \"S\"",
        ])
        #expect(statuses("## A\nbody\n", "## Z\nbody\n") == ["unchanged the text before the first heading", "renamed \"Z\""])
        // A blank body is no evidence of a rename.
        #expect(statuses("## A\n\n", "## Z\n\n") == ["unchanged the text before the first heading", "removed \"A\"", "added \"Z\""])
    }

    @Test("hunks are numbered with the file's lines")
    func hunkNumbers() {
        let comparison = SectionComparison(old: Document(Array("## A\na\n## B\nb\nc\n".utf8)), new: Document(Array("## A\na\nnew\n## B\nb\nC\n".utf8)))
        let hunks = comparison.changes.indices.filter { comparison.changes[$0].status != .unchanged }
            .map { String(decoding: comparison.hunks(at: $0), as: UTF8.self) }
        #expect(hunks == ["@@ -1,2 +1,3 @@\n ## A\n a\n+new\n", "@@ -3,3 +4,3 @@\n ## B\n b\n-c\n+C\n"])
    }

    static let placeholderCases: [(String, [String])] = [
        ("- **Database Choice**: [Choice made] - Rationale: [Why this approach]", ["[Choice made]", "[Why this approach]"]),
        ("Last updated: [Date]", ["[Date]"]),
        ("see [the docs](https://example.com/a_(b)) and [ADR][adr] and [ADR][]", []),
        ("[adr]: https://example.com", []),
        ("a shortcut [adr] with a definition, one [without]", ["[without]"]),
        ("`[code span]` and ``[two `ticks`]`` but [after]", ["[after]"]),
        ("- [ ] task, - [x] done, items[0], f(x)[1], footnote[^1], ![image][adr], \\[escaped]", []),
        ("nested [outer [inner] text](url) link", []),
        ("unclosed [bracket and [Open]", ["[Open]"]),
    ]

    @Test("placeholders are bracketed texts that are not links, code, tasks or indexes", arguments: placeholderCases)
    func placeholders(line: String, expected: [String]) {
        let bytes = Array(line.utf8)
        #expect(MarkdownText.placeholders(in: bytes[...], definitions: ["adr"]) == expected)
    }

    @Test("fenced code and front matter are literal")
    func literalLines() {
        let document = Document(Array("---\nkey: [a]\n---\ntext\n```\n[x]\n```\n- item\n  ~~~~\n  [y]\n  ~~~~\nafter\n".utf8))
        let literal = MarkdownText.literalLines(of: document)
        #expect((0..<12).map { literal[$0] } == [true, true, true, false, true, true, true, false, true, true, true, false])
    }

    static let dateCases: [(String, Bool)] = [
        ("2026-11-03", true), ("**2026-11-03**", true), ("2026-11-03 (after the migration)", true), ("2026-11-03T10:00Z", true),
        ("2026-02-29", false), ("2028-02-29", true), ("Nov 3", false), ("2026-11-3", false), ("2026-11-031", false), ("", false),
    ]

    @Test("Last updated values", arguments: dateCases)
    func dates(value: String, valid: Bool) {
        #expect(MarkdownText.isDate(Array(value.utf8)[...]) == valid)
    }

    @Test("the .gitattributes pattern and line are added once")
    func attributes() {
        #expect(GitSetup.pattern(forFile: ".superagent/memory/insights.md") == ".superagent/memory/*.md")
        #expect(GitSetup.pattern(forFile: "app/.superagent/memory/insights.md") == "app/.superagent/memory/*.md")
        #expect(GitSetup.pattern(forFile: "docs/memory.md") == "docs/memory.md")
        #expect(GitSetup.pattern(forFile: "my docs/a\"b.md") == "\"my docs/a\\\"b.md\"")
        let line = GitSetup.attributesLine(forFile: "docs/memory.md")
        #expect(GitSetup.addingLine(line, to: nil).map { String(decoding: $0, as: UTF8.self) } == "docs/memory.md merge=insights\n")
        #expect(GitSetup.addingLine(line, to: Array("*.png binary\r\n".utf8)).map { String(decoding: $0, as: UTF8.self) }
            == "*.png binary\r\ndocs/memory.md merge=insights\r\n")
        #expect(GitSetup.addingLine(line, to: Array("docs/memory.md  text merge=insights\n".utf8)) == nil)
        #expect(GitSetup.addingLine(line, to: Array("docs/memory.md merge=union\n".utf8)) != nil)
    }
}
