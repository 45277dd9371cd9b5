/// Line-level reading of markdown text for the checks: which lines are code, which bracketed
/// texts are links, and which are template placeholders left unfilled.
package enum MarkdownText {
    /// For each line of `document`, whether its text is literal rather than prose: inside a
    /// fenced code block (``` or ~~~, also indented inside a list item or block quote) or in
    /// the front matter.
    package static func literalLines(of document: Document) -> [Bool] {
        var literal = [Bool](repeating: false, count: document.lines.count)
        if let frontMatter = document.frontMatter {
            for line in frontMatter where line < literal.count { literal[line] = true }
        }
        var open: (character: UInt8, length: Int)?
        for line in 0..<document.lines.count where !literal[line] {
            let text = contentAfterContainers(document.text(ofLine: line))
            let run = text.prefix { $0 == (text.first ?? 0) }.count
            let character = text.first ?? 0
            if let fence = open {
                literal[line] = true
                if character == fence.character, run >= fence.length, text.dropFirst(run).allSatisfy(ASCII.isWhitespace) {
                    open = nil
                }
            } else if (character == ASCII.backtick || character == ASCII.tilde), run >= 3,
                      character == ASCII.tilde || !text.dropFirst(run).contains(ASCII.backtick) {
                literal[line] = true
                open = (character, run)
            }
        }
        return literal
    }

    /// A line's text after its indentation and any block quote or list markers.
    static func contentAfterContainers(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var text = line
        while true {
            text = text.drop(while: ASCII.isSpaceOrTab)
            guard let first = text.first else { return text }
            if first == ASCII.greaterThan {
                text = text.dropFirst()
            } else if (first == ASCII.minus || first == ASCII.star || first == ASCII.plus),
                      text.dropFirst().first.map(ASCII.isSpaceOrTab) ?? false {
                text = text.dropFirst(2)
            } else {
                return text
            }
        }
    }

    /// The normalised labels of the link reference definitions (`[label]: url`) in the
    /// document's prose lines.
    package static func definitionLabels(of document: Document, literal: [Bool]) -> Set<String> {
        var labels = Set<String>()
        for line in 0..<document.lines.count where !literal[line] {
            let text = document.text(ofLine: line)
            let indent = text.prefix { $0 == ASCII.space }.count
            guard indent <= 3, text.dropFirst(indent).first == ASCII.openBracket,
                  let close = closingBracket(text, from: text.startIndex + indent),
                  close + 1 < text.endIndex, text[close + 1] == ASCII.colon else { continue }
            labels.insert(normalizedLabel(text[(text.startIndex + indent + 1)..<close]))
        }
        return labels
    }

    /// The template placeholders in one line of prose: bracketed text such as `[Date]` or
    /// `[Choice made]` that is not a link (`[text](url)`, `[text][ref]`, `[text][]`, a
    /// `[text]` with a definition), an image, a link definition, a footnote (`[^1]`), a task
    /// box (`[ ]`, `[x]`), an index (`items[0]`), or inside a code span. Each as `[text]`.
    package static func placeholders(in line: ArraySlice<UInt8>, definitions: Set<String>) -> [String] {
        guard ByteSearch.contains(ASCII.openBracket, in: line) else { return [] }
        var found: [String] = []
        var position = line.startIndex
        let end = line.endIndex
        while position < end {
            let byte = line[position]
            if byte == ASCII.backslash {
                position += 2
                continue
            }
            if byte == ASCII.backtick {
                position = codeSpanEnd(line, from: position)
                continue
            }
            guard byte == ASCII.openBracket, let close = closingBracket(line, from: position) else {
                position += 1
                continue
            }
            let label = line[(position + 1)..<close]
            let next = close + 1 < end ? line[close + 1] : nil
            let previous = position > line.startIndex ? line[position - 1] : nil
            if next == ASCII.openParen {
                position = closingParen(line, from: close + 1)
                continue
            }
            if next == ASCII.openBracket {
                position = closingBracket(line, from: close + 1).map { $0 + 1 } ?? close + 1
                continue
            }
            if next == ASCII.colon, line[line.startIndex..<position].allSatisfy({ $0 == ASCII.space }) {
                return found
            }
            let isIndex = previous.map { ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == ASCII.closeParen || $0 == ASCII.closeBracket } ?? false
            let trimmed = label.drop(while: ASCII.isWhitespace)
            let isTaskBox = label.count == 1 && (label.first == ASCII.space || ASCII.lowercased(label.first!) == UInt8(ascii: "x"))
            let isReference = definitions.contains(normalizedLabel(label))
            if !trimmed.isEmpty, trimmed.first != UInt8(ascii: "^"), previous != ASCII.bang, !isIndex, !isTaskBox, !isReference {
                found.append("[" + String(decoding: label, as: UTF8.self) + "]")
            }
            position = close + 1
        }
        return found
    }

    /// The `]` that closes the `[` at `start` (nested brackets counted, escapes skipped), if any.
    static func closingBracket(_ text: ArraySlice<UInt8>, from start: Int) -> Int? {
        closing(ASCII.openBracket, ASCII.closeBracket, in: text, from: start)
    }

    /// The position after the `)` that closes the `(` at `start`, or the end of the text.
    private static func closingParen(_ text: ArraySlice<UInt8>, from start: Int) -> Int {
        closing(ASCII.openParen, ASCII.closeParen, in: text, from: start).map { $0 + 1 } ?? text.endIndex
    }

    /// The `close` byte that balances the `open` byte at `start`, nesting counted and
    /// backslash escapes skipped; nil when the text ends first.
    private static func closing(_ open: UInt8, _ close: UInt8, in text: ArraySlice<UInt8>, from start: Int) -> Int? {
        var depth = 0
        var position = start
        while position < text.endIndex {
            let byte = text[position]
            if byte == ASCII.backslash {
                position += 1
            } else if byte == open {
                depth += 1
            } else if byte == close {
                depth -= 1
                if depth == 0 { return position }
            }
            position += 1
        }
        return nil
    }

    /// The position after the code span opened by the backtick run at `start`, or after the
    /// run itself when no run of the same length closes it on this line.
    private static func codeSpanEnd(_ text: ArraySlice<UInt8>, from start: Int) -> Int {
        let length = text[start...].prefix { $0 == ASCII.backtick }.count
        var position = start + length
        while position < text.endIndex {
            guard text[position] == ASCII.backtick else {
                position += 1
                continue
            }
            let run = text[position...].prefix { $0 == ASCII.backtick }.count
            if run == length { return position + run }
            position += run
        }
        return start + length
    }

    /// A link label as CommonMark matches it: trimmed, white space collapsed, case folded
    /// (ASCII).
    static func normalizedLabel(_ label: ArraySlice<UInt8>) -> String {
        String(decoding: Array(Title.normalized(String(decoding: label, as: UTF8.self)).utf8).map(ASCII.lowercased), as: UTF8.self)
    }

    /// Whether a `Last updated` value is a date: `YYYY-MM-DD`, optionally wrapped in `*`, `_`
    /// or backticks, optionally followed by a space or `T` and more (a time, a note).
    package static func isDate(_ value: ArraySlice<UInt8>) -> Bool {
        date(in: value) != nil
    }

    /// The `YYYY-MM-DD` date a `Last updated` value starts with, as `isDate` reads it.
    package static func date(in value: ArraySlice<UInt8>) -> String? {
        func isWrapper(_ byte: UInt8) -> Bool { byte == ASCII.star || byte == ASCII.underscore || byte == ASCII.backtick }
        var text = value.drop(while: isWrapper)
        while let last = text.last, isWrapper(last) { text = text.dropLast() }
        let date = String(decoding: text.prefix(10), as: UTF8.self)
        guard text.count >= 10, CalendarDate.isValid(date) else { return nil }
        let rest = text.dropFirst(10)
        return rest.isEmpty || ASCII.isSpaceOrTab(rest.first!) || rest.first == UInt8(ascii: "T") ? date : nil
    }
}
