/// Link reference definitions (`[label]: destination "title"`), recognised only to decide
/// whether a paragraph made of them can be underlined into a setext heading. Follows the
/// reference implementation's grammar; nothing of the definition is kept.
enum LinkReferenceDefinition {
    /// The byte length of the definition starting at `start` in `text` (paragraph text with
    /// `\n` line endings), through the end of its line; nil when none starts there.
    static func length(in text: [UInt8], from start: Int) -> Int? {
        var position = start
        guard let labelEnd = labelEnd(text, from: position) else { return nil }
        guard hasNonWhitespace(text, (start + 1)..<(labelEnd - 1)) else { return nil }
        position = labelEnd
        guard position < text.count, text[position] == ASCII.colon else { return nil }
        position += 1
        position = skipSpacesAndOneNewline(text, from: position)
        guard let destinationEnd = destinationEnd(text, from: position) else { return nil }
        position = destinationEnd
        let beforeTitle = position
        let afterSpaces = skipSpacesAndOneNewline(text, from: position)
        if afterSpaces != beforeTitle, let titleEnd = titleEnd(text, from: afterSpaces),
           let lineEnd = restOfLineIsBlank(text, from: titleEnd) {
            return lineEnd - start
        }
        guard let lineEnd = restOfLineIsBlank(text, from: beforeTitle) else { return nil }
        return lineEnd - start
    }

    /// `[` ... `]` with at most 999 characters inside, no unescaped brackets.
    private static func labelEnd(_ text: [UInt8], from start: Int) -> Int? {
        guard start < text.count, text[start] == ASCII.openBracket else { return nil }
        var position = start + 1
        var characters = 0
        while position < text.count {
            let byte = text[position]
            if byte == ASCII.closeBracket { return position + 1 }
            if byte == ASCII.openBracket { return nil }
            if byte == ASCII.backslash {
                guard position + 1 < text.count else { return nil }
                characters += 1
                position += 1
            }
            if text[position] & 0xC0 != 0x80 { characters += 1 }
            if characters > 999 { return nil }
            position += 1
        }
        return nil
    }

    private static func hasNonWhitespace(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        range.contains { !ASCII.isWhitespace(text[$0]) }
    }

    /// Spaces, at most one line ending, spaces.
    private static func skipSpacesAndOneNewline(_ text: [UInt8], from start: Int) -> Int {
        var position = start
        while position < text.count, text[position] == ASCII.space { position += 1 }
        if position < text.count, text[position] == ASCII.lf {
            position += 1
            while position < text.count, text[position] == ASCII.space { position += 1 }
        }
        return position
    }

    /// `<...>` without line endings or unescaped `<`/`>`, or a non-empty run without white
    /// space and with balanced parentheses.
    private static func destinationEnd(_ text: [UInt8], from start: Int) -> Int? {
        var position = start
        if position < text.count, text[position] == ASCII.lessThan {
            position += 1
            while position < text.count {
                let byte = text[position]
                if byte == ASCII.greaterThan { return position + 1 }
                if byte == ASCII.lessThan || byte == ASCII.lf || byte == 0 { return nil }
                if byte == ASCII.backslash {
                    position += 1
                    guard position < text.count, text[position] != ASCII.lf else { return nil }
                }
                position += 1
            }
            return nil
        }
        var depth = 0
        var last: UInt8?
        while position < text.count {
            let byte = text[position]
            last = byte
            if byte == ASCII.backslash, position + 1 < text.count, ASCII.isPunctuation(text[position + 1]) {
                position += 2
            } else if byte == ASCII.openParen {
                depth += 1
                position += 1
            } else if byte == ASCII.closeParen {
                if depth < 1 { break }
                depth -= 1
                position += 1
            } else if ASCII.isWhitespace(byte) {
                break
            } else {
                position += 1
            }
        }
        if position == start && last != ASCII.closeParen { return nil }
        return depth == 0 ? position : nil
    }

    /// `"..."`, `'...'` or `(...)`, a backslash escaping the next character.
    private static func titleEnd(_ text: [UInt8], from start: Int) -> Int? {
        guard start < text.count else { return nil }
        let open = text[start]
        let close: UInt8
        switch open {
        case ASCII.quote, ASCII.apostrophe: close = open
        case ASCII.openParen: close = ASCII.closeParen
        default: return nil
        }
        var position = start + 1
        while position < text.count {
            let byte = text[position]
            if byte == close { return position + 1 }
            if byte == 0 || (open == ASCII.openParen && byte == ASCII.openParen) { return nil }
            if byte == ASCII.backslash, position + 1 < text.count, text[position + 1] != 0 {
                position += 1
            }
            position += 1
        }
        return nil
    }

    /// Position after the line ending when only spaces remain on the line.
    private static func restOfLineIsBlank(_ text: [UInt8], from start: Int) -> Int? {
        var position = start
        while position < text.count, text[position] == ASCII.space { position += 1 }
        if position == text.count { return position }
        return text[position] == ASCII.lf ? position + 1 : nil
    }
}
