/// Setext headings: a paragraph followed by a line of `=` (level 1) or `-` (level 2). Link
/// reference definitions at the paragraph's start are not part of it; a paragraph made only
/// of definitions does not become a heading.
extension ScanState {
    mutating func startSetextHeading(container: BlockKind) -> Bool {
        guard !indented, container == .paragraph,
              let marker = peek(nextNonspace), marker == ASCII.equals || marker == ASCII.minus,
              Self.isSetextUnderline(bytes, marker: marker, from: nextNonspace, to: lineEnd)
        else { return false }
        closeUnmatchedBlocks()
        let definitionLines = paragraphDefinitionLines()
        guard definitionLines < paragraph.lineCount else { return false }
        let firstLine = paragraph.firstLine + definitionLines
        let titleStart = firstLine == 0 ? documentStart : start(ofLine: firstLine)
        let titleEnd = contentEnd(ofLine: lineIndex - 1)
        finalizeTip()
        addHeading(level: marker == ASCII.equals ? 1 : 2, style: .setext, firstLine: firstLine, headingStart: titleStart,
                   titleStart: titleStart, titleEnd: max(titleStart, titleEnd))
        offset = lineEnd
        return true
    }

    static func isSetextUnderline(_ bytes: UnsafeBufferPointer<UInt8>, marker: UInt8, from start: Int, to end: Int) -> Bool {
        var position = start
        while position < end, bytes[position] == marker { position += 1 }
        while position < end, ASCII.isSpaceOrTab(bytes[position]) { position += 1 }
        return position == end
    }
}
