/// Checks a body on its own, before it is placed: it must be UTF-8 without NUL, hold no
/// heading that would end its section, and close every block it opens, so that whatever
/// follows it (the next section, or one added at the end later) still parses as before.
enum BodyCheck {
    /// The line added after a body to see whether something it left open swallows it.
    static let probe = Array("# insights-probe".utf8)

    /// Throws `bodyEscapesSection` naming the body's line when `body` reaches outside a
    /// section whose heading has level `level`. A block left open at the body's end is
    /// accepted only when it is `allowedOpen`: the one the section already leaves open at
    /// the end of the file (an edit may not make the file worse, and need not mend it).
    static func validate(_ body: [UInt8], sectionLevel level: Int, allowedOpen: OpenBlock? = nil) throws {
        guard body.count <= InsightsFile.inputLimit else {
            throw InsightsError(.badData, "the body is larger than \(InsightsFile.inputLimit >> 20) MiB, the most insights writes at once")
        }
        try UTF8Validation.check(body, what: "body")
        let text = TextLines.normalized(body, lineEnding: [ASCII.lf])
        let bodyLines = TextLines.lineCount(text, in: 0..<text.count)
        let probed = Probed(text)
        for heading in probed.document.sections.lazy.map(\.heading) where heading.firstLine < bodyLines && heading.level <= level {
            throw InsightsError(
                .bodyEscapesSection,
                "body line \(heading.firstLine + 1): \(describe(heading)) would end the level-\(level) section it is written into",
                hint: "use headings of level \(level + 1) or deeper inside the section (\(String(repeating: "#", count: min(level + 1, 6))) Title)")
        }
        if let open = probed.openBlock, open != allowedOpen {
            let what = describeBlock(text[probed.lines.starts[open.line]..<probed.lines.contentEnds[open.line]])
            throw InsightsError(
                .bodyEscapesSection,
                "body line \(open.line + 1): \(what) is never closed; it would swallow everything after the section",
                hint: "close it inside the body")
        }
    }

    /// A text followed by a blank line and the probe heading, scanned.
    struct Probed {
        /// The text, the blank line and the probe, scanned.
        let document: Document
        /// The block the text leaves open, which swallows the probe; nil when it is a heading.
        let openBlock: OpenBlock?
        /// The lines of the text and the probe.
        var lines: LineTable { document.lines }
        /// What the scan found.
        var structure: BlockStructure { document.structure }

        init(_ text: [UInt8]) {
            self.init(text[...])
        }

        /// Made in one array of its own: `text` may be as large as the file.
        init(_ text: ArraySlice<UInt8>) {
            var probed: [UInt8] = []
            probed.reserveCapacity(text.count + probe.count + 3)
            probed += text
            if let last = probed.last, last != ASCII.lf, last != ASCII.cr { probed.append(ASCII.lf) }
            if !TextLines.endsWithBlankLine(probed) { probed.append(ASCII.lf) }
            probed += probe + [ASCII.lf]
            document = Document(probed, options: .commonMark)
            let lines = document.lines
            let structure = document.structure
            let probeLine = lines.count - 1
            guard structure.headings.last?.firstLine != probeLine else {
                openBlock = nil
                return
            }
            let opener = structure.lastTopLevelBlockLine ?? 0
            openBlock = OpenBlock(line: opener, opening: probed[lines.starts[opener]..<lines.contentEnds[opener]])
        }
    }

    /// The block a text leaves open at its end, swallowing whatever follows (a code fence, or
    /// an HTML block that ends only at its closing marker): the line that opens it, and what
    /// it is. Two are the same when they are of one kind, a fence of one character and
    /// length, or an HTML block of one kind.
    struct OpenBlock: Equatable {
        /// The 0-based line that opens it.
        let line: Int
        /// `fence` with its character and length, `html` with its kind, else `block`.
        let kind: String

        init(line: Int, opening: ArraySlice<UInt8>) {
            self.line = line
            let text = Array(opening.drop(while: ASCII.isSpaceOrTab))
            kind = text.withUnsafeBufferPointer { buffer in
                if let fence = ScanState.fenceOpening(buffer, from: 0, to: buffer.count) {
                    return "fence \(fence.character) \(fence.length)"
                }
                if let html = HTMLBlock.startKind(buffer, from: 0, to: buffer.count, mayBeKind7: true) {
                    return "html \(html)"
                }
                return "block"
            }
        }

        static func == (lhs: OpenBlock, rhs: OpenBlock) -> Bool { lhs.kind == rhs.kind }
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
