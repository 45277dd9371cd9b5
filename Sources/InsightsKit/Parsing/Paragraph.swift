/// The open paragraph. Its lines are remembered (as the byte offset where each line's text
/// starts) only while link reference definitions at its start may still matter, that is
/// while it starts with `[` and no setext underline has been tried yet.
struct ParagraphState {
    /// 0-based line of the paragraph's first line.
    var firstLine = 0
    /// Number of lines so far.
    var lineCount = 0
    /// Where each line's text starts, kept only while `definitionLines` is unknown and the
    /// paragraph starts with `[`.
    var textStarts: [Int] = []
    /// Number of leading lines that are link reference definitions, once determined.
    var definitionLines: Int?

    init(firstLine: Int = 0) {
        self.firstLine = firstLine
    }
}

extension ScanState {
    mutating func addParagraphLine() {
        if paragraph.lineCount == 0 {
            if peek(offset) != ASCII.openBracket { paragraph.definitionLines = 0 }
        }
        if paragraph.definitionLines == nil {
            paragraph.textStarts.append(offset)
        }
        paragraph.lineCount += 1
    }

    /// How many leading lines of the open paragraph are link reference definitions.
    /// Decided once: after the first setext underline is tried, the paragraph either becomes
    /// a heading or takes the underline as text, which ends any definition.
    mutating func paragraphDefinitionLines() -> Int {
        if let known = paragraph.definitionLines { return known }
        var text: [UInt8] = []
        for (number, start) in paragraph.textStarts.enumerated() {
            // The text of a paragraph line runs to the end of its source line.
            let end = contentEnd(ofLine: paragraph.firstLine + number)
            if start < end { text.append(contentsOf: bytes[start..<end]) }
            text.append(ASCII.lf)
        }
        var consumed = 0
        while consumed < text.count, text[consumed] == ASCII.openBracket,
              let length = LinkReferenceDefinition.length(in: text, from: consumed) {
            consumed += length
        }
        // A definition ends at the end of a line, so the lines it took are whole.
        let definitionLines = text[0..<consumed].reduce(0) { $0 + ($1 == ASCII.lf ? 1 : 0) }
        paragraph.definitionLines = definitionLines
        paragraph.textStarts = []
        return definitionLines
    }
}
