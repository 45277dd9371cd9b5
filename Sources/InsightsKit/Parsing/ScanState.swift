/// The scanning state: the current line's cursor and the stack of open blocks.
struct ScanState {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The lines found so far.
    var window: LineWindow

    // The current line.
    var lineIndex = 0
    var lineStart = 0
    var lineEnd = 0
    var offset = 0
    var column = 0
    var partiallyConsumedTab = false
    var nextNonspace = 0
    var nextNonspaceColumn = 0
    var indent = 0
    var indented = false
    var blank = false
    /// The run of spaces and tabs `nextNonspace` ends: from `nonspaceFrom` to it, on a line
    /// ending at `nonspaceLineEnd`. From any offset in it the next non-space is the same, so
    /// the containers of a deeply nested line, each taking a few columns of one long
    /// indentation, do not each scan the rest of it again.
    private var nonspaceFrom = Int.max
    private var nonspaceLineEnd = -1

    // The open blocks: `open[0]` is the document, the last one is the tip.
    var open: [OpenBlock] = [OpenBlock(kind: .document, startLine: 0)]
    /// Indices in `open`, ascending, of the blocks a blank line closes: a blank line
    /// continues exactly the blocks below the first of them, found without walking the
    /// stack (a blank line under thousands of nested list items stays O(1)).
    var closedByBlankLine: [Int] = []
    var allClosed = true
    /// For line `thematicBreakLine`, per marker (`*`, `-`, `_`): the offset of the last byte
    /// that is neither the marker nor a space or tab (before the line for none).
    var thematicBreakLine = -1
    var lastNonMarker = SIMD4<Int>(repeating: unknownOffset)
    /// `lastNonMarker` for a marker whose pass has not been made on this line.
    static let unknownOffset = Int.min
    /// The last open entry the current line continued, and how many of its run it continued
    /// (all of it, or, for list items, those before the list it continued last).
    var lastMatched = 0
    var lastMatchedRun = 1
    var paragraph = ParagraphState()

    /// Where the first line's text starts (after a byte order mark).
    var documentStart = 0
    var headings = HeadingList()
    var lastTopLevelBlockLine: Int?
    var listItems: [ListItemSpan] = []
    /// Whether `listItems` is kept.
    var recordsListItems = true
    /// When to stop early, if ever, and the line after which the scan stopped.
    var stopRule: StopRule?
    var stoppedAfter: Int?
    /// Where the first line of the heading that stopped the scan starts.
    var stopHeadingStart = 0

    init(bytes: UnsafeBufferPointer<UInt8>, window: LineWindow) {
        self.bytes = bytes
        self.window = window
    }
}

/// The CommonMark block parser: each line matched against the open blocks, then new blocks
/// opened, as the reference implementation does.
extension ScanState {
    /// The lines found so far.
    var lineCount: Int { window.count }

    /// Byte offset where line `index` starts.
    @inline(__always) func start(ofLine index: Int) -> Int { window.start(ofLine: index) }

    /// Byte offset where line `index`'s content ends.
    @inline(__always) func contentEnd(ofLine index: Int) -> Int { window.contentEnd(ofLine: index) }

    /// Byte offset just past line `index`'s line ending, once the line after it is found.
    func end(ofLine index: Int) -> Int { index + 1 < lineCount ? start(ofLine: index + 1) : bytes.count }

    var tip: OpenBlock { open[open.count - 1] }

    // MARK: Cursor

    @inline(__always) func peek(_ position: Int) -> UInt8? {
        position < lineEnd ? bytes[position] : nil
    }

    mutating func findNextNonspace() {
        if offset >= nonspaceFrom, offset <= nextNonspace, lineEnd == nonspaceLineEnd {
            blank = nextNonspace >= lineEnd
            indent = nextNonspaceColumn - column
            indented = indent >= 4
            return
        }
        var position = offset
        var columns = column
        while position < lineEnd {
            let byte = bytes[position]
            if byte == ASCII.space {
                position += 1
                columns += 1
            } else if byte == ASCII.tab {
                position += 1
                columns += 4 - (columns % 4)
            } else {
                break
            }
        }
        blank = position >= lineEnd
        nonspaceFrom = offset
        nonspaceLineEnd = lineEnd
        nextNonspace = position
        nextNonspaceColumn = columns
        indent = nextNonspaceColumn - column
        indented = indent >= 4
    }

    mutating func advanceNextNonspace() {
        offset = nextNonspace
        column = nextNonspaceColumn
        partiallyConsumedTab = false
    }

