import Testing
@testable import InsightsKit

/// Block quotes nested one in another share an entry of the scan's open stack, and so do list
/// items nested one in another with the same marker: a line may continue only the first of
/// them, a lazy line none, a blank line closes the quotes. What is open after each line is
/// what CommonMark's reference parser has open there (the nesting of its HTML), and the
/// top-level headings after such lines are the reference's.
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
                    case .blockQuote: String(repeating: ">", count: block.run)
                    case .listItem: String(repeating: "-", count: block.run)
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
                if index == 1 { #expect(state.open.map(\.run) == [1, 100_000, 1]) }
                if index == 2 { #expect(state.open.map(\.run) == [1, 50_000]) }
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

@Suite("Deeply nested list items")
struct DeepListItemTests {
    static func outline(_ lines: [String]) -> [String] { DeepBlockQuoteTests.outline(lines) }
    static func headings(_ lines: [String]) -> [String] { DeepBlockQuoteTests.headings(lines) }

    /// The entries of the open stack after each line of `lines`: how many blocks each stands for.
    static func runs(_ text: String) -> [[Int]] {
        let bytes = Array(text.utf8)
        let table = LineTable(bytes)
        return bytes.withUnsafeBufferPointer { buffer in
            var state = ScanState(bytes: buffer, window: LineWindow(table))
            var runs: [[Int]] = []
            for index in 0..<state.lineCount {
                state.incorporate(line: index, start: state.start(ofLine: index), end: state.contentEnd(ofLine: index))
                runs.append(state.open.map(\.run))
            }
            return runs
        }
    }

    @Test("a line indented for some of the items is a lazy continuation of the paragraph in the innermost")
    func partialLazy() {
        let lines = ["- - - a", "    b", "  c", "d", "==="]
        #expect(Self.outline(lines) == ["---p", "---p", "---p", "---p", "---p"])
        #expect(Self.headings(lines) == [])
    }

    @Test("after a blank line, a line indented for some of the items closes the others")
    func partialAfterBlank() {
        #expect(Self.outline(["- - - a", "", "    b", "  c", "d", "==="]) == ["---p", "---", "--p", "--p", "--p", "--p"])
        let lines = ["- - - a", "", "d", "==="]
        #expect(Self.outline(lines) == ["---p", "---", "p", ""])
        #expect(Self.headings(lines) == ["1 d"])
    }

    @Test("a new item in the list of an item partly continued, and a deeper one")
    func newItems() {
        #expect(Self.outline(["- - - a", "  - b", "    - c"]) == ["---p", "--p", "---p"])
        #expect(Self.runs("- - - a\n  - b\n    - c\n") == [[1, 1, 3, 1], [1, 1, 2, 1], [1, 1, 3, 1]])
    }

    @Test("items of another marker or width start entries of their own")
    func otherMarkers() {
        #expect(Self.runs("- * - a\n") == [[1, 1, 1, 1, 1, 1, 1, 1]])
        #expect(Self.runs("1. 10. 1. a\n") == [[1, 1, 1, 1, 1, 1, 1, 1]])
        #expect(Self.outline(["1. 1. 1. a", "      b", "1. c"]) == ["---p", "---p", "-p"])
    }

    @Test("quotes around a run of items, and a blank rest of line in them")
    func inQuote() {
        #expect(Self.outline(["> - - - a", ">", "> d"]) == [">---p", ">---", ">p"])
    }

    @Test("the items of a top-level list are recorded, the nested ones of a run not")
    func topLevelItems() {
        let items = BlockScanner.scan(Array("- - a\n- b\n".utf8), options: .commonMark).listItems
        #expect(items.map { [$0.firstLine, $0.lastLine, $0.contentStart] } == [[0, 0, 2], [1, 1, 8]])
    }

    @Test("a line of 100k nested items keeps four entries open, and the heading after it is found")
    func deepRun() {
        let text = "## A\n" + String(repeating: "- ", count: 100_000) + "x\n" + String(repeating: " ", count: 100_000) + "y\n## B\n"
        let runs = Self.runs(text)
        #expect(runs[1] == [1, 1, 100_000, 1])
        #expect(runs.map(\.count).max() == 4)
        #expect(Document(Array(text.utf8), options: .commonMark).sections.map(\.title) == ["A", "B"])
    }
}
