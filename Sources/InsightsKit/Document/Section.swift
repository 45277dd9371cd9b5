/// A section: a top-level heading and everything up to the next heading of the same or a
/// higher rank, or the end of the file. A section contains its deeper subsections.
package struct Section: Sendable, Equatable {
    /// Index of the heading in the document's headings (and of this section in `sections`).
    package let index: Int
    /// The heading that opens the section.
    package let heading: Heading
    /// 0-based index of the section's last line.
    package let endLine: Int
    /// The section's bytes: from its heading's first line through its last line's ending.
    package let range: Range<Int>
    /// Where the body starts, and the enclosing section's index or -1: kept as plain
    /// integers, which makes a section 16 bytes smaller.
    private let bodyStart: Int
    private let parentIndex: Int

    /// The body: everything after the heading's last line through the section's last line.
    package var bodyRange: Range<Int> { bodyStart..<range.upperBound }
    /// Index of the enclosing section (the nearest preceding heading of a lower level).
    package var parent: Int? { parentIndex < 0 ? nil : parentIndex }

    init(index: Int, heading: Heading, endLine: Int, range: Range<Int>, bodyRange: Range<Int>, parent: Int?) {
        self.index = index
        self.heading = heading
        self.endLine = endLine
        self.range = range
        bodyStart = bodyRange.lowerBound
        parentIndex = parent ?? -1
    }

    /// The heading's level.
    package var level: Int { heading.level }
    /// The heading's title.
    package var title: String { heading.title }

    /// This section as it sits in a file where the text it was found in starts `bytes` bytes,
    /// `lines` lines and `sections` sections further on. A section that had no parent there
    /// takes `outerParent`.
    func moved(bytes: Int, lines: Int, sections: Int, outerParent: Int?) -> Section {
        let movedHeading = Heading(level: heading.level, style: heading.style, firstLine: heading.firstLine + lines,
                                   lastLine: heading.lastLine + lines, title: heading.title)
        return Section(index: index + sections, heading: movedHeading, endLine: endLine + lines,
                       range: (range.lowerBound + bytes)..<(range.upperBound + bytes),
                       bodyRange: (bodyRange.lowerBound + bytes)..<(bodyRange.upperBound + bytes),
                       parent: parent.map { $0 + sections } ?? outerParent)
    }
}

/// The sections of a document, one per top-level heading, made when asked for from the
/// scan's compact list of headings: a file of a million headings keeps a few bytes for each,
/// not a `Section` with its title.
package struct SectionList: RandomAccessCollection, Sendable {
    /// The headings, without their titles.
    let headings: HeadingList
    /// The document's bytes, which titles are read from.
    let bytes: [UInt8]
    /// The document's lines.
    let lines: LineTable

    /// The first section.
    package var startIndex: Int { 0 }
    /// The number of sections.
    package var endIndex: Int { headings.count }

    /// The section of heading `index`.
    package subscript(index: Int) -> Section {
        let place = headings[index]
        let end = headings.sectionEnd(of: index)
        let endLine = end < headings.count ? headings[end].firstLine - 1 : lines.count - 1
        let start = place.firstLine == 0 ? Document.byteOrderMarkLength(bytes) : lines.line(place.firstLine).start
        let sectionEnd = lines.end(ofLine: endLine)
        let heading = Heading(level: place.level, style: place.style, firstLine: place.firstLine, lastLine: place.lastLine,
                              title: title(of: place))
        return Section(index: index, heading: heading, endLine: endLine, range: start..<sectionEnd,
                       bodyRange: lines.end(ofLine: place.lastLine)..<sectionEnd, parent: headings.parent(of: index))
    }

    /// The title of the heading at `place`, read from the bytes as the scan read it: runs of
    /// white space collapsed, an ATX heading's closing `#`s left out.
    func title(of place: HeadingList.Place) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let first = lines.line(place.firstLine)
            let start = place.firstLine == 0 ? Swift.min(Document.byteOrderMarkLength(bytes), first.contentEnd) : first.start
            switch place.style {
            case .atx:
                var from = start
                while from < first.contentEnd, ASCII.isSpaceOrTab(buffer[from]) { from += 1 }
                guard let opening = ScanState.atxOpening(buffer, from: from, to: first.contentEnd) else { return "" }
                return Title.normalized(buffer, ScanState.atxTitle(buffer, from: opening.end, to: first.contentEnd))
            case .setext:
                let end = lines.line(Swift.max(place.firstLine, place.lastLine - 1)).contentEnd
                return Title.normalized(buffer, start..<Swift.max(start, end))
            }
        }
    }
}