    /// Advances `count` bytes, or `count` columns when `columns` is set (a tab may then be
    /// consumed only partly).
    mutating func advanceOffset(_ count: Int, columns: Bool) {
        var remaining = count
        while remaining > 0, offset < lineEnd {
            if bytes[offset] == ASCII.tab {
                let toTab = 4 - (column % 4)
                if columns {
                    partiallyConsumedTab = toTab > remaining
                    let advance = min(toTab, remaining)
                    column += advance
                    offset += partiallyConsumedTab ? 0 : 1
                    remaining -= advance
                } else {
                    partiallyConsumedTab = false
                    column += toTab
                    offset += 1
                    remaining -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                remaining -= 1
            }
        }
    }

    // MARK: Blocks

    /// Closes every open block above index `keep`.
    mutating func close(downTo keep: Int) {
        while open.count > keep + 1 {
            finalizeTip()
        }
    }

    mutating func finalizeTip() {
        if tip.kind == .paragraph { paragraph = ParagraphState() }
        if closedByBlankLine.last == open.count - 1 { closedByBlankLine.removeLast() }
        if tip.kind == .listItem, open.count == 3, recordsListItems { listItems[listItems.count - 1].lastLine = max(tip.startLine, lineIndex - 1) }
        open.removeLast()
    }

    /// Keeps `closedByBlankLine` in step with the tip after it was opened or changed.
    mutating func tipChanged() {
        let index = open.count - 1
        if closedByBlankLine.last == index { closedByBlankLine.removeLast() }
        if tip.endsAtBlankLine { closedByBlankLine.append(index) }
    }

    /// Closes the blocks the current line did not continue.
    mutating func closeUnmatchedBlocks() {
        if !allClosed {
            close(downTo: lastMatched)
            if lastMatchedRun < open[lastMatched].run { shortenRun(lastMatched, to: lastMatchedRun) }
            allClosed = true
        }
    }

    /// Closes the blocks of the run of entry `index`, the tip, past its first `kept`: of a run
    /// of list items, the list in the last one kept stays open.
    mutating func shortenRun(_ index: Int, to kept: Int) {
        open[index].run = kept
        if open[index].kind == .listItem {
            var list = OpenBlock(kind: .list, startLine: lineIndex)
            list.list = open[index].list
            open.append(list)
        }
    }

    /// Opens a block that stays open for the following lines, closing the tip until it can
    /// hold one of this kind. A block quote in a block quote joins its entry.
    mutating func addChild(_ kind: BlockKind) {
        makeRoom(for: kind)
        if kind == .blockQuote, tip.kind == .blockQuote, tip.takesAnother {
            open[open.count - 1].run += 1
            return
        }
        open.append(OpenBlock(kind: kind, startLine: lineIndex))
        tipChanged()
    }

    /// Closes the tip until it can hold a block of `kind`, and notes the new child.
    mutating func makeRoom(for kind: BlockKind) {
        while !tip.kind.canContain(kind) {
            finalizeTip()
        }
        if tip.kind == .listItem, !tip.hasChild {
            open[open.count - 1].hasChild = true
            tipChanged()
            joinItemRun()
        }
        if open.count == 1 { lastTopLevelBlockLine = lineIndex }
    }

    /// Records a heading that was just opened as a leaf in the current tip: only a heading
    /// directly in the document opens a section. `headingStart` is where its first line starts.
    mutating func addHeading(level: Int, style: Heading.Style, firstLine: Int, headingStart: Int, titleStart: Int, titleEnd: Int) {
        guard open.count == 1 else { return }
        if let rule = stopRule, rule.foundAt == nil {
            // Before the wanted section, a heading is only looked at to see whether it is the one.
            guard level == rule.level, rule.mayBeTitled(bytes, titleStart..<titleEnd),
                  Title.normalized(bytes, titleStart..<titleEnd) == rule.title else { return }
            stopRule?.foundAt = firstLine == 0 ? 0 : headingStart
            headings.append(level: level, style: style, firstLine: firstLine, lastLine: lineIndex)
            return
        }
        headings.append(level: level, style: style, firstLine: firstLine, lastLine: lineIndex)
        if stopRule != nil { checkStop(level: level, title: titleStart..<titleEnd, headingStart: headingStart) }
    }

    /// Once the wanted section is found: stops after this line when the heading of `level`
    /// titled by `title` ends it; a second heading with the wanted title and level makes the
    /// name ambiguous, which only a full scan reports.
    mutating func checkStop(level: Int, title: Range<Int>, headingStart: Int) {
        guard let rule = stopRule, level <= rule.level else { return }
        if level == rule.level && Title.normalized(bytes, title) == rule.title {
            stopRule = nil
        } else {
            stoppedAfter = lineIndex
            stopHeadingStart = headingStart
        }
    }

    // MARK: Lines

    mutating func incorporate(line index: Int, start: Int, end: Int) {
        lineIndex = index
        lineStart = start
        lineEnd = end
        offset = start
        column = 0
        partiallyConsumedTab = false
        blank = false

        // Which open blocks does this line continue? A blank line continues those below
        // the first block it closes.
        var matched = 0
        var matchedRun = 1
        var depth = 1
        findNextNonspace()
        if blank {
            matched = (closedByBlankLine.first ?? open.count) - 1
            matchedRun = open[matched].run
            depth = open.count
        }
        while depth < open.count {
            findNextNonspace()
            switch continuation(of: depth) {
            case .matched:
                matched = depth
                matchedRun = open[depth].run
                depth += 1
                continue
            case .partly(let kept):
                matched = depth
                matchedRun = kept
            case .failed:
                break
            case .lineConsumed:
                return
            }
            break
        }
        allClosed = matched == open.count - 1 && matchedRun == open[matched].run
        lastMatched = matched
        lastMatchedRun = matchedRun

        // Of a run of list items only partly continued, the list in the last item continued.
        var containerKind = open[matched].kind == .listItem && matchedRun < open[matched].run ? .list : open[matched].kind
        var matchedLeaf = containerKind != .paragraph && containerKind.acceptsLines

        // Open new blocks.
        while !matchedLeaf {
            findNextNonspace()
            if !indented, nextNonspace < lineEnd, !Self.maybeSpecial(bytes[nextNonspace]) {
                advanceNextNonspace()
                break
            }
            if !indented, nextNonspace >= lineEnd {
                advanceNextNonspace()
                break
            }
            let result = startBlock(container: containerKind)
            if result == .none {
                advanceNextNonspace()
                break
            }
            containerKind = tip.kind
            if result == .leaf { matchedLeaf = true }
        }

        // What remains of the line.
        if !allClosed && !blank && tip.kind == .paragraph {
            addParagraphLine()
            return
        }
        closeUnmatchedBlocks()
        let kind = tip.kind
        if kind.acceptsLines {
            if kind == .paragraph { addParagraphLine() }
            if kind == .htmlBlock, tip.htmlKind <= 5, HTMLBlock.endsOnLine(kind: tip.htmlKind, bytes, from: offset, to: lineEnd) {
                finalizeTip()
            }
        } else if offset < lineEnd && !blank {
            addChild(.paragraph)
            advanceNextNonspace()
            paragraph = ParagraphState(firstLine: lineIndex)
            addParagraphLine()
        }
    }

    /// Bytes that may start a block other than a paragraph (a fast path for text lines).
    @inline(__always) static func maybeSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case ASCII.hash, ASCII.backtick, ASCII.tilde, ASCII.star, ASCII.plus, ASCII.underscore,
             ASCII.equals, ASCII.lessThan, ASCII.greaterThan, ASCII.minus, 0x30...0x39:
            return true
        default:
            return false
        }
    }

    mutating func continuation(of depth: Int) -> Continuation {
        switch open[depth].kind {
        case .document, .list: return .matched
        case .blockQuote: return continueBlockQuotes(depth)
        case .listItem: return continueListItem(depth)
        case .paragraph: return blank ? .failed : .matched
        case .fencedCode: return continueFencedCode(depth)
        case .indentedCode: return continueIndentedCode()
        case .htmlBlock: return blank && open[depth].htmlKind >= 6 ? .failed : .matched
        }
    }

    /// Tries each block start in CommonMark's order of precedence (block quote, ATX
    /// heading, fenced code, HTML block, setext heading, thematic break, list item, indented
    /// code), skipping those the first character rules out: each of them but indented code
    /// needs an indentation under four columns and starts with a character of its own.
    mutating func startBlock(container: BlockKind) -> BlockStart {
        if indented || nextNonspace >= lineEnd { return startIndentedCode() ? .leaf : .none }
        switch bytes[nextNonspace] {
        case ASCII.greaterThan:
            return startBlockQuote() ? .container : .none
        case ASCII.hash:
            return startATXHeading() ? .leaf : .none
        case ASCII.backtick, ASCII.tilde:
            return startFencedCode() ? .leaf : .none
        case ASCII.lessThan:
            return startHTMLBlock(container: container) ? .leaf : .none
        case ASCII.equals:
            return startSetextHeading(container: container) ? .leaf : .none
        case ASCII.minus:
            if startSetextHeading(container: container) || startThematicBreak() { return .leaf }
            return startListItem(container: container) ? .container : .none
        case ASCII.star:
            if startThematicBreak() { return .leaf }
            return startListItem(container: container) ? .container : .none
        case ASCII.underscore:
            return startThematicBreak() ? .leaf : .none
        case ASCII.plus, 0x30...0x39:
            return startListItem(container: container) ? .container : .none
        default:
            return .none
        }
    }
}
