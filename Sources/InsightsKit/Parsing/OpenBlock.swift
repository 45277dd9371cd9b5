/// The kinds of block the scan keeps open between lines.
enum BlockKind {
    case document, blockQuote, list, listItem, paragraph, fencedCode, indentedCode, htmlBlock

    /// Blocks that take the line's remaining text as content.
    var acceptsLines: Bool {
        self == .paragraph || self == .fencedCode || self == .indentedCode || self == .htmlBlock
    }

    /// Whether a block of kind `child` may be opened inside this one.
    func canContain(_ child: BlockKind) -> Bool {
        switch self {
        case .document, .blockQuote, .listItem: return child != .listItem
        case .list: return child == .listItem
        default: return false
        }
    }
}

/// An open block and the facts its continuation test needs, in 32 bytes: the scan copies
/// these on every line. Consecutive block quotes share one entry (`quotes`), so that a line of
/// millions of `>` keeps a stack of a few entries.
struct OpenBlock {
    var startLine: Int
    /// Fenced code: fence character, length and indentation.
    var fence = Fence(character: 0, length: 0, indent: 0)
    /// List and list item: the marker's column, the content's offset from it, the marker
    /// character (bullet or ordered delimiter) and whether it is ordered.
    var list = ListMarker(ordered: false, character: 0, markerOffset: 0, padding: 0)
    var kind: BlockKind
    /// List item: whether it holds any block yet.
    var hasChild = false
    private var storedHTMLKind: UInt8 = 0
    private var storedQuotes: UInt32 = 1

    /// Block quote: how many quotes, each directly in the one before, this entry stands for
    /// (1 for every other kind).
    var quotes: Int {
        get { Int(storedQuotes) }
        set { storedQuotes = UInt32(newValue) }
    }

    /// Whether one more block quote, opened in this one, may share its entry.
    var takesAnotherQuote: Bool { kind == .blockQuote && storedQuotes < UInt32.max }

    /// HTML block: its kind, 1 to 7.
    var htmlKind: Int {
        get { Int(storedHTMLKind) }
        set { storedHTMLKind = UInt8(newValue) }
    }

    init(kind: BlockKind, startLine: Int) {
        self.kind = kind
        self.startLine = startLine
    }

    /// Whether a blank line closes this block (its continuation test fails on one).
    var endsAtBlankLine: Bool {
        switch kind {
        case .blockQuote, .paragraph: return true
        case .listItem: return !hasChild
        case .htmlBlock: return htmlKind >= 6
        case .document, .list, .fencedCode, .indentedCode: return false
        }
    }
}

/// Outcome of a container's continuation test.
enum Continuation {
    case matched, failed, lineConsumed
    /// Of an entry of several block quotes, the first `quotes` (at least one, not all) matched.
    case partly(quotes: Int)
}

/// Outcome of a block start test.
enum BlockStart {
    case none, container, leaf
}
