/// Keyed entries: list items that start with `**Key**:` (or `**Key:**`), as the agents'
/// skeletons write them (`- **Database Choice**: PostgreSQL - Rationale: ...`).
enum KeyedEntry {
    /// Throws unless `key` and `value` can make one list item line.
    static func check(key: String, value: String) throws {
        guard !key.isEmpty, !key.contains("**") else {
            throw InsightsError(.usage, "a key must be non-empty text without `**`, not \(key.debugDescription)")
        }
        for (what, text) in [("key", key), ("value", value)] where text.utf8.contains(where: { $0 == ASCII.lf || $0 == ASCII.cr }) {
            throw InsightsError(.badData, "the \(what) must be one line: \(text.debugDescription)")
        }
    }

    /// `document`'s bytes with the entry `key` of `section` set to `value`: the first list
    /// item of the section that starts with the key gets `value` as its text (its
    /// continuation lines go with the old text); without one, `- **KEY**: VALUE` is added
    /// after the section's last list item, or at the end of its content.
    static func upserting(key: String, value: String, in section: Section, of document: Document, eol: [UInt8]) -> [UInt8] {
        let bytes = document.bytes
        let lines = document.lines
        let items = document.structure.listItems.filter {
            $0.firstLine > section.heading.lastLine && $0.firstLine <= section.endLine
        }
        let text = value.isEmpty ? [] : [ASCII.space] + Array(value.utf8)
        var result = bytes
        for item in items {
            guard let keyEnd = keyEnd(bytes, from: item.contentStart, to: lines.contentEnds[item.firstLine], key: Array(key.utf8)) else { continue }
            let last = lastContentLine(of: item, within: section, lines: lines, bytes: bytes)
            result.replaceSubrange(keyEnd..<lines.contentEnds[last], with: text)
            return result
        }
        var entry = Array("**\(key)**:".utf8) + text + eol
        let point: Int
        if let item = items.last {
            let last = lastContentLine(of: item, within: section, lines: lines, bytes: bytes)
            point = lines.end(ofLine: last)
            let marker = bytes[lines.starts[item.firstLine]..<item.contentStart]
            let bullet = marker.contains { $0 == ASCII.minus || $0 == ASCII.star || $0 == ASCII.plus }
            entry = (bullet ? Array(marker) : Array("- ".utf8)) + entry
        } else {
            point = Document.endOfContent(bytes, in: section.bodyRange)
            entry = Array("- ".utf8) + entry
            if point > section.bodyRange.lowerBound, !TextLines.endsWithBlankLine(Array(bytes[..<point])) { entry = eol + entry }
        }
        if point < section.bodyRange.upperBound {
            let next = TextLines.endOfLine(bytes, from: point, upperBound: bytes.count)
            if !TextLines.isBlank(bytes[point..<TextLines.contentEnd(bytes, lineStart: point, end: next)]) { entry += eol }
        }
        result.replaceSubrange(point..<point, with: entry)
        return result
    }

    /// Where `**KEY**:` or `**KEY:**` ends when the item's text starts with it.
    static func keyEnd(_ bytes: [UInt8], from start: Int, to end: Int, key: [UInt8]) -> Int? {
        var position = start
        while position < end, ASCII.isSpaceOrTab(bytes[position]) { position += 1 }
        let text = bytes[position..<end]
        for form in [Array("**".utf8) + key + Array("**:".utf8), Array("**".utf8) + key + Array(":**".utf8)] where text.starts(with: form) {
            return position + form.count
        }
        return nil
    }

    /// The item's last line that is not blank, inside the section.
    static func lastContentLine(of item: ListItemSpan, within section: Section, lines: LineTable, bytes: [UInt8]) -> Int {
        var last = min(item.lastLine, section.endLine)
        while last > item.firstLine, TextLines.isBlank(bytes[lines.starts[last]..<lines.contentEnds[last]]) { last -= 1 }
        return last
    }
}
