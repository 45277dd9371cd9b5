/// Phase one of CommonMark parsing (the block structure), reduced to what sections need:
/// which lines are top-level headings. One linear pass over the lines; containers (block
/// quotes, list items) are matched line by line with lazy continuation, leaves are opened
/// and closed exactly as the reference implementation does. Inline content is never parsed,
/// except link reference definitions where they decide whether a setext underline makes a
/// heading. Every byte string is a document: scanning never fails.
package enum BlockScanner {
    /// Scans `bytes` and returns its top-level headings.
    package static func scan(_ bytes: [UInt8], lines: LineTable, options: ScanOptions = ScanOptions()) -> BlockStructure {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = ScanState(bytes: buffer, lines: lines)
            return scanner.run(options: options)
        }
    }

    /// Scans `bytes` for the section of the first heading of `stop.level` titled
    /// `stop.title`, until a heading of that level or a higher rank ends it (or to the end).
    /// The structure returned holds that heading and those after it up to there (the one that
    /// ends the section included): the headings before it are recognised, so that every later
    /// line is scanned as in a full scan, but not kept; their lines are not kept either. Nil
    /// when the section is not there, or a second heading with its title and level follows it
    /// (the name is ambiguous): only a full scan can tell what is wrong then.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, options: ScanOptions, stop: StopRule) -> StoppedScan? {
        var scanner = ScanState(bytes: bytes, lines: LineTable(windowOver: bytes.count))
        scanner.pending = bytes.baseAddress.map { LineCursor(base: $0, count: bytes.count) }
        scanner.stopRule = stop
        let structure = scanner.run(options: options)
        guard let rule = scanner.stopRule, let start = rule.foundAt else { return nil }
        guard let stop = scanner.stoppedAfter else {
            return StoppedScan(structure: structure, section: start..<bytes.count, rest: bytes.count)
        }
        if stop + 1 >= scanner.lineCount { _ = scanner.findLine() }
        return StoppedScan(structure: structure, section: start..<scanner.stopHeadingStart, rest: scanner.end(ofLine: stop))
    }

    /// Scans `bytes`, building its line table.
    package static func scan(_ bytes: [UInt8], options: ScanOptions = ScanOptions()) -> BlockStructure {
        scan(bytes, lines: LineTable(bytes), options: options)
    }
}

/// What a scan that stopped at a section's end found.
struct StoppedScan {
    /// The section's heading and the headings after it, to the one that ended it.
    var structure: BlockStructure
    /// The section's bytes: from the start of its heading's first line (the start of the
    /// bytes for the first line) to the start of the heading that ended it, or the end.
    var section: Range<Int>
    /// Where the bytes after the last line scanned start.
    var rest: Int
}

/// When a scan may stop: after the section of the first heading of `level` titled `title`
/// has ended.
struct StopRule {
    var level: Int
    var title: String
    /// Words that a heading must hold, each between white space, to have that title
    /// (`SectionLookup.proofWords`): a heading that lacks one is passed over without making a
    /// string of its title.
    var words: [[UInt8]]
    /// Where that heading starts, once found.
    var foundAt: Int?

    /// Whether the heading titled by `range` of `bytes` may have the wanted title.
    func mayBeTitled(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let title = UnsafeBufferPointer(rebasing: bytes[range])
        return words.allSatisfy { SectionLookup.lastTitleWord($0, in: title) != nil }
    }
}

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
/// these on every line.
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
}

/// Outcome of a block start test.
enum BlockStart {
    case none, container, leaf
}

/// The scanning state: the current line's cursor and the stack of open blocks.
struct ScanState {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The lines from `lineBase` on: all of them, or when the table is built as the scan goes
    /// (`pending`) those found since the scan last skimmed (`skim`), which a rescan may need.
    var lines: LineTable
    var lineBase = 0
    /// The lines not yet in `lines`, when the table is built as the scan goes.
    var pending: LineCursor?

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
    var lastMatched = 0
    var paragraph = ParagraphState()

    /// Where the first line's text starts (after a byte order mark).
    var documentStart = 0
    var headings: [Heading] = []
    var lastTopLevelBlockLine: Int?
    var listItems: [ListItemSpan] = []
    /// Whether `listItems` is kept.
    var recordsListItems = true
    /// When to stop early, if ever, and the line after which the scan stopped.
    var stopRule: StopRule?
    var stoppedAfter: Int?
    /// Where the first line of the heading that stopped the scan starts.
    var stopHeadingStart = 0

    init(bytes: UnsafeBufferPointer<UInt8>, lines: LineTable) {
        self.bytes = bytes
        self.lines = lines
    }

