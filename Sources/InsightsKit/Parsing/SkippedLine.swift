/// Lines the block scan may skip without changing which lines are top-level headings.
///
/// From a line after which only the document is open, the scan may look at each following
/// line alone, without matching it against the open blocks, until a line needs the full
/// scan: it then goes back to the first line it skipped and scans from there. This is exact
/// because of what a line indented less than two columns can be:
///
/// - No container continues it: a block quote needs `>`, a list item an indentation of at
///   least its content's offset, which is two or more. So when it is an ATX heading (one to six
///   `#` and then a space, a tab or the end of the line) it interrupts any paragraph and closes
///   every container, and it is a heading of the document unless a fenced code block or an HTML
///   block is open at the top level, which only a line that needs the full scan can open. The
///   blocks open before it then do not matter: scanned alone, it gives the same heading and
///   leaves the document alone open, as the full scan does.
/// - A line that is neither such a heading nor needs the full scan is not a top-level heading,
///   does not open a top-level block that hides a later line, and does not make an earlier line
///   a heading. Those that need the full scan are the ones that could: a setext underline
///   (`=` or `-` run), a fence (three backticks or tildes), the start of an HTML block (`<`) and
///   an ATX heading indented two or three columns, which a list item may or may not continue.
///   Anything indented four columns or more is indented code or the content of a container.
///
/// The lines after the last heading are always scanned: how the document ends depends on them.
enum SkippedLine {
    case skippable, heading, needsScan

    /// What the line `start..<end` (its content, without the line ending) is to a skipping scan.
    static func kind(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> SkippedLine {
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
        if position == end || column >= 4 { return .skippable }
        let first = bytes[position]
        switch first {
        case ASCII.hash:
            var run = position
            while run < end, bytes[run] == ASCII.hash, run - position < 7 { run += 1 }
            guard run - position <= 6, run == end || ASCII.isSpaceOrTab(bytes[run]) else { return .skippable }
            return column <= 1 ? .heading : .needsScan
        case ASCII.backtick, ASCII.tilde:
            let fence = end - position >= 3 && bytes[position + 1] == first && bytes[position + 2] == first
            return fence ? .needsScan : .skippable
        case ASCII.lessThan:
            return .needsScan
        case ASCII.equals, ASCII.minus:
            return ScanState.isSetextUnderline(bytes, marker: first, from: position, to: end) ? .needsScan : .skippable
        default:
            return .skippable
        }
    }
}
