import TestSupport

/// Random CommonMark documents and section bodies, built line by line from every kind of
/// block: ATX and setext headings, paragraphs with lazy continuation, bullet and ordered
/// lists with nesting, block quotes, fenced and indented code, the seven kinds of HTML block,
/// thematic breaks, link reference definitions, tabs, CRLF or CR line endings, a byte order
/// mark, front matter, and text in several scripts.
struct MarkdownGenerator {
    var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    static let words = [
        "memory", "agent", "section", "cache", "PostgreSQL", "naïve", "café", "設計", "记忆", "データ",
        "🚀", "👩‍💻", "✓", "emoji🎉", "`code`", "*emphasis*", "**bold**", "[link](https://example.com)",
        "[ref][adr]", "<span>", "a_b", "#tag", "x\\*y", "100%", "&amp;", "Ω", "한국어", "\u{200B}",
    ]
    static let titles = [
        "System Architecture", "Frontend Patterns", "Key Decisions", "Lessons Learned", "Metrics",
        "API", "設計メモ", "决策", "Émojis 🚀", "Notes", "Open   Questions", "Tabs\tInside", "Last updated",
    ]

    // MARK: Documents

    /// A whole document: its bytes.
    mutating func document() -> [UInt8] {
        var lines: [String] = []
        if random.chance(0.1) {
            lines += ["---", "title: \(random.pick(Self.titles))", random.chance(0.5) ? "---" : "..."]
        }
        for _ in 0..<random.int(0...2) { lines += block(depth: 0) }
        var level = random.int(1...2)
        for _ in 0..<random.int(1...9) {
            level = max(1, min(6, level + random.int(-1...1)))
            lines += heading(level: level)
            for _ in 0..<random.int(0...4) {
                if random.chance(0.25) { lines.append("") }
                lines += block(depth: 0)
            }
            if random.chance(0.2) { lines.append(stampLine()) }
            if random.chance(0.7) { lines.append("") }
        }
        var text = random.chance(0.05) ? "\u{FEFF}" : ""
        let lineEnding = random.chance(0.6) ? "\n" : random.chance(0.85) ? "\r\n" : "\r"
        text += lines.joined(separator: lineEnding)
        if random.chance(0.85) { text += lineEnding }
        return Array(text.utf8)
    }

    /// A section body: `unsafe` ones may hold headings of any level, open blocks left open,
    /// setext underlines, invalid UTF-8 and NUL bytes.
    mutating func body(sectionLevel: Int, unsafe: Bool) -> [UInt8] {
        var lines: [String] = []
        for _ in 0..<random.int(0...4) {
            if random.chance(0.3) { lines.append("") }
            if random.chance(0.2) {
                let lowest = unsafe ? 1 : min(sectionLevel + 1, 6)
                lines += heading(level: random.int(lowest...6))
            } else {
                lines += block(depth: 0, closed: !unsafe)
            }
        }
        if random.chance(0.15) { lines.append(stampLine()) }
        var text = lines.joined(separator: random.chance(0.8) ? "\n" : "\r\n")
        if random.chance(0.8) { text += "\n" }
        var bytes = Array(text.utf8)
        if unsafe, random.chance(0.1) {
            let position = random.int(0...bytes.count)
            bytes.insert(random.pick([0x00, 0xFF, 0xC3, 0xED, 0x80] as [UInt8]), at: position)
        }
        return bytes
    }

    // MARK: Blocks

    mutating func heading(level: Int) -> [String] {
        let title = random.pick(Self.titles)
        if level <= 2, random.chance(0.25) {
            let underline = String(repeating: level == 1 ? "=" : "-", count: random.int(1...5))
            return [indentation() + title, indentation() + underline + (random.chance(0.2) ? "  " : "")]
        }
        var line = indentation() + String(repeating: "#", count: level) + (random.chance(0.1) ? "\t" : " ") + title
        if random.chance(0.15) { line += " " + String(repeating: "#", count: random.int(1...3)) }
        if random.chance(0.1) { line += "   " }
        return [line]
    }

    /// 0 to 3 spaces, mostly none.
    mutating func indentation() -> String {
        random.chance(0.85) ? "" : String(repeating: " ", count: random.int(1...3))
    }

    mutating func stampLine() -> String {
        random.pick(["Last updated: 2026-01-0\(random.int(1...9))", "**Last updated**: [Date]", "- **Last updated:** 2025-12-31"])
    }

    mutating func words(_ count: ClosedRange<Int>) -> String {
        (0..<random.int(count)).map { _ in random.pick(Self.words) }.joined(separator: " ")
    }