    mutating func run(options: ScanOptions) -> BlockStructure {
        var firstLine = 0
        var bomLength = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bomLength = 3 }
        documentStart = bomLength
        recordsListItems = options.listItems
        var frontMatter: Range<Int>?
        if options.frontMatter, pending != nil, bytes[bomLength...].starts(with: FrontMatter.opening) {
            // Front matter may end anywhere: its scan needs every line.
            while findLine() {}
        }
        if options.frontMatter, let found = FrontMatter.lines(in: bytes, lines, contentStart: bomLength) {
            frontMatter = found
            firstLine = found.upperBound
        }
        var index = firstLine
        // Lines are skipped (see `SkippedLine`) only where a scan that keeps list items would
        // not see them anyway, and only from a line after which the document alone is open.
        let skips = !recordsListItems
        /// While skipping: the first line skipped, after which the document alone was open.
        var skippedFrom: Int?
        /// After a skipped line needed scanning: the lines before it are scanned, then it,
        /// before any line is skipped again (so no line is looked at more than twice).
        var scanThrough = -1
        scan: while true {
            if let from = skippedFrom, pending != nil, index == lineCount {
                // Past the lines found so far: taken straight from the cursor.
                let next = skim(from: index, skippedFrom: from)
                if stoppedAfter != nil { break }
                (index, skippedFrom) = (next.index, nil)
                scanThrough = next.scanThrough
                continue
            }
            guard index < lineCount || findLine() else { break }
            let start = index == 0 ? min(bomLength, contentEnd(ofLine: 0)) : start(ofLine: index)
            let end = contentEnd(ofLine: index)
            if let from = skippedFrom {
                if SkippedLine.isPlain(bytes, from: start, to: end) {
                    index += 1
                    continue
                }
                switch SkippedLine.kind(of: bytes, from: start, to: end) {
                case .skippable:
                    index += 1
                    continue
                case .heading(let level, let hashesEnd):
                    addSkippedHeading(level: level, line: index, start: start, hashesEnd: hashesEnd, end: end)
                    if stoppedAfter != nil { break scan }
                    index += 1
                    skippedFrom = index
                    continue
                case .fence(let fence):
                    // Code up to the closing fence, after which the document alone is open, or
                    // to the end.
                    lastTopLevelBlockLine = index
                    index = closingLine(of: fence, after: index).map { $0 + 1 } ?? lineCount
                    skippedFrom = index
                    continue
                case .needsScan:
                    scanThrough = index
                    index = from
                    skippedFrom = nil
                    continue
                }
            }
            incorporate(line: index, start: start, end: end)
            if stoppedAfter != nil { break }
            index += 1
            if skips, index > scanThrough, open.count == 1 { skippedFrom = index }
        }
        // How the document ends (the last top-level block) depends on the lines after the
        // last heading: they are scanned.
        if let from = skippedFrom, stoppedAfter == nil, from < lineCount {
            for index in from..<lineCount {
                incorporate(line: index, start: start(ofLine: index), end: contentEnd(ofLine: index))
            }
        }
        lineIndex = stoppedAfter.map { $0 + 1 } ?? lineCount
        close(downTo: 0)
        return BlockStructure(headings: headings, frontMatter: frontMatter, lastTopLevelBlockLine: lastTopLevelBlockLine,
                              listItems: listItems)
    }

    /// Records the ATX heading of `level` on line `line` (from `start` to `end`, its `#`s
    /// ending at `hashesEnd`), met while skipping: scanned alone, as the full scan would from
    /// a fresh state.
    mutating func addSkippedHeading(level: Int, line: Int, start: Int, hashesEnd: Int, end: Int) {
        lineIndex = line
        lastTopLevelBlockLine = line
        let title = Self.atxTitle(bytes, from: hashesEnd, to: end)
        addHeading(level: level, style: .atx, firstLine: line, headingStart: start,
                   titleStart: title.lowerBound, titleEnd: title.upperBound)
    }

    /// The line after `line` that closes `fence` (opened on `line` at the top level), if any.
    mutating func closingLine(of fence: Fence, after line: Int) -> Int? {
        var index = line + 1
        while index < lineCount || findLine() {
            if SkippedLine.closes(fence, bytes, from: start(ofLine: index), to: contentEnd(ofLine: index)) { return index }
            index += 1
        }
        return nil
    }

    /// The lines found so far.
    var lineCount: Int { lineBase + lines.count }

    /// Byte offset where line `index` starts.
    @inline(__always) func start(ofLine index: Int) -> Int { lines.starts[index - lineBase] }

    /// Byte offset where line `index`'s content ends.
    @inline(__always) func contentEnd(ofLine index: Int) -> Int { lines.contentEnds[index - lineBase] }

    /// Byte offset just past line `index`'s line ending, once the line after it is found.
    func end(ofLine index: Int) -> Int { index + 1 < lineCount ? start(ofLine: index + 1) : bytes.count }

    /// Skips lines from `first`, the first line not found yet, taking them from the cursor
    /// without adding them to the table (which is emptied), as the loop in `run` skips those
    /// it holds: a heading or a fenced code block is taken alone and skipping goes on after
    /// it. Returns where the full scan goes on: at the first line skipped since the last such
    /// heading or block, through the line that needs it (the last line, when the end is
    /// reached), with the table and the cursor set back there. It returns early only when a
    /// heading stops the scan.
    mutating func skim(from first: Int, skippedFrom: Int) -> (index: Int, scanThrough: Int) {
        guard var cursor = pending else { return (first, -1) }
        var from = skippedFrom
        var fromStart = from < lineCount ? start(ofLine: from) : cursor.position
        lines.removeAll()
        var index = first
        while let line = cursor.next() {
            if SkippedLine.isPlain(bytes, from: line.start, to: line.contentEnd) {
                index += 1
                continue
            }
            switch SkippedLine.kind(of: bytes, from: line.start, to: line.contentEnd) {
            case .skippable:
                index += 1
                continue
            case .heading(let level, let hashesEnd):
                addSkippedHeading(level: level, line: index, start: line.start, hashesEnd: hashesEnd, end: line.contentEnd)
                if stoppedAfter != nil {
                    // The table goes on from the line after it.
                    lineBase = index + 1
                    pending = cursor
                    return (index, -1)
                }
            case .fence(let fence):
                // Code up to the closing fence, or to the end.
                lastTopLevelBlockLine = index
                while let next = cursor.next() {
                    index += 1
                    if SkippedLine.closes(fence, bytes, from: next.start, to: next.contentEnd) { break }
                }
            case .needsScan:
                return rewind(to: from, at: fromStart, through: index, cursor)
            }
            index += 1
            from = index
            fromStart = cursor.position
        }
        // How the document ends (the last top-level block) depends on the lines after the
        // last heading: they are scanned.
        return rewind(to: from, at: fromStart, through: Int.max, cursor)
    }

    /// Sets the table and the cursor back to line `index`, which starts at byte `start`.
    private mutating func rewind(to index: Int, at start: Int, through last: Int,
                                 _ cursor: LineCursor) -> (index: Int, scanThrough: Int) {
        lines.removeAll()
        lineBase = index
        pending = cursor.restarted(at: start)
        return (index, last)
    }

    /// Adds the next lines (a few hundred at a time) to `lines` when the table is built as the
    /// scan goes; false when there is none left.
    mutating func findLine() -> Bool {
        guard var cursor = pending else { return false }
        let found = lines.append(from: &cursor)
        pending = found ? cursor : nil
        return found
    }

    var tip: OpenBlock { open[open.count - 1] }

    // MARK: Cursor

    @inline(__always) func peek(_ position: Int) -> UInt8? {
        position < lineEnd ? bytes[position] : nil
    }

    mutating func findNextNonspace() {
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
            allClosed = true
        }
    }

    /// Opens a block that stays open for the following lines, closing the tip until it can
    /// hold one of this kind.
    mutating func addChild(_ kind: BlockKind) {
        makeRoom(for: kind)
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
        }
        if open.count == 1 { lastTopLevelBlockLine = lineIndex }
    }

    /// Records a heading that was just opened as a leaf in the current tip: only a heading
    /// directly in the document opens a section. `headingStart` is where its first line starts.
    mutating func addHeading(level: Int, style: Heading.Style, firstLine: Int, headingStart: Int, titleStart: Int, titleEnd: Int) {
        guard open.count == 1 else { return }
        if let rule = stopRule, rule.foundAt == nil {
            // Before the wanted section, a heading is only looked at to see whether it is the one.
            guard level == rule.level, rule.mayBeTitled(bytes, titleStart..<titleEnd) else { return }
            let title = Title.normalized(bytes, titleStart..<titleEnd)
            guard title == rule.title else { return }
            stopRule?.foundAt = firstLine == 0 ? 0 : headingStart
            headings.append(Heading(level: level, style: style, firstLine: firstLine, lastLine: lineIndex, title: title))
            return
        }
        headings.append(Heading(
            level: level, style: style, firstLine: firstLine, lastLine: lineIndex,
            title: Title.normalized(bytes, titleStart..<titleEnd)))
        if stopRule != nil { checkStop(headings[headings.count - 1], headingStart: headingStart) }
    }

    /// Once the wanted section is found: stops after this line when `heading` ends it; a
    /// second heading with the wanted title and level makes the name ambiguous, which only a
    /// full scan reports.
    mutating func checkStop(_ heading: Heading, headingStart: Int) {
        guard let rule = stopRule, heading.level <= rule.level else { return }
        if heading.level == rule.level && heading.title == rule.title {
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
        var depth = 1
        findNextNonspace()
        if blank {
            matched = (closedByBlankLine.first ?? open.count) - 1
            depth = open.count
        }
        while depth < open.count {
            findNextNonspace()
            switch continuation(of: depth) {
            case .matched:
                matched = depth
                depth += 1
                continue
            case .failed:
                break
            case .lineConsumed:
                return
            }
            break
        }
        allClosed = matched == open.count - 1
        lastMatched = matched

        var containerKind = open[matched].kind
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
        case .blockQuote: return continueBlockQuote()
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
