/// Checks a body on its own, before it is placed: it must be UTF-8 without NUL, hold no
/// heading that would end its section, and close every block it opens, so that whatever
/// follows it (the next section, or one added at the end later) still parses as before.
enum BodyCheck {
    /// The line added after a body to see whether something it left open swallows it.
    static let probe = Array("# insights-probe".utf8)

    /// Throws `badData` naming the body's line when `body` reaches outside a section whose
    /// heading has level `level`.
    static func validate(_ body: [UInt8], sectionLevel level: Int) throws {
        try UTF8Validation.check(body, what: "body")
        var text = TextLines.normalized(body, lineEnding: [ASCII.lf])
        let bodyLines = TextLines.lineCount(text, in: 0..<text.count)
        if !TextLines.endsWithBlankLine(text) { text.append(ASCII.lf) }
        text += probe + [ASCII.lf]
        let lines = LineTable(text)
        let structure = BlockScanner.scan(text, lines: lines, options: .commonMark)
        for heading in structure.headings where heading.firstLine < bodyLines && heading.level <= level {
            throw InsightsError(
                .badData,
                "body line \(heading.firstLine + 1): \(describe(heading)) would end the level-\(level) section it is written into",
                hint: "use headings of level \(level + 1) or deeper inside the section (\(String(repeating: "#", count: min(level + 1, 6))) Title)")
        }
        let probeLine = lines.count - 1
        guard structure.headings.last?.firstLine == probeLine else {
            let opener = structure.lastTopLevelBlockLine ?? 0
            let what = describeBlock(text[lines.starts[opener]..<lines.contentEnds[opener]])
            throw InsightsError(
                .badData,
                "body line \(opener + 1): \(what) is never closed; it would swallow everything after the section",
                hint: "close it inside the body")
        }
    }

    static func describe(_ heading: Heading) -> String {
        let style = heading.style == .setext ? "a setext underline making a level-\(heading.level) heading" : "a level-\(heading.level) heading"
        return "\(style) \"\(heading.title)\""
    }

    /// Names the kind of block that starts on `line`.
    static func describeBlock(_ line: ArraySlice<UInt8>) -> String {
        let text = line.drop(while: ASCII.isSpaceOrTab)
        if text.starts(with: Array("```".utf8)) || text.starts(with: Array("~~~".utf8)) { return "this code fence" }
        if text.starts(with: Array("<!--".utf8)) { return "this HTML comment" }
        if text.first == ASCII.lessThan { return "this HTML block" }
        if let marker = text.first, marker == ASCII.minus || marker == ASCII.plus || marker == ASCII.star || ASCII.isDigit(marker) {
            return "this list (a following line indented under it stays in the list)"
        }
        return "this block"
    }
}
