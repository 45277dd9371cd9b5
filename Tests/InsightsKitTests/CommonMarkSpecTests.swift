import Testing
@testable import InsightsKit

/// The headings of the reference HTML that are not inside `<blockquote>` or `<li>`: the
/// levels of the document's top-level headings, in order.
func topLevelHeadingLevels(inReferenceHTML html: String) -> [Int] {
    let bytes = Array(html.utf8)
    var levels: [Int] = []
    var depth = 0
    var index = 0
    func hasTag(_ tag: String, at position: Int) -> Bool {
        let tagBytes = Array(tag.utf8)
        guard position + tagBytes.count <= bytes.count else { return false }
        return Array(bytes[position..<position + tagBytes.count]) == tagBytes
    }
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "<") {
            if hasTag("<blockquote>", at: index) || hasTag("<li>", at: index) || hasTag("<li ", at: index) {
                depth += 1
            } else if hasTag("</blockquote>", at: index) || hasTag("</li>", at: index) {
                depth -= 1
            } else if index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "h"),
                      (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]),
                      bytes[index + 3] == UInt8(ascii: ">"), depth == 0 {
                levels.append(Int(bytes[index + 2] - UInt8(ascii: "0")))
            }
        }
        index += 1
    }
    return levels
}

@Suite("CommonMark 0.31.2 conformance of top-level headings")
struct CommonMarkSpecTests {
    @Test("the fixture holds all 652 examples")
    func allExamplesPresent() {
        #expect(Fixtures.specExamples.count == 652)
    }

    @Test("top-level headings equal the reference HTML's", arguments: Fixtures.specExamples)
    func headingsMatchReference(_ example: Fixtures.SpecExample) {
        let expected = topLevelHeadingLevels(inReferenceHTML: example.html)
        let found = BlockScanner.scan(Array(example.markdown.utf8), options: .commonMark).headings.map(\.level)
        #expect(found == expected, "markdown: \(example.markdown.debugDescription)")
    }

    @Test("each example with CRLF line endings gives the same headings", arguments: Fixtures.specExamples)
    func crlfGivesSameHeadings(_ example: Fixtures.SpecExample) {
        let lf = Document(Array(example.markdown.utf8), options: .commonMark).sections.map(\.heading)
        let crlfText = example.markdown.replacingOccurrences(of: "\n", with: "\r\n")
        let crlf = Document(Array(crlfText.utf8), options: .commonMark).sections.map(\.heading)
        #expect(crlf.map(\.level) == lf.map(\.level))
        #expect(crlf.map(\.firstLine) == lf.map(\.firstLine))
        #expect(crlf.map(\.title) == lf.map(\.title))
    }
}
