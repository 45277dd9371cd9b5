/// The seven kinds of HTML block: how each starts and, for kinds 1 to 5, which text on a
/// line ends it (kinds 6 and 7 end at a blank line).
enum HTMLBlock {
    private static let rawTextTags: [[UInt8]] = ["script", "pre", "textarea", "style"].map { Array($0.utf8) }
    private static let blockTags: Set<[UInt8]> = Set([
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
        "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
        "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ].map { Array($0.utf8) })

    /// The kind of HTML block that starts at `start` (a `<`), or nil. Kind 7 is reported only
    /// when `mayBeKind7` (it cannot interrupt a paragraph).
    static func startKind(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, mayBeKind7: Bool) -> Int? {
        let text = Slice(base: bytes, bounds: start..<end)
        guard text.first == ASCII.lessThan else { return nil }
        let afterLess = start + 1
        // 1: <script, <pre, <textarea, <style followed by white space, `>` or the line end.
        for tag in rawTextTags where hasPrefixIgnoringCase(bytes, at: afterLess, end: end, tag) {
            let next = afterLess + tag.count
            if next == end || ASCII.isWhitespace(bytes[next]) || bytes[next] == ASCII.greaterThan { return 1 }
        }
        if hasPrefix(bytes, at: afterLess, end: end, Array("!--".utf8)) { return 2 }
        if hasPrefix(bytes, at: afterLess, end: end, [ASCII.question]) { return 3 }
        if hasPrefix(bytes, at: afterLess, end: end, Array("![CDATA[".utf8)) { return 5 }
        if afterLess + 1 < end, bytes[afterLess] == ASCII.bang, ASCII.isLetter(bytes[afterLess + 1]) { return 4 }
        // 6: a block-level tag name, opening or closing.
        var nameStart = afterLess
        if nameStart < end, bytes[nameStart] == ASCII.slash { nameStart += 1 }
        var nameEnd = nameStart
        while nameEnd < end, ASCII.isLetter(bytes[nameEnd]) || ASCII.isDigit(bytes[nameEnd]) { nameEnd += 1 }
        if nameEnd > nameStart, blockTags.contains(bytes[nameStart..<nameEnd].map(ASCII.lowercased)) {
            if nameEnd == end || ASCII.isWhitespace(bytes[nameEnd]) || bytes[nameEnd] == ASCII.greaterThan {
                return 6
            }
            if bytes[nameEnd] == ASCII.slash, nameEnd + 1 < end, bytes[nameEnd + 1] == ASCII.greaterThan {
                return 6
            }
        }
        if mayBeKind7, let tagEnd = completeTagEnd(bytes, from: start, to: end),
           bytes[tagEnd..<end].allSatisfy(ASCII.isWhitespace) {
            return 7
        }
        return nil
    }

    /// Whether the text of a line ends an HTML block of kind 1 to 5.
    static func endsOnLine(kind: Int, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        switch kind {
        case 1:
            var position = start
            while position + 1 < end {
                if bytes[position] == ASCII.lessThan, bytes[position + 1] == ASCII.slash {
                    for tag in rawTextTags where hasPrefixIgnoringCase(bytes, at: position + 2, end: end, tag) {
                        let close = position + 2 + tag.count
                        if close < end, bytes[close] == ASCII.greaterThan { return true }
                    }
                }
                position += 1
            }
            return false
        case 2: return contains(bytes, start, end, Array("-->".utf8))
        case 3: return contains(bytes, start, end, Array("?>".utf8))
        case 4: return contains(bytes, start, end, [ASCII.greaterThan])
        default: return contains(bytes, start, end, Array("]]>".utf8))
        }
    }

    /// The end of a complete open tag (`<name attr="v" ...>`, `/>`) or closing tag
    /// (`</name >`) starting at `start`.
    static func completeTagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var position = start + 1
        let closing = position < end && bytes[position] == ASCII.slash
        if closing { position += 1 }
        guard position < end, ASCII.isLetter(bytes[position]) else { return nil }
        while position < end, ASCII.isLetter(bytes[position]) || ASCII.isDigit(bytes[position]) || bytes[position] == ASCII.minus {
            position += 1
        }
        if closing {
            while position < end, ASCII.isWhitespace(bytes[position]) { position += 1 }
            return position < end && bytes[position] == ASCII.greaterThan ? position + 1 : nil
        }
        // Attributes: white space, a name, and an optional `= value`.
        while true {
            var afterSpace = position
            while afterSpace < end, ASCII.isWhitespace(bytes[afterSpace]) { afterSpace += 1 }
            guard afterSpace > position, afterSpace < end, isAttributeNameStart(bytes[afterSpace]) else { break }
            var cursor = afterSpace + 1
            while cursor < end, isAttributeNameStart(bytes[cursor]) || ASCII.isDigit(bytes[cursor])
                    || bytes[cursor] == ASCII.dot || bytes[cursor] == ASCII.minus {
                cursor += 1
            }
            var afterName = cursor
            while afterName < end, ASCII.isWhitespace(bytes[afterName]) { afterName += 1 }
            if afterName < end, bytes[afterName] == ASCII.equals {
                var valueStart = afterName + 1
                while valueStart < end, ASCII.isWhitespace(bytes[valueStart]) { valueStart += 1 }
                guard let valueEnd = attributeValueEnd(bytes, from: valueStart, to: end) else { return nil }
                cursor = valueEnd
            }
            position = cursor
        }
        while position < end, ASCII.isWhitespace(bytes[position]) { position += 1 }
        if position < end, bytes[position] == ASCII.slash { position += 1 }
        return position < end && bytes[position] == ASCII.greaterThan ? position + 1 : nil
    }

    private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        ASCII.isLetter(byte) || byte == ASCII.underscore || byte == ASCII.colon
    }

