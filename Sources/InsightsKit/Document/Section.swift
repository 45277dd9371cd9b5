/// A section: a top-level heading and everything up to the next heading of the same or a
/// higher rank, or the end of the file. A section contains its deeper subsections.
public struct Section: Sendable, Equatable {
    /// Index of the heading in the document's headings (and of this section in `sections`).
    public let index: Int
    /// The heading that opens the section.
    public let heading: Heading
    /// 0-based index of the section's last line.
    public let endLine: Int
    /// The section's bytes: from its heading's first line through its last line's ending.
    public let range: Range<Int>
    /// The body: everything after the heading's last line through the section's last line.
    public let bodyRange: Range<Int>
    /// Index of the enclosing section (the nearest preceding heading of a lower level).
    public let parent: Int?

    /// The heading's level.
    public var level: Int { heading.level }
    /// The heading's title.
    public var title: String { heading.title }

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
        return headings.indices.map { index in
            let heading = headings[index]
            let start = heading.firstLine == 0 ? byteOrderMarkLength : lines.starts[heading.firstLine]
            let end = lines.end(ofLine: endLines[index])
            let bodyStart = lines.end(ofLine: heading.lastLine)
            return Section(index: index, heading: heading, endLine: endLines[index], range: start..<end,
                           bodyRange: bodyStart..<end, parent: parents[index])
        }
    }
}
