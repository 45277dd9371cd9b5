/// Lines the block scan may skip without changing which lines are top-level headings: a
/// line indented under two columns that is not a heading, fence, setext underline or HTML
/// start. Why this is exact is argued in `Docs/skipping-scan.md`.
enum SkippedLine {
    /// Neither a top-level heading nor a line that could make one, or hide one.
    case skippable
    /// An ATX heading of `level` indented under two columns, whose `#`s end at `hashesEnd`.
    case heading(level: Int, hashesEnd: Int)
    /// The opening fence of a fenced code block, indented under two columns.
    case fence(Fence)
    /// A line only the full scan can tell about.
    case needsScan

    /// A quick test that most skippable lines pass: the line is blank, or starts with a byte
    /// that none of the rules below looks at, or with `-`, a space and then text (a list
    /// item's start, never a setext underline).
    @inline(__always)
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard start < end else { return true }
        switch bytes[start] {
        case ASCII.space, ASCII.tab, ASCII.hash, ASCII.backtick, ASCII.tilde, ASCII.lessThan, ASCII.equals:
            return false
        case ASCII.minus:
            return end - start > 2 && bytes[start + 1] == ASCII.space && !ASCII.isSpaceOrTab(bytes[start + 2])
        default:
            return true
        }
    }

    /// What the line `start..<end` (its content, without the line ending) is to a skipping scan.
    static func kind(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> SkippedLine {
        let (position, column) = indentation(of: bytes, from: start, to: end)
        if position == end || column >= 4 { return .skippable }
        let first = bytes[position]
        switch first {
        case ASCII.hash:
            guard let (level, hashesEnd) = ScanState.atxOpening(bytes, from: position, to: end) else { return .skippable }
            return column <= 1 ? .heading(level: level, hashesEnd: hashesEnd) : .needsScan
        case ASCII.backtick, ASCII.tilde:
            guard let (character, length) = ScanState.fenceOpening(bytes, from: position, to: end) else {
                // Looser than the scanner's test, which only costs a rescan.
                let fenceLike = end - position >= 3 && bytes[position + 1] == first && bytes[position + 2] == first
                return fenceLike ? .needsScan : .skippable
            }
            return column <= 1 ? .fence(Fence(character: character, length: length, indent: column)) : .needsScan
        case ASCII.lessThan:
            return .needsScan
        case ASCII.equals, ASCII.minus:
            return ScanState.isSetextUnderline(bytes, marker: first, from: position, to: end) ? .needsScan : .skippable
        default:
            return .skippable
        }
    }

    /// Whether the line `start..<end` closes `fence`, opened at the top level: no container
    /// can be open inside a fenced code block, so the line alone tells.
    static func closes(_ fence: Fence, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let (position, column) = indentation(of: bytes, from: start, to: end)
        return column <= 3 && ScanState.isClosingFence(fence, bytes, from: position, to: end)
    }

    /// Where the line's text starts after its spaces and tabs, and at which column.
    @inline(__always)
    static func indentation(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (position: Int, column: Int) {
        var position = start
        var column = 0
        while position < end {
            let byte = bytes[position]
            if byte == ASCII.space {
                column += 1
            } else if byte == ASCII.tab {
                column += 4 - column % 4
            } else {
                break
            }
            position += 1
        }
        return (position, column)
    }
}