    private static func attributeValueEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        let first = bytes[start]
        if first == ASCII.quote || first == ASCII.apostrophe {
            var position = start + 1
            while position < end, bytes[position] != first { position += 1 }
            return position < end ? position + 1 : nil
        }
        var position = start
        while position < end {
            let byte = bytes[position]
            if byte <= 0x20 || byte == ASCII.quote || byte == ASCII.apostrophe || byte == ASCII.equals
                || byte == ASCII.lessThan || byte == ASCII.greaterThan || byte == ASCII.backtick {
                break
            }
            position += 1
        }
        return position > start ? position : nil
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, _ prefix: [UInt8]) -> Bool {
        guard end - start >= prefix.count else { return false }
        for (index, byte) in prefix.enumerated() where bytes[start + index] != byte { return false }
        return true
    }

    private static func hasPrefixIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, _ prefix: [UInt8]) -> Bool {
        guard end - start >= prefix.count else { return false }
        for (index, byte) in prefix.enumerated() where ASCII.lowercased(bytes[start + index]) != byte { return false }
        return true
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ needle: [UInt8]) -> Bool {
        guard end - start >= needle.count else { return false }
        var position = start
        while position + needle.count <= end {
            if bytes[position] == needle[0], hasPrefix(bytes, at: position, end: end, needle) { return true }
            position += 1
        }
        return false
    }
}

extension ScanState {
    mutating func startHTMLBlock(container: BlockKind) -> Bool {
        guard !indented, peek(nextNonspace) == ASCII.lessThan else { return false }
        let maybeLazy = !allClosed && !blank && tip.kind == .paragraph
        let mayBeKind7 = container != .paragraph && !maybeLazy
        guard let kind = HTMLBlock.startKind(bytes, from: nextNonspace, to: lineEnd, mayBeKind7: mayBeKind7) else {
            return false
        }
        closeUnmatchedBlocks()
        addChild(.htmlBlock)
        open[open.count - 1].htmlKind = kind
        tipChanged()
        return true
    }
}
