/// Lines the block scan may skip without changing which lines are top-level headings.
///
/// From a line after which only the document is open, the scan may look at each following
/// line alone, without matching it against the open blocks, until a line needs the full
/// scan: it then goes back to the first line it skipped and scans from there. This is exact
/// because of what a line indented less than two columns can be:
///
/// - No container continues it: a block quote needs `>`, and a list item needs an indentation
///   of at least its content's offset, which is the marker's width (one or more) plus its
///   padding (one or more: a tab counts its columns, and an item that starts blank or with five
///   or more spaces after its marker has a padding of one), so two or more. So when it is an
///   ATX heading (one to six `#` and then a space, a tab or the end of the line, tested by the
///   scanner's own `atxOpening`) it interrupts any paragraph and closes every container, and it
///   is a heading of the document unless a fenced code block or an HTML block is open at the
///   top level, which only a line that needs the full scan can open. The blocks open before it
///   then do not matter: scanned alone, it gives the same heading and leaves the document alone
///   open, as the full scan does. The scan takes it so (its level and title, without the
///   block parser) and goes on skipping after it.
/// - The same holds for the opening fence of a fenced code block (the scanner's own
///   `fenceOpening`: it interrupts a paragraph too). The code block is then open at the top
///   level, where no container can open inside it, so each later line alone tells whether it
///   closes it (`isClosingFence`, indented under four columns); the scan skips to the line that
///   does, after which the document alone is open again. A fence that is never closed makes
///   the rest of the file code, with nothing left to scan.
/// - A line that is none of these and does not need the full scan is not a top-level heading,
///   does not open a top-level block that hides a later line, and does not make an earlier line
///   a heading. Those that need the full scan are the ones that could: a setext underline
///   (`=` or `-` run), a fence indented two or three columns or a line that starts like one
///   without being one (three backticks or tildes), the start of an HTML block (`<`) and an ATX
///   heading indented two or three columns, which a list item may or may not continue. A line
///   indented four columns or more is indented code, paragraph text or the content of a
///   container: never a top-level heading, fence or HTML start.
///
/// This rests on the scan carrying nothing from one line to the next but its stack of open
/// blocks: what else it keeps is reset when its block closes (the paragraph's lines), empty
/// when only the document is open (the blocks a blank line closes), or kept for one line
/// index (the thematic break facts). A fact carried across lines would have to be kept in
/// step for skipped lines too. Skipping starts only after a line has been scanned, so the first
/// line, the only one a byte order mark shifts, always is; the lines after the last heading
/// are always scanned too: how the document ends depends on them.
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
