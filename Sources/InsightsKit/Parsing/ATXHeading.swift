/// ATX headings: one to six `#` followed by a space, a tab or the end of the line; an
/// optional closing sequence of `#`s preceded by a space is not part of the title.
extension ScanState {
    mutating func startATXHeading() -> Bool {
        guard !indented, let (level, position) = Self.atxOpening(bytes, from: nextNonspace, to: lineEnd) else { return false }
        closeUnmatchedBlocks()
        makeRoom(for: .paragraph)
        let title = Self.atxTitle(bytes, from: position, to: lineEnd)
        addHeading(level: level, style: .atx, firstLine: lineIndex, headingStart: lineStart,
                   titleStart: title.lowerBound, titleEnd: title.upperBound)
        offset = lineEnd
        return true
    }

    /// The level of the ATX heading opening at `start` (one to six `#` followed by a space, a
    /// tab or the end of the line at `end`) and where its `#`s end; nil when none opens there.
    static func atxOpening(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (level: Int, end: Int)? {
        var position = start
        while position < end, bytes[position] == ASCII.hash, position - start < 7 {
            position += 1
        }
        let level = position - start
        guard level >= 1, level <= 6, position == end || ASCII.isSpaceOrTab(bytes[position]) else { return nil }
        return (level, position)
    }

    /// The title's byte range: after the opening sequence, without the closing sequence.
    static func atxTitle(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Range<Int> {
        var contentStart = start
        while contentStart < end, ASCII.isSpaceOrTab(bytes[contentStart]) { contentStart += 1 }
        var contentEnd = end
        while contentEnd > contentStart, ASCII.isSpaceOrTab(bytes[contentEnd - 1]) { contentEnd -= 1 }
        var hashStart = contentEnd
        while hashStart > contentStart, bytes[hashStart - 1] == ASCII.hash { hashStart -= 1 }
        if hashStart == contentStart {
            // Only `#`s: an empty heading.
            return contentStart..<contentStart
        }
        if hashStart < contentEnd, ASCII.isSpaceOrTab(bytes[hashStart - 1]) {
            contentEnd = hashStart
        }
        return contentStart..<contentEnd
    }
}
