import Testing
@testable import InsightsKit

/// Block quotes nested one in another share an entry of the scan's open stack: a line may
/// continue only the first of them, a lazy line none, a blank line closes them all. What is
/// open after each line is what CommonMark's reference parser has open there (the nesting of
/// its HTML), and the top-level headings after such lines are the reference's.
@Suite("Deeply nested block quotes")
struct DeepBlockQuoteTests {
    /// What is open after each line of `lines`, innermost last: `>` for each block quote,
    /// `-` for each list item, `p` a paragraph, `f` fenced code, `c` indented code.
    static func outline(_ lines: [String]) -> [String] {
        let bytes = Array(lines.joined(separator: "\n").utf8) + [ASCII.lf]
        let table = LineTable(bytes)
        return bytes.withUnsafeBufferPointer { buffer in
            var state = ScanState(bytes: buffer, window: LineWindow(table))
            var outlines: [String] = []
            for index in 0..<state.lineCount {
                state.incorporate(line: index, start: state.start(ofLine: index), end: state.contentEnd(ofLine: index))
                outlines.append(state.open.map { block in
                    switch block.kind {
                    case .blockQuote: String(repeating: ">", count: block.quotes)
                    case .listItem: "-"
                    case .paragraph: "p"
                    case .fencedCode: "f"
                    case .indentedCode: "c"
                    case .htmlBlock: "h"
                    case .document, .list: ""
                    }
                }.joined())
            }
            return outlines
        }
    }

    /// The levels and titles of the top-level headings of `lines`.
    static func headings(_ lines: [String]) -> [String] {
        Document(Array(lines.joined(separator: "\n").utf8), options: .commonMark).sections.map { "\($0.level) \($0.title)" }
    }

    @Test("a line that continues some of the quotes is a lazy continuation of the paragraph in the innermost")
    func partialLazy() {
        let lines = [">>> a", "> b", ">> c", "d", "==="]
        #expect(Self.outline(lines) == [">>>p", ">>>p", ">>>p", ">>>p", ">>>p"])
        #expect(Self.headings(lines) == [])
    }

    @Test("markers then nothing close the quotes past them, and the next unquoted line is not lazy")
    func partialBlank() {
        let lines = [">>> a", ">", "c", "==="]
        #expect(Self.outline(lines) == [">>>p", ">", "p", ""])
        #expect(Self.headings(lines) == ["1 c"])
    }

    @Test("a block opened after some of the markers closes the quotes past them")
    func partialThenFence() {
        let lines = [">>>>> a", ">> ~~~", ">>>>> x", ">> ~~~", "c", "==="]
        #expect(Self.outline(lines) == [">>>>>p", ">>f", ">>f", ">>", "p", ""])
        #expect(Self.headings(lines) == ["1 c"])
    }

    @Test("a lazy line keeps every quote open for the lines after it")
    func lazyThenAll() {
        #expect(Self.outline([">>> a", ">> b", ">>> c", ">> ```", ">>> x"]) == [">>>p", ">>>p", ">>>p", ">>f", ">>f"])
    }

    @Test("new quotes opened on a line that continues some or all of them")
    func reopened() {
        #expect(Self.outline([">>> a", "> > > > b"]) == [">>>p", ">>>>p"])
        #expect(Self.outline([">>> a", ">>", ">>>> b", ">>>>>> c"]) == [">>>p", ">>", ">>>>p", ">>>>>>p"])
    }

    @Test("a marker indented four columns inside a quote is not a quote: lazy text or code")
    func indentedMarker() {
        #expect(Self.outline([">> a", ">     > b"]) == [">>p", ">>p"])
        #expect(Self.outline([">>", ">     > b"]) == [">>", ">c"])
    }

    @Test("quotes in a list item and a list in the quotes")
    func quotesAndLists() {
        let lines = ["- >>> a", "  >> b", "  > - >> c", "  >", "d", "==="]
        #expect(Self.outline(lines) == ["->>>p", "->>>p", "->->>p", "->-", "p", ""])
        #expect(Self.headings(lines) == ["1 d"])
    }

    @Test("a blank line closes every quote")
    func blankLine() {
        let lines = [">>>> a", "", "b", "==="]
        #expect(Self.outline(lines) == [">>>>p", "", "p", ""])
        #expect(Self.headings(lines) == ["1 b"])
    }

    @Test("a line of 100k markers keeps three entries open, and the heading after it is found")
    func deepRun() throws {
        let deep = String(repeating: ">", count: 100_000)
        let text = "## A\n" + deep + " x\n" + String(repeating: ">", count: 50_000) + "\n## B\n" + deep + "\n\n## C\n"
        let bytes = Array(text.utf8)
        let table = LineTable(bytes)
        let largest = bytes.withUnsafeBufferPointer { buffer in
            var state = ScanState(bytes: buffer, window: LineWindow(table))
            var largest = 0
            for index in 0..<state.lineCount {
                state.incorporate(line: index, start: state.start(ofLine: index), end: state.contentEnd(ofLine: index))
                largest = max(largest, state.open.count)
                if index == 1 { #expect(state.open.map(\.quotes) == [1, 100_000, 1]) }
                if index == 2 { #expect(state.open.map(\.quotes) == [1, 50_000]) }
            }
            return largest
        }
        #expect(largest == 3)
        #expect(Document(bytes, options: .commonMark).sections.map(\.title) == ["A", "B", "C"])
        // A read of section A stops at B's heading.
        let stopped = bytes.withUnsafeBufferPointer { buffer in
            BlockScanner.scan(buffer, options: ScanOptions(), stop: StopRule(level: 2, title: "A", words: []))
        }
        let sectionEnd = try #require(stopped).section.upperBound
        #expect(Array(bytes[sectionEnd...]).starts(with: Array("## B\n".utf8)))
    }
}
