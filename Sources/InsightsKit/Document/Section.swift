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
    /// What sections are made from, behind one reference: a list is passed around often.
    private final class Source: Sendable {
        let headings: HeadingList
        let bytes: [UInt8]
        let lines: LineTable
        let byteOrderMarkLength: Int
        /// The titles, read once, in a file of 1 MiB or less that has room for them: all of
        /// them when it has 64 bytes or more for each heading, those of 15 bytes or fewer
        /// (which a string holds in its own 16 bytes) when it has 16 or more, so that they
        /// never take much more memory than the file. Other titles, and those of larger files
        /// (where reading every title up front costs more than most commands spend), are read
        /// each time they are asked for.
        let keptTitles: [String?]

        init(headings: HeadingList, bytes: [UInt8], lines: LineTable) {
            self.headings = headings
            self.bytes = bytes
            self.lines = lines
            byteOrderMarkLength = Document.byteOrderMarkLength(bytes)
            let byteOrderMarkLength = byteOrderMarkLength
            let bytesPerHeading = bytes.count / Swift.max(1, headings.count)
            keptTitles = bytes.count <= 1 << 20 && bytesPerHeading >= 16
                ? headings.map { place in
                    let title = SectionList.title(of: place, bytes: bytes, lines: lines, byteOrderMarkLength: byteOrderMarkLength)
                    return bytesPerHeading >= 64 || title.utf8.count <= 15 ? title : nil
                }
                : []
        }
    }

    private let source: Source
    /// The headings, without their titles.
    package var headings: HeadingList { source.headings }
    /// The document's bytes, which titles are read from.
    var bytes: [UInt8] { source.bytes }
    /// The document's lines.
    var lines: LineTable { source.lines }

    init(headings: HeadingList, bytes: [UInt8], lines: LineTable) {
        source = Source(headings: headings, bytes: bytes, lines: lines)
    }

    /// The first section.
    package var startIndex: Int { 0 }
    /// The number of sections.
    package var endIndex: Int { source.headings.count }
    /// The number of sections.
    package var count: Int { source.headings.count }

    /// The section of heading `index`.
    package subscript(index: Int) -> Section {
        let source = source
        let place = source.headings[index]
        let end = source.headings.sectionEnd(of: index)
        let endLine = end < source.headings.count ? source.headings[end].firstLine - 1 : source.lines.count - 1
        let start = start(at: index)
        let sectionEnd = source.lines.end(ofLine: endLine)
        let heading = Heading(level: place.level, style: place.style, firstLine: place.firstLine, lastLine: place.lastLine,
                              title: title(at: index))
        return Section(index: index, heading: heading, endLine: endLine, range: start..<sectionEnd,
                       bodyRange: source.lines.end(ofLine: place.lastLine)..<sectionEnd, parent: source.headings.parent(of: index))
    }

    /// Where section `index` starts in the bytes (its heading's first line), read alone.
    package func start(at index: Int) -> Int {
        let firstLine = source.headings[index].firstLine
        return firstLine == 0 ? source.byteOrderMarkLength : source.lines.line(firstLine).start
    }

    /// The index of the first section that starts at or after byte `offset` (`count` for
    /// none), found by bisection.
    package func firstIndex(startingAtOrAfter offset: Int) -> Int {
        indices.partitioningIndex { start(at: $0) >= offset }
    }

    /// The title of section `index`, read alone.
    package func title(at index: Int) -> String {
        let source = source
        let kept = source.keptTitles.isEmpty ? nil : source.keptTitles[index]
        return kept ?? Self.title(of: source.headings[index], bytes: source.bytes, lines: source.lines,
                                                   byteOrderMarkLength: source.byteOrderMarkLength)
    }

    /// The title of the heading at `place` in `bytes`, read as the scan read it: runs of white
    /// space collapsed, an ATX heading's closing `#`s left out.
    private static func title(of place: HeadingList.Place, bytes: [UInt8], lines: LineTable, byteOrderMarkLength: Int) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let first = lines.line(place.firstLine)
            let start = place.firstLine == 0 ? Swift.min(byteOrderMarkLength, first.contentEnd) : first.start
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
