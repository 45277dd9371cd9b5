/// A markdown file as bytes, with its lines and top-level headings. The bytes are the
/// ground truth: ranges are UTF-8 offsets, line numbers are derived for messages.
package struct Document: Sendable {
    /// The file's bytes, exactly.
    package let bytes: [UInt8]
    /// The lines of `bytes`.
    package let lines: LineTable
    /// One section per top-level heading, in document order.
    package let sections: SectionList
    /// The options the document was scanned with.
    package let options: ScanOptions
    /// The block structure: top-level headings and front matter.
    package let structure: BlockStructure

    /// Scans `bytes`.
    package init(_ bytes: [UInt8], options: ScanOptions = ScanOptions()) {
        let lines = LineTable(bytes)
        self.init(bytes, lines: lines, structure: BlockScanner.scan(bytes, lines: lines, options: options), options: options)
    }

    /// A document from a scan already made (which may cover only the start of `bytes`).
    init(_ bytes: [UInt8], lines: LineTable, structure: BlockStructure, options: ScanOptions) {
        self.bytes = bytes
        self.options = options
        self.lines = lines
        self.structure = structure
        sections = SectionList(headings: structure.headings, bytes: bytes, lines: lines)
    }

    /// The lines of a YAML front matter block, if the scan skipped one.
    package var frontMatter: Range<Int>? { structure.frontMatter }

    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The file's line ending: that of its first line, `\n` when it has none.
    package var lineEnding: [UInt8] {
        TextLines.firstLineEnding(bytes)
    }

    /// Whether the file is empty or ends with a line ending.
    package var endsWithLineEnding: Bool {
        TextLines.endsWithLineEnding(bytes)
    }

    /// The text of line `index` without its line ending.
    package func text(ofLine index: Int) -> ArraySlice<UInt8> {
        let line = lines.line(index)
        return bytes[line.start..<line.contentEnd]
    }

    /// The texts of lines `range` (every line when nil) in order, without their line endings:
    /// for a walk over many lines, where `text(ofLine:)` finds each line anew.
    package func texts(ofLines range: Range<Int>? = nil) -> LazyMapSequence<LineTable.Walk, (line: Int, text: ArraySlice<UInt8>)> {
        let bytes = bytes
        return lines.walk(range ?? 0..<lines.count).lazy.map { (line: $0.index, text: bytes[$0.start..<$0.contentEnd]) }
    }

    /// The value of the last `Last updated:` line within `range` of lines, if any.
    package func lastUpdated(inLines range: ClosedRange<Int>) -> String? {
        for line in range.reversed() {
            if let value = Stamp.value(in: text(ofLine: line)), !isHeadingLine(line) {
                return String(decoding: bytes[value], as: UTF8.self)
            }
        }
        return nil
    }

    /// Whether line `index` belongs to a top-level heading: the text of a setext heading can
    /// read like a `Last updated:` line without being one.
    func isHeadingLine(_ index: Int) -> Bool {
        let headings = sections.headings
        let after = headings.partitioningIndex { $0.firstLine > index }
        return after > 0 && index <= headings[after - 1].lastLine
    }

    /// The value of the section's last `Last updated:` line, if any.
    package func lastUpdated(of section: Section) -> String? {
        lastUpdated(inLines: section.heading.lastLine...section.endLine)
    }

    /// The heading's title as written: its raw text, trimmed, with the runs of white space
    /// inside it (and a setext heading's line breaks) kept and an ATX closing sequence
    /// removed. `Heading.title` is the same text with white space collapsed, the form titles
    /// are matched in.
    package func writtenTitle(of heading: Heading) -> String {
        let first = heading.firstLine
        let written: String? = bytes.withUnsafeBufferPointer { buffer in
            var start = first == 0 ? Self.byteOrderMarkLength(bytes) : lines.starts[first]
            var end: Int
            switch heading.style {
            case .atx:
                end = lines.contentEnds[first]
                while start < end, ASCII.isSpaceOrTab(buffer[start]) { start += 1 }
                guard let opening = ScanState.atxOpening(buffer, from: start, to: end) else { return nil }
                let title = ScanState.atxTitle(buffer, from: opening.end, to: end)
                (start, end) = (title.lowerBound, title.upperBound)
            case .setext:
                end = lines.contentEnds[max(first, heading.lastLine - 1)]
            }
            while start < end, ASCII.isWhitespace(buffer[start]) { start += 1 }
            while end > start, ASCII.isWhitespace(buffer[end - 1]) { end -= 1 }
            return String(decoding: buffer[start..<end], as: UTF8.self)
        }
        // Only ever the heading's own text: anything else falls back to the matched form.
        guard let written, Title.normalized(written) == heading.title else { return heading.title }
        return written
    }

    /// The section's size as its line budget counts it: its lines from its heading to its
    /// last line that is not blank.
    package func lineCount(of section: Section) -> Int {
        var last = section.endLine
        while last > section.heading.lastLine, TextLines.isBlank(text(ofLine: last)) { last -= 1 }
        return last - section.heading.firstLine + 1
    }

    /// The section's bytes: its heading and body.
    package func bytes(of section: Section) -> ArraySlice<UInt8> {
        bytes[section.range]
    }

    /// An opaque string that changes whenever the section's bytes change.
    package func fingerprint(of section: Section) -> String {
        Fingerprint.of(bytes[section.range])
    }
}

/// Fingerprints: 64-bit FNV-1a of the bytes, as 16 hex digits.
package enum Fingerprint {
    /// The fingerprint of a section that does not exist, for `--if-match`.
    package static let absent = "absent"

    /// The fingerprint of `bytes`.
    package static func of(_ bytes: ArraySlice<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
