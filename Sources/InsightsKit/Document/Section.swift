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

    /// Computes the sections of a list of headings in one pass.
    static func all(in headings: [Heading], lines: LineTable, byteOrderMarkLength: Int) -> [Section] {
        var endLines = [Int](repeating: lines.count - 1, count: headings.count)
        var parents = [Int?](repeating: nil, count: headings.count)
        var stack: [Int] = []
        for (index, heading) in headings.enumerated() {
            while let last = stack.last, headings[last].level >= heading.level {
                endLines[last] = heading.firstLine - 1
                stack.removeLast()
            }
            parents[index] = stack.last
            stack.append(index)
        }
        return [Section](unsafeUninitializedCapacity: headings.count) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress), count: headings.count * MemoryLayout<Section>.stride)
            for (index, heading) in headings.enumerated() {
                let start = heading.firstLine == 0 ? byteOrderMarkLength : lines.starts[heading.firstLine]
                let end = lines.end(ofLine: endLines[index])
                let bodyStart = lines.end(ofLine: heading.lastLine)
                (buffer.baseAddress! + index).initialize(to: Section(
                    index: index, heading: heading, endLine: endLines[index], range: start..<end,
                    bodyRange: bodyStart..<end, parent: parents[index]))
                initialized = index + 1
            }
        }
    }

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
