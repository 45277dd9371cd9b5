/// Small pure functions over the lines of a byte buffer, used to lay out edited text.
enum TextLines {
    /// Whether a line's text (without its ending) holds only spaces and tabs.
    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy(ASCII.isSpaceOrTab)
    }

    /// `text` with every line ending (`\n`, `\r\n`, `\r`) replaced by `lineEnding`, and one
    /// added at the end when the text is not empty and lacks one (unless not `endingLine`).
    static func normalized(_ text: [UInt8], lineEnding: [UInt8], endingLine: Bool = true) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count + text.count / 16)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == ASCII.lf || byte == ASCII.cr {
                result.append(contentsOf: lineEnding)
                if byte == ASCII.cr, index + 1 < text.count, text[index + 1] == ASCII.lf { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        if endingLine, let last = text.last, last != ASCII.lf, last != ASCII.cr {
            result.append(contentsOf: lineEnding)
        }
        return result
    }

    /// The offset where the trailing blank lines of `text[range]` begin (`range.upperBound`
    /// when there are none). A last line without an ending counts as a line.
    static func trailingBlankStart(_ text: [UInt8], in range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound {
            let lineStart = startOfLine(text, endingAt: end, lowerBound: range.lowerBound)
            let content = text[lineStart..<contentEnd(text, lineStart: lineStart, end: end)]
            guard isBlank(content) else { break }
            end = lineStart
        }
        return end
    }

    /// `bytes` cut before its trailing blank lines: the text, and the blank lines.
    static func splitTrailingBlankLines(_ bytes: ArraySlice<UInt8>) -> (text: [UInt8], blank: [UInt8]) {
        let array = Array(bytes)
        let start = trailingBlankStart(array, in: 0..<array.count)
        return (Array(array[..<start]), Array(array[start...]))
    }

    /// The offset where the leading blank lines of `text[range]` end.
    static func leadingBlankEnd(_ text: [UInt8], in range: Range<Int>) -> Int {
        var start = range.lowerBound
        while start < range.upperBound {
            let next = endOfLine(text, from: start, upperBound: range.upperBound)
            guard isBlank(text[start..<contentEnd(text, lineStart: start, end: next)]) else { break }
            start = next
        }
        return start
    }

    /// The start of the last line of `text[lowerBound..<end]`.
    static func startOfLine(_ text: [UInt8], endingAt end: Int, lowerBound: Int) -> Int {
        var position = end
        if position > lowerBound, text[position - 1] == ASCII.lf { position -= 1 }
        if position > lowerBound, text[position - 1] == ASCII.cr { position -= 1 }
        while position > lowerBound, text[position - 1] != ASCII.lf, text[position - 1] != ASCII.cr { position -= 1 }
        return position
    }

    /// The offset just past the line ending of the line starting at `start`.
    static func endOfLine(_ text: [UInt8], from start: Int, upperBound: Int) -> Int {
        var position = start
        while position < upperBound, text[position] != ASCII.lf, text[position] != ASCII.cr { position += 1 }
        guard position < upperBound else { return position }
        if text[position] == ASCII.cr, position + 1 < upperBound, text[position + 1] == ASCII.lf { return position + 2 }
        return position + 1
    }

    /// The end of a line's text, before its ending.
    static func contentEnd(_ text: [UInt8], lineStart: Int, end: Int) -> Int {
        var position = end
        if position > lineStart, text[position - 1] == ASCII.lf { position -= 1 }
        if position > lineStart, text[position - 1] == ASCII.cr { position -= 1 }
        return position
    }

    /// The line ending of the first line of `text`; `\n` when it has none.
    static func firstLineEnding(_ text: [UInt8]) -> [UInt8] {
        guard let end = text.firstIndex(where: { $0 == ASCII.lf || $0 == ASCII.cr }) else { return [ASCII.lf] }
        return text[end] == ASCII.cr && end + 1 < text.count && text[end + 1] == ASCII.lf ? [ASCII.cr, ASCII.lf] : [text[end]]
    }

    /// Whether `text` is empty or ends with a line ending.
    static func endsWithLineEnding(_ text: [UInt8]) -> Bool {
        text.last.map { $0 == ASCII.lf || $0 == ASCII.cr } ?? true
    }

    /// Whether `text` ends with a blank line (or is empty).
    static func endsWithBlankLine(_ text: [UInt8]) -> Bool {
        endsWithBlankLine(text, in: 0..<text.count)
    }

    /// Whether `text[range]` ends with a blank line (or is empty).
    static func endsWithBlankLine(_ text: [UInt8], in range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return true }
        let last = text[range.upperBound - 1]
        guard last == ASCII.lf || last == ASCII.cr else { return false }
        let lineStart = startOfLine(text, endingAt: range.upperBound, lowerBound: range.lowerBound)
        return isBlank(text[lineStart..<contentEnd(text, lineStart: lineStart, end: range.upperBound)])
    }

    /// The number of line endings in `text[range]`.
    static func lineCount(_ text: [UInt8], in range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound {
            if text[index] == ASCII.lf {
                count += 1
            } else if text[index] == ASCII.cr, index + 1 >= range.upperBound || text[index + 1] != ASCII.lf {
                count += 1
            }
            index += 1
        }
        return count
    }
}
