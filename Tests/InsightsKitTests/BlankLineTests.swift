import Testing
@testable import InsightsKit

/// A blank line continues some open blocks and closes others; the scanner decides which
/// without walking the whole stack of open blocks. These cases pin each kind down.
@Suite("Blank lines continue exactly the blocks CommonMark says")
struct BlankLineTests {
    /// Markdown, and the titles of its top-level headings.
    static let cases: [(markdown: String, headings: [String])] = [
        ("- a\n\n  # in the item\n", []),
        ("-\n\n  # after an empty item\n", ["after an empty item"]),
        ("- a\n\n\n  # still in the item\n", []),
        ("- - - a\n\n      # in the deepest item\n", []),
        ("- - - a\n\n    # in the middle item\n", []),
        (String(repeating: "- ", count: 200) + "x\n\n# after the list\n", ["after the list"]),
        ("> a\n\n# after the quote\n", ["after the quote"]),
        ("<div>\n\n# after the HTML block\n", ["after the HTML block"]),
        ("<!--\n\n# in the comment\n-->\n", []),
        ("- <!--\n\n  # in the comment\n  -->\n", []),
        ("```\n\n# in the fence\n```\n", []),
        ("    code\n\n    # in the code\n", []),
        ("a\n\n# after the paragraph\n", ["after the paragraph"]),
        ("- a\n  \n  # after a line of spaces\n", []),
        ("> - a\n\n  # after the quote\n", ["after the quote"]),
    ]

    @Test("top-level headings after blank lines", arguments: 0..<cases.count)
    func headingsAfterBlankLines(_ index: Int) {
        let (markdown, expected) = Self.cases[index]
        for lineEnding in ["\n", "\r\n"] {
            let text = markdown.replacingOccurrences(of: "\n", with: lineEnding)
            let found = Document(Array(text.utf8), options: .commonMark).sections.map(\.title)
            #expect(found == expected, "\(text.debugDescription)")
        }
    }
}
