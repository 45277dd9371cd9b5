/// `Last updated:` lines: `Last updated: VALUE`, `**Last updated**: VALUE` or
/// `**Last updated:** VALUE`, optionally as a list item, the label in any case.
package enum Stamp {
    /// The label written on a new stamp line.
    static let label = Array("Last updated: ".utf8)
    private static let words = Array("last updated".utf8)

    /// The byte range of the value in a stamp line, or nil when `line` is not one.
    package static func value(in line: ArraySlice<UInt8>) -> Range<Int>? {
        var position = line.startIndex
        let end = line.endIndex
        while position < end, ASCII.isSpaceOrTab(line[position]) { position += 1 }
        if position + 1 < end, line[position] == ASCII.minus || line[position] == ASCII.star || line[position] == ASCII.plus,
           ASCII.isSpaceOrTab(line[position + 1]) {
            position += 2
            while position < end, ASCII.isSpaceOrTab(line[position]) { position += 1 }
        }
        var bold = false
        if position + 1 < end, line[position] == ASCII.star, line[position + 1] == ASCII.star {
            bold = true
            position += 2
        }
        guard end - position >= words.count,
              zip(line[position..<(position + words.count)], words).allSatisfy({ ASCII.lowercased($0) == $1 })
        else { return nil }
        position += words.count
        if bold, position + 2 < end, line[position] == ASCII.star, line[position + 1] == ASCII.star, line[position + 2] == ASCII.colon {
            position += 3
        } else if position < end, line[position] == ASCII.colon {
            position += 1
            if bold {
                guard position + 1 < end, line[position] == ASCII.star, line[position + 1] == ASCII.star else { return nil }
                position += 2
            }
        } else {
            return nil
        }
        while position < end, ASCII.isSpaceOrTab(line[position]) { position += 1 }
        var valueEnd = end
        while valueEnd > position, ASCII.isSpaceOrTab(line[valueEnd - 1]) { valueEnd -= 1 }
        return position..<valueEnd
    }
}

/// The `Last updated:` line that closes a top-level section: the last non-blank line of the
/// section with its subsections, in the own text of its last subsection (or its own), not
/// its first line after the heading. It belongs to the section, not to that subsection.
package struct ClosingStamp: Sendable, Equatable {
    /// The blank lines before the stamp line, and the stamp line with its line ending.
    package var range: Range<Int>
    /// The 0-based line of the stamp.
    package var line: Int
    /// The value's bytes.
    package var value: Range<Int>

    /// The closing stamp of `section` in `document`, if it has one.
    package init?(of section: Section, in document: Document) {
        let sections = document.sections
        let last = sections.headings.sectionEnd(of: section.index) - 1
        let bytes = document.bytes
        guard let start = Document.closingStampStart(bytes, in: sections[last].bodyRange) else { return nil }
        let stampEnd = TextLines.trailingBlankStart(bytes, in: start..<sections[last].bodyRange.upperBound)
        let lineStart = TextLines.startOfLine(bytes, endingAt: stampEnd, lowerBound: start)
        let lineEnd = TextLines.endOfLine(bytes, from: lineStart, upperBound: bytes.count)
        guard let value = Stamp.value(in: bytes[lineStart..<TextLines.contentEnd(bytes, lineStart: lineStart, end: lineEnd)]) else { return nil }
        range = start..<lineEnd
        line = document.lines.line(containing: lineStart)
        self.value = value
    }
}

/// The value of the `Last updated:` line that is each section's own, for sections asked for
/// in document order: the closing stamp of a level-2 section, else the last stamp in the
/// section's own text (heading to its first subsection) that is not the closing stamp of the
/// level-2 section around it. A subsection that ends its section so does not show that
/// section's stamp, nor a file title the stamp of the last section.
package struct OwnStamps {
    /// The document.
    let document: Document
    /// The level-2 section around the last section asked for, and its closing stamp.
    private var around: (index: Int, closing: ClosingStamp?)?

    /// Stamps of `document`'s sections.
    package init(_ document: Document) {
        self.document = document
    }

    /// The stamp that is `section`'s own, if any.
    package mutating func stamp(of section: Section) -> String? {
        let document = document
        let headings = document.sections.headings
        var outer: Int? = section.index
        while let index = outer, headings.level(at: index) != Check.agentLevel { outer = headings.parent(of: index) }
        var closing: ClosingStamp?
        if let outer {
            if around?.index != outer { around = (outer, ClosingStamp(of: document.sections[outer], in: document)) }
            closing = around?.closing
        }
        if let closing, outer == section.index { return String(decoding: document.bytes[closing.value], as: UTF8.self) }
        let end = section.index + 1 < headings.count ? headings[section.index + 1].firstLine : document.lines.count
        for line in stride(from: end - 1, to: section.heading.lastLine, by: -1) where line != closing?.line {
            if let value = Stamp.value(in: document.text(ofLine: line)) { return String(decoding: document.bytes[value], as: UTF8.self) }
        }
        return nil
    }
}