    /// One block as lines without line endings. `closed` blocks close what they open.
    mutating func block(depth: Int, closed: Bool = false) -> [String] {
        let kinds = depth < 3 ? 13 : 10
        switch random.int(0...(kinds - 1)) {
        case 0, 1: return paragraph()
        case 2: return fencedCode(closed: closed || random.chance(0.9))
        case 3: return indentedCode()
        case 4: return htmlBlock(closed: closed || random.chance(0.85))
        case 5: return [indentation() + random.pick(["***", "---", "___", "* * *", "- - -", "_\t_ _"])]
        case 6: return linkReferenceDefinitions()
        case 7: return heading(level: random.int(1...6))
        case 8: return paragraph() + [indentation() + random.pick(["===", "---", "= =", "--- -"])]
        case 9: return [""]
        case 10: return list(depth: depth, closed: closed)
        case 11: return blockQuote(depth: depth, closed: closed)
        default: return list(depth: depth, closed: closed)
        }
    }

    mutating func paragraph() -> [String] {
        (0..<random.int(1...3)).map { _ in indentation() + words(1...6) }
    }

    mutating func fencedCode(closed: Bool) -> [String] {
        let character = random.chance(0.6) ? "`" : "~"
        let fence = String(repeating: character, count: random.int(3...5))
        var lines = [indentation() + fence + random.pick(["", "markdown", " swift", "text {.x}"])]
        for _ in 0..<random.int(0...3) {
            lines.append(random.pick(["## Not a heading", "# also not", words(1...4), "", "\tcode", "```", "~~~~~~"]))
        }
        if closed { lines.append(indentation() + fence + String(repeating: character, count: random.int(0...2))) }
        return lines
    }

    mutating func indentedCode() -> [String] {
        (0..<random.int(1...3)).map { _ in (random.chance(0.7) ? "    " : "\t") + random.pick(["# code", words(1...3), "- not a list"]) }
    }

    mutating func htmlBlock(closed: Bool) -> [String] {
        let kinds: [(open: String, close: String)] = [
            ("<div>", ""), ("<div class=\"note\">", "</div>"), ("<!-- comment", "-->"), ("<pre>", "</pre>"),
            ("<script type=\"x\">", "</script>"), ("<?php", "?>"), ("<!DOCTYPE html", ">"), ("<![CDATA[", "]]>"),
            ("<custom-tag data-x=\"1\">", ""), ("<table><tr>", "</tr></table>"), ("<style>", "</style>"),
        ]
        let kind = random.pick(kinds)
        var lines = [indentation() + kind.open]
        for _ in 0..<random.int(0...2) {
            lines.append(random.pick(["## hidden", words(1...3), "<b>bold</b>"]))
        }
        if closed {
            if !kind.close.isEmpty { lines.append(kind.close) }
            lines.append("")
        }
        return lines
    }

    mutating func linkReferenceDefinitions() -> [String] {
        var lines: [String] = []
        for _ in 0..<random.int(1...3) {
            let label = random.pick(["adr", "docs", "Ref Label", "设计", "a\\]b"])
            switch random.int(0...3) {
            case 0: lines.append("[\(label)]: https://example.com/\(label.count)")
            case 1: lines.append("[\(label)]: <https://example.com> \"Title\"")
            case 2: lines += ["[\(label)]:", "  /url", "  'two-line title'"]
            default: lines += ["[\(label)]: /url '", "unclosed title"]
            }
        }
        return lines
    }

    mutating func list(depth: Int, closed: Bool) -> [String] {
        let ordered = random.chance(0.35)
        let bullet = random.pick(["-", "+", "*"])
        let delimiter = random.pick([".", ")"])
        var lines: [String] = []
        for number in 1...random.int(1...4) {
            let marker = ordered ? "\(number)\(delimiter)" : bullet
            let spacing = random.chance(0.85) ? " " : random.pick(["  ", "\t", "    "])
            let prefix = marker + spacing
            let padding = String(repeating: " ", count: marker.count + 1)
            var content: [String] = []
            for _ in 0..<random.int(1...2) {
                if random.chance(0.2) { content.append("") }
                content += random.chance(0.4) ? block(depth: depth + 1, closed: closed) : paragraph()
            }
            if content.isEmpty { content = [""] }
            for (index, line) in content.enumerated() {
                if index == 0 {
                    lines.append(indentation() + prefix + line)
                } else if line.isEmpty {
                    lines.append("")
                } else if random.chance(0.05) && !closed {
                    lines.append(line)
                } else {
                    lines.append((random.chance(0.1) && padding.count >= 4 ? "\t" : padding) + line)
                }
            }
            if random.chance(0.25) { lines.append("") }
        }
        return lines
    }

    mutating func blockQuote(depth: Int, closed: Bool) -> [String] {
        var content: [String] = []
        for _ in 0..<random.int(1...3) {
            content += random.chance(0.5) ? block(depth: depth + 1, closed: closed) : paragraph()
        }
        return content.enumerated().map { index, line in
            if index > 0, !closed, random.chance(0.08) { return line }
            return line.isEmpty ? ">" : random.pick(["> ", ">", " > ", ">\t"]) + line
        }
    }
}
