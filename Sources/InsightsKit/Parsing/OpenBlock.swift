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
/// these on every line. Block quotes nested one directly in another share one entry, and so
/// do list items nested one in another with the same marker (`run`): a line of millions of
/// `>`, or of `- `, keeps a stack of a few entries.
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
    private var storedRun: UInt32 = 1

    /// How many blocks this entry stands for: block quotes, each directly in the one before;
    /// list items, each in a list directly in the one before (the lists between them implied),
    /// all with the same marker and each holding a block. 1 for every other kind.
    var run: Int {
        get { Int(storedRun) }
        set { storedRun = UInt32(newValue) }
    }

    /// Whether one more block of its run, opened in the last, may share this entry.
    var takesAnother: Bool { storedRun < UInt32.max }

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
    /// Of an entry of a run of blocks, the first `kept` (at least one, not all) matched, and of
    /// a run of list items, the list in the last of them.
    case partly(kept: Int)
}

/// Outcome of a block start test.
enum BlockStart {
    case none, container, leaf
}
