/// Keyed entries: list items that start with `**Key**:` (or `**Key:**`), as the agents'
/// skeletons write them (`- **Database Choice**: PostgreSQL - Rationale: ...`). A key
/// matches an entry exactly (white space collapsed) or else in the loose form, and the
/// entry keeps its own spelling.
enum KeyedEntry {
    /// Throws `badData` unless `key` and `value` (as given, before `Title.bare`) are one line
    /// each.
    static func checkOneLine(key: String, value: String) throws {
        for (what, text) in [("key", key), ("value", value)] where text.utf8.contains(where: { $0 == ASCII.lf || $0 == ASCII.cr }) {
            throw InsightsError(.badData, "the \(what) must be one line: \(text.debugDescription)")
        }
    }

    /// Throws `badData` unless `key` (bare) can make the key of a list item line.
    static func check(key: String) throws {
        guard !key.isEmpty, !key.contains("**") else {
            throw InsightsError(.badData, "a key must be non-empty text without `**`, not \(key.debugDescription)")
        }
    }

    /// `document`'s bytes with the entry `key` of `section` set to `value`: the first list
    /// item of the section that starts with the key gets `value` as its text (its
    /// continuation lines go with the old text); without one, `- **KEY**: VALUE` is added
    /// after the section's last list item, or at the end of its content. The entry must read
    /// back as a one-line list item, so that the lines after it stay out of it (and a second
    /// `set` cannot take them away): a blank line is added after it when that is needed, and
    /// an entry the lines after the last item would join goes to the end of the content.
    static func upserting(key: String, value: String, in section: Section, of document: Document, eol: [UInt8]) throws -> [UInt8] {
        let bytes = document.bytes
        let lines = document.lines
        let items = document.structure.listItems.filter {
            $0.firstLine > section.heading.lastLine && $0.firstLine <= section.endLine
        }
        let text = value.isEmpty ? [] : [ASCII.space] + Array(value.utf8)
        var placements: [Placement] = []
        let keyed = items.compactMap { item in
            Self.key(in: bytes[item.contentStart..<lines.contentEnds[item.firstLine]]).map { (item, (text: String(decoding: bytes[$0.key], as: UTF8.self), end: $0.end)) }
        }
        let loose = Title.loose(key)
        if let (item, found) = keyed.first(where: { Title.normalized($0.1.text) == key }) ?? keyed.first(where: { Title.loose($0.1.text) == loose }) {
            let keyEnd = found.end
            let last = lastContentLine(of: item, within: section, lines: lines, bytes: bytes)
            placements.append(Placement(range: keyEnd..<lines.contentEnds[last], text: text, line: item.firstLine, lineEnding: eol))
        } else {
            let entry = Array("**\(key)**:".utf8) + text + eol
            if let item = items.last {
                let last = lastContentLine(of: item, within: section, lines: lines, bytes: bytes)
                let marker = bytes[lines.starts[item.firstLine]..<item.contentStart]
                let bullet = marker.contains { $0 == ASCII.minus || $0 == ASCII.star || $0 == ASCII.plus }
                let point = lines.end(ofLine: last)
                placements.append(Placement(range: point..<point, text: (bullet ? Array(marker) : Array("- ".utf8)) + entry,
                                            line: last + 1, lineEnding: eol))
            }
            let point = Document.endOfContent(bytes, in: section.bodyRange)
            let separated = point == section.bodyRange.lowerBound || TextLines.endsWithBlankLine(bytes, in: 0..<point)
            let line = TextLines.lineCount(bytes, in: 0..<point) + (separated ? 0 : 1)
            placements.append(Placement(range: point..<point, text: (separated ? [] : eol) + Array("- ".utf8) + entry, line: line, lineEnding: eol))
        }
        for placement in placements {
            for candidate in [placement.applied(to: bytes, blankAfter: false), placement.applied(to: bytes, blankAfter: true)] {
                if isOneLineItem(at: placement.line, in: candidate) { return candidate }
            }
        }
        throw InsightsError(.badData, "the entry \"\(key)\" cannot be placed in \"\(section.title)\" without the lines after it joining it",
                            hint: "add a blank line or outdent the text after the section's last list item")
    }

    /// A change that puts an entry in: `text` replaces `range`, and the entry is on `line`.
    struct Placement {
        let range: Range<Int>
        let text: [UInt8]
        let line: Int
        let lineEnding: [UInt8]

        /// `bytes` with the change made, and a blank line after the entry's line when
        /// `blankAfter` and the line after it is not blank already.
        func applied(to bytes: [UInt8], blankAfter: Bool) -> [UInt8] {
            var result = bytes
            var replacement = text
            if blankAfter {
                // The line after the entry: where it is inserted, or after the replaced line.
                let next = range.isEmpty ? range.upperBound : TextLines.endOfLine(bytes, from: range.upperBound, upperBound: bytes.count)
                let following = TextLines.endOfLine(bytes, from: next, upperBound: bytes.count)
                guard next < bytes.count, !TextLines.isBlank(bytes[next..<TextLines.contentEnd(bytes, lineStart: next, end: following)]) else { return bytes }
                if range.isEmpty {
                    replacement += lineEnding
                } else {
                    result.replaceSubrange(next..<next, with: lineEnding)
                }
            }
            result.replaceSubrange(range, with: replacement)
            return result
        }
    }

    /// Whether `bytes` has a top-level list item on `line` that holds that line only.
    static func isOneLineItem(at line: Int, in bytes: [UInt8]) -> Bool {
        let document = Document(bytes, options: .commonMark)
        guard let item = document.structure.listItems.first(where: { $0.firstLine == line }) else { return false }
        var last = item.lastLine
        while last > line, TextLines.isBlank(bytes[document.lines.starts[last]..<document.lines.contentEnds[last]]) { last -= 1 }
        return last == line
    }

    /// The key of the entry `text` (an item's text after its marker) starts with, after
    /// spaces and tabs: the bytes of KEY in `**KEY**:` or `**KEY:**` (the first `**` after the
    /// opening one closes it; the key is not empty), and where that form ends. Nil when the
    /// text starts otherwise.
    static func key(in text: ArraySlice<UInt8>) -> (key: Range<Int>, end: Int)? {
        let end = text.endIndex
        var position = text.startIndex
        while position < end, ASCII.isSpaceOrTab(text[position]) { position += 1 }
        guard position + 1 < end, text[position] == ASCII.star, text[position + 1] == ASCII.star else { return nil }
        let keyStart = position + 2
        var close = keyStart
        while close + 1 < end, text[close] != ASCII.star || text[close + 1] != ASCII.star { close += 1 }
        guard close + 1 < end else { return nil }
        if close > keyStart, close + 2 < end, text[close + 2] == ASCII.colon { return (keyStart..<close, close + 3) }
        if close > keyStart + 1, text[close - 1] == ASCII.colon { return (keyStart..<(close - 1), close + 2) }
        return nil
    }

    /// The item's last line that is not blank, inside the section.
    static func lastContentLine(of item: ListItemSpan, within section: Section, lines: LineTable, bytes: [UInt8]) -> Int {
        var last = min(item.lastLine, section.endLine)
        while last > item.firstLine, TextLines.isBlank(bytes[lines.starts[last]..<lines.contentEnds[last]]) { last -= 1 }
        return last
    }
}
