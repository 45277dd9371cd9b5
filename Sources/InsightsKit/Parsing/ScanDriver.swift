/// The driver of a scan over the block parser (`ScanState`): which lines go through the
/// parser and which are skimmed (see `SkippedLine`), and where a scan for one section stops.
struct ScanDriver {
    /// The block parser, with the lines found so far.
    var parser: ScanState

    mutating func run(options: ScanOptions) -> BlockStructure {
        var firstLine = 0
        var bomLength = 0
        if parser.bytes.count >= 3, parser.bytes[0] == 0xEF, parser.bytes[1] == 0xBB, parser.bytes[2] == 0xBF { bomLength = 3 }
        parser.documentStart = bomLength
        parser.recordsListItems = options.listItems
        var frontMatter: Range<Int>?
        if options.frontMatter, parser.window.findsAsItGoes, parser.bytes[bomLength...].starts(with: FrontMatter.opening) {
            // Front matter may end anywhere: its scan needs every line.
            while findLine() {}
        }
        if options.frontMatter, let found = FrontMatter.lines(in: parser.bytes, parser.window.table, contentStart: bomLength) {
            frontMatter = found
            firstLine = found.upperBound
        }
        var index = firstLine
        // Lines are skipped (see `SkippedLine`) only where a scan that keeps list items would
        // not see them anyway, and only from a line after which the document alone is open.
        let skips = !parser.recordsListItems
        /// While skipping: the first line skipped, after which the document alone was open.
        var skippedFrom: Int?
        /// After a skipped line needed scanning: the lines before it are scanned, then it,
        /// before any line is skipped again (so no line is looked at more than twice).
        var scanThrough = -1
        scan: while true {
            if let from = skippedFrom, parser.window.findsAsItGoes, index == parser.lineCount {
                // Past the lines found so far: taken straight from the cursor.
                let next = skim(from: index, skippedFrom: from)
                if parser.stoppedAfter != nil { break }
                (index, skippedFrom) = (next.index, nil)
                scanThrough = next.scanThrough
                continue
            }
            guard index < parser.lineCount || findLine() else { break }
            let line = parser.window.line(index)
            let start = index == 0 ? min(bomLength, line.contentEnd) : line.start
            let end = line.contentEnd
            if let from = skippedFrom {
                if SkippedLine.isPlain(parser.bytes, from: start, to: end) {
                    index += 1
                    continue
                }
                switch SkippedLine.kind(of: parser.bytes, from: start, to: end) {
                case .skippable:
                    index += 1
                    continue
                case .heading(let level, let hashesEnd):
                    addSkippedHeading(level: level, line: index, start: start, hashesEnd: hashesEnd, end: end)
                    if parser.stoppedAfter != nil { break scan }
                    index += 1
                    skippedFrom = index
                    continue
                case .fence(let fence):
                    // Code up to the closing fence, after which the document alone is open, or
                    // to the end.
                    parser.lastTopLevelBlockLine = index
                    index = closingLine(of: fence, after: index).map { $0 + 1 } ?? parser.lineCount
                    skippedFrom = index
                    continue
                case .needsScan:
                    scanThrough = index
                    index = from
                    skippedFrom = nil
                    continue
                }
            }
            parser.incorporate(line: index, start: start, end: end)
            if parser.stoppedAfter != nil { break }
            index += 1
            if skips, index > scanThrough, parser.open.count == 1 { skippedFrom = index }
        }
        // How the document ends (the last top-level block) depends on the lines after the
        // last heading: they are scanned.
        if let from = skippedFrom, parser.stoppedAfter == nil, from < parser.lineCount {
            for index in from..<parser.lineCount {
                let line = parser.window.line(index)
                parser.incorporate(line: index, start: line.start, end: line.contentEnd)
            }
        }
        parser.lineIndex = parser.stoppedAfter.map { $0 + 1 } ?? parser.lineCount
        parser.close(downTo: 0)
        return BlockStructure(headings: parser.headings, frontMatter: frontMatter, lastTopLevelBlockLine: parser.lastTopLevelBlockLine,
                              listItems: parser.listItems)
    }

    /// Records the ATX heading of `level` on line `line` (from `start` to `end`, its `#`s
    /// ending at `hashesEnd`), met while skipping: scanned alone, as the full scan would from
    /// a fresh state.
    mutating func addSkippedHeading(level: Int, line: Int, start: Int, hashesEnd: Int, end: Int) {
        parser.lineIndex = line
        parser.lastTopLevelBlockLine = line
        let title = ScanState.atxTitle(parser.bytes, from: hashesEnd, to: end)
        parser.addHeading(level: level, style: .atx, firstLine: line, headingStart: start,
                   titleStart: title.lowerBound, titleEnd: title.upperBound)
    }

    /// The line after `line` that closes `fence` (opened on `line` at the top level), if any.
    mutating func closingLine(of fence: Fence, after line: Int) -> Int? {
        var index = line + 1
        while index < parser.lineCount || findLine() {
            let line = parser.window.line(index)
            if SkippedLine.closes(fence, parser.bytes, from: line.start, to: line.contentEnd) { return index }
            index += 1
        }
        return nil
    }

    /// Skips lines from `first`, the first line not found yet, taking them from the cursor
    /// without adding them to the table (which is emptied), as the loop in `run` skips those
    /// it holds: a heading or a fenced code block is taken alone and skipping goes on after
    /// it. Returns where the full scan goes on: at the first line skipped since the last such
    /// heading or block, through the line that needs it (the last line, when the end is
    /// reached), with the table and the cursor set back there. It returns early only when a
    /// heading stops the scan.
    mutating func skim(from first: Int, skippedFrom: Int) -> (index: Int, scanThrough: Int) {
        let fromStart0 = skippedFrom < parser.lineCount ? parser.start(ofLine: skippedFrom) : nil
        guard var cursor = parser.window.takeCursor() else { return (first, -1) }
        var from = skippedFrom
        var fromStart = fromStart0 ?? cursor.position
        var index = first
        while let line = cursor.next() {
            if SkippedLine.isPlain(parser.bytes, from: line.start, to: line.contentEnd) {
                index += 1
                continue
            }
            switch SkippedLine.kind(of: parser.bytes, from: line.start, to: line.contentEnd) {
            case .skippable:
                index += 1
                continue
            case .heading(let level, let hashesEnd):
                addSkippedHeading(level: level, line: index, start: line.start, hashesEnd: hashesEnd, end: line.contentEnd)
                if parser.stoppedAfter != nil {
                    // The table goes on from the line after it.
                    parser.window.restart(atLine: index + 1, cursor)
                    return (index, -1)
                }
            case .fence(let fence):
                // Code up to the closing fence, or to the end.
                parser.lastTopLevelBlockLine = index
                while let next = cursor.next() {
                    index += 1
                    if SkippedLine.closes(fence, parser.bytes, from: next.start, to: next.contentEnd) { break }
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
        parser.window.restart(atLine: index, cursor.restarted(at: start))
        return (index, last)
    }

    /// Adds the next lines (a few hundred at a time) to `lines` when the table is built as the
    /// scan goes; false when there is none left.
    mutating func findLine() -> Bool {
        parser.window.findMore()
    }
}
