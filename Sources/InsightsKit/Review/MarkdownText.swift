/// Line-level reading of markdown text for the checks: which lines are code, which bracketed
/// texts are links, and which are template placeholders left unfilled.
package enum MarkdownText {
    /// The lines of `document` whose text is literal rather than prose: inside a fenced code
    /// block (``` or ~~~, also indented inside a list item or block quote) or in the front
    /// matter.
    package static func literalLines(of document: Document) -> BitSet {
        var literal = BitSet(count: document.lines.count)
        if let frontMatter = document.frontMatter {
            for line in frontMatter where line < document.lines.count { literal.insert(line) }
        }
        var open: (character: UInt8, length: Int)?
        for (line, written) in document.texts() where !literal[line] {
            let text = contentAfterContainers(written)
            let run = text.prefix { $0 == (text.first ?? 0) }.count
            let character = text.first ?? 0
            if let fence = open {
                literal.insert(line)
                if character == fence.character, run >= fence.length, text.dropFirst(run).allSatisfy(ASCII.isWhitespace) {
                    open = nil
                }
            } else if (character == ASCII.backtick || character == ASCII.tilde), run >= 3,
                      character == ASCII.tilde || !text.dropFirst(run).contains(ASCII.backtick) {
                literal.insert(line)
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
    package static func definitionLabels(of document: Document, literal: BitSet) -> Set<String> {
        var labels = Set<String>()
        for (line, text) in document.texts() where !literal[line] {
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
        var brackets = BracketScan(line)
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
            guard byte == ASCII.openBracket, let close = brackets.closing(from: position) else {
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
                position = brackets.closing(from: close + 1).map { $0 + 1 } ?? close + 1
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

    /// The `]`s that close the `[`s of one line, for scans from ever later `[`s. A scan that
    /// finds its `]` passes over bytes no later scan starts in, but one that runs off the end
    /// of the line would run off it again from the next `[`: after the first such scan, which
    /// `[`s no `]` closes is worked out for the whole line in one pass from its end (a `[` is
    /// closed by the nearest `]` after it that no nearer `[` takes), and their scans are not
    /// run again. A line of unmatched `[`s is read a bounded number of times, not once per `[`.
    struct BracketScan {
        let line: ArraySlice<UInt8>
        /// Bit `i` set: the byte at offset `i` of the line is a `[` that no `]` closes. Empty
        /// until a scan runs off the end of the line.
        private var unclosed: [UInt64] = []

        init(_ line: ArraySlice<UInt8>) {
            self.line = line
        }

        /// The `]` that closes the `[` at `start`, as ``MarkdownText/closingBracket(_:from:)``.
        mutating func closing(from start: Int) -> Int? {
            if !unclosed.isEmpty {
                let offset = start - line.startIndex
                if unclosed[offset >> 6] & (1 << UInt64(offset & 63)) != 0 { return nil }
            }
            if let close = closingBracket(line, from: start) { return close }
            if unclosed.isEmpty { unclosed = Self.unclosedBrackets(line) }
            return nil
        }

        /// The `[`s of `line` that no `]` closes, as a bit set over the line's offsets: one pass
        /// from the end counting the `]`s not yet taken. A byte is escaped when an odd run of
        /// backslashes comes before it, as a left-to-right reading that skips each escaped byte
        /// finds it.
        private static func unclosedBrackets(_ line: ArraySlice<UInt8>) -> [UInt64] {
            var bits = [UInt64](repeating: 0, count: line.count / 64 + 1)
            var pendingClosers = 0
            var position = line.endIndex - 1
            while position >= line.startIndex {
                let byte = line[position]
                guard byte == ASCII.openBracket || byte == ASCII.closeBracket else {
                    position -= 1
                    continue
                }
                var backslashes = 0
                while position - backslashes > line.startIndex, line[position - backslashes - 1] == ASCII.backslash {
                    backslashes += 1
                }
                if backslashes % 2 == 0 {
                    if byte == ASCII.closeBracket {
                        pendingClosers += 1
                    } else if pendingClosers > 0 {
                        pendingClosers -= 1
                    } else {
                        let offset = position - line.startIndex
                        bits[offset >> 6] |= 1 << UInt64(offset & 63)
                    }
                }
                position -= backslashes + 1
            }
            return bits
        }
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
