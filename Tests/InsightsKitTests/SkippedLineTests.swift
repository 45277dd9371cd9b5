import TestSupport
import Testing
@testable import InsightsKit

/// The scan that skips lines (used whenever list items are not recorded) finds exactly what
/// the scan that takes every line through the block parser finds (used when they are): the
/// same headings, front matter and last top-level block, on every fixture, every spec example,
/// random documents and random sequences of the lines that decide it.
@Suite("Scanning with skipped lines")
struct SkippedLineTests {
    /// The two scans of `bytes`, side by side, when they differ.
    static func mismatch(in bytes: [UInt8], frontMatter: Bool) -> String? {
        var full = BlockScanner.scan(bytes, options: ScanOptions(frontMatter: frontMatter, listItems: true))
        full.listItems = []
        let skipping = BlockScanner.scan(bytes, options: ScanOptions(frontMatter: frontMatter, listItems: false))
        return full == skipping ? nil : "full scan \(full)\nskipping scan \(skipping)"
    }

    @Test("on every fixture and spec example", arguments: RoundTripCase.all)
    func fixtures(_ fixture: RoundTripCase) {
        #expect(Self.mismatch(in: fixture.bytes, frontMatter: true) == nil)
        #expect(Self.mismatch(in: fixture.bytes, frontMatter: false) == nil)
    }

    @Test("on random documents")
    func randomDocuments() {
        let seed = TestSeed.current(for: "skipped lines, documents")
        let total = TestRun.cases(for: "skipped lines, documents", full: 4000, quick: 2000)
        for index in 0..<total {
            var generator = MarkdownGenerator(seed: TestSeed.forCase(index, of: seed))
            let bytes = generator.document()
            let problem = Self.mismatch(in: bytes, frontMatter: true)
            #expect(problem == nil, "seed \(seed), case \(index): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    /// Lines on either side of each rule of `SkippedLine`: headings indented zero to four
    /// columns and with tabs, hashes that are not headings, fences and near-fences, setext
    /// underlines and thematic breaks, HTML, container starts that hold each of these, lazy
    /// continuation text, indented code and blank lines.
    static let lines = [
        "## H", "# H", " ## H", "  ## H", "   ## H", "    ## H", "\t## H", " \t## H", "## H ##", "##", "#\tH",
        "####### H", "#H", "###### H", "```", "~~~", "  ```", "   ~~~", "``", "`code`", "```a`", "````", " ```", "\t```", " ~~~~ x", "```  ", "``` ``", "~~~ `a`", "`````",
        "---", "===", "-", "- - -", "***", "  ---", "   ===", "- ---", "-- x", "= x",
        "<div>", "</div>", "<!--", "-->", "<pre>", "</pre>", "<a href=\"x\">", " <p>",
        "- item", "  - nested", "* item", "1. item", "2) item", "-", "- ```", "- ## H", "- <div>", "  ```",
        "> quote", "> ## H", "> ```", ">", "> - item", "  > quote",
        "text", "lazy text", "[ref]: /url", "[ref]: /url 'title", "title'", "    code", "\tcode", "      ## H",
        "", "", "", " ", "\t",
    ]

    /// Container starts put before a line: block quotes and list markers, with tabs and
    /// spaces, nested when several are chosen.
    static let prefixes = [
        "> ", ">", ">\t", " > ", "- ", "-\t", "-  ", "* ", "+ ", "1. ", "10) ", "- - ", "> - ", " ", "  ", "   ", "\t",
    ]

    /// One line: zero to three container starts and some indentation before one of `lines`.
    static func line(_ random: inout SeededRandom) -> String {
        var text = ""
        for _ in 0..<random.int(0...3) where random.chance(0.4) { text += random.pick(Self.prefixes) }
        for _ in 0..<random.int(0...2) where random.chance(0.3) { text += random.chance(0.3) ? "\t" : " " }
        return text + random.pick(Self.lines)
    }

    @Test("on random sequences of the lines that decide what may be skipped")
    func randomLines() {
        let seed = TestSeed.current(for: "skipped lines, line sequences")
        let total = TestRun.cases(for: "skipped lines, line sequences", full: 4000, quick: 2000) * 5
        for index in 0..<total {
            var random = SeededRandom(seed: TestSeed.forCase(index, of: seed))
            var chosen = (0..<random.int(1...24)).map { _ in Self.line(&random) }
            if random.chance(0.1) { chosen.insert("---", at: 0) }
            let endings = random.chance(0.1) ? ["\n", "\r\n", "\r"] : [random.chance(0.8) ? "\n" : random.chance(0.5) ? "\r\n" : "\r"]
            var text = random.chance(0.05) ? "\u{FEFF}" : ""
            for (position, line) in chosen.enumerated() {
                text += line
                if position + 1 < chosen.count || random.chance(0.8) { text += random.pick(endings) }
            }
            let problem = Self.mismatch(in: Array(text.utf8), frontMatter: random.chance(0.5))
            #expect(problem == nil, "seed \(seed), case \(index): \(text.debugDescription)")
        }
    }

    @Test("a scan that stops at a section's end skips lines the same way")
    func stoppingScan() throws {
        var text = "# Project\n\n"
        for number in 1...200 {
            text += "## Agent \(number) Notes\n\n### Sub\n- **Key**: value\n\n```sh\n## not a heading\n```\n\nText\n---\n\n"
        }
        let bytes = Array(text.utf8)
        let excerpt = try SectionLookupTests.excerpt(SectionAddress(title: "Agent 120 Notes"), in: bytes)
        let full = Document(bytes)
        let expected = try #require(try full.section(at: SectionAddress(title: "Agent 120 Notes")).target)
        #expect(excerpt.match.target.map { excerpt.document.bytes[$0.range] } == full.bytes[expected.range])
        #expect(excerpt.byteOffset == expected.range.lowerBound)
        #expect(Self.mismatch(in: bytes, frontMatter: true) == nil)
    }
}
