/// The rules about text that is there twice where once is meant: sections whose titles are
/// the same or differ only loosely, a section closed by more than one `Last updated:` line, and keyed entries
/// that repeat a key.
extension Check {
    /// Sections whose title an earlier section of the same level under the same parent has:
    /// exactly (`duplicate-section`, naming the first section of that title), or in loose form
    /// only (`Title.loose`) without being one of the titles seen before in that group
    /// (`near-duplicate-section`, naming the first section of that loose form). Each is
    /// reported at its heading.
    static func duplicateSections(_ outline: Outline, into findings: inout FindingList) {
        let sections = outline.document.sections
        let headings = sections.headings
        // A number for each section's parent, level and loose title (equal ones, equal
        // numbers), kept once for each number; only the sections whose number repeats are
        // compared by title.
        let prime: UInt64 = 0x0000_0100_0000_01b3
        func group(_ index: Int) -> UInt64 {
            let title = Title.looseHash(sections.title(at: index).utf8)
            return (((title ^ UInt64(bitPattern: Int64(headings.parent(of: index) ?? -1))) &* prime) ^ UInt64(headings.level(at: index))) &* prime
        }
        var seen = Set<UInt64>()
        var repeated = Set<UInt64>()
        for index in sections.indices {
            let group = group(index)
            if !seen.insert(group).inserted { repeated.insert(group) }
        }
        guard !repeated.isEmpty else { return }
        seen = []
        struct Identity: Hashable {
            var parent: Int
            var level: Int
            var loose: String
        }
        // For each loose form: its first section, and the first section of each title.
        var groups: [Identity: (first: Int, titles: [String: Int])] = [:]
        for index in sections.indices where repeated.contains(group(index)) {
            let title = sections.title(at: index)
            let identity = Identity(parent: headings.parent(of: index) ?? -1, level: headings.level(at: index), loose: Title.loose(title))
            guard let found = groups[identity] else {
                groups[identity] = (index, [title: index])
                continue
            }
            let line = headings[index].firstLine + 1
            if let earlier = found.titles[title] {
                findings.add(.duplicateSection, line: line, section: outline.plainPath(of: .section(index)),
                             message: "duplicate section \(outline.name(of: .section(index))) (also at line \(headings[earlier].firstLine + 1))")
            } else {
                groups[identity]?.titles[title] = index
                findings.add(.nearDuplicateSection, line: line, section: outline.plainPath(of: .section(index)),
                             message: "section \(outline.name(of: .section(index))) nearly duplicates \"\(sections.title(at: found.first))\" at line \(headings[found.first].firstLine + 1) (titles equal but for case, emphasis, a trailing colon or spacing)")
            }
        }
    }

    /// `Last updated:` lines that repeat the one closing a top-level section.
    ///
    /// The top-level sections are the sections of level 2 or deeper with no enclosing section
    /// but level-1 ones (a file's title), and level-1 sections without subsections: the ones
    /// agents own, whatever level the file gives them. A top-level section's closing stamp is
    /// its last `Last updated:` line (the one `update` sets), subsections included; lines in
    /// fenced code blocks or the front matter and heading lines are not stamps. Every other
    /// stamp line in the run of blank and stamp lines right before the closing one is a
    /// duplicate, reported at its own line: `Last updated: A` directly above `Last updated:
    /// B`, or a stamp ending the last subsection's text above the closing one. A stamp
    /// separated from the closing one by any other line (text, a heading) is not.
    static func duplicateStamps(_ outline: Outline, literal: BitSet, into findings: inout FindingList) {
        let document = outline.document
        let sections = document.sections
        let headings = sections.headings
        func isStamp(_ line: Int) -> Bool {
            Stamp.value(in: document.text(ofLine: line)) != nil && !literal[line] && !document.isHeadingLine(line)
        }
        for index in sections.indices {
            // A section inside one of level 2 or deeper is not top-level (a level-1 section
            // has no parent).
            let level = headings.level(at: index)
            if let parent = headings.parent(of: index), headings.level(at: parent) > 1 { continue }
            guard level > 1 || outline.subtree(of: index).count == 1 else { continue }
            let section = sections[index]
            guard section.heading.lastLine < section.endLine,
                  let closing = ((section.heading.lastLine + 1)...section.endLine).reversed().first(where: isStamp)
            else { continue }
            var line = closing - 1
            var repeated: [Int] = []
            while line > section.heading.lastLine {
                if isStamp(line) {
                    repeated.append(line)
                } else if !TextLines.isBlank(document.text(ofLine: line)) {
                    break
                }
                line -= 1
            }
            for line in repeated.reversed() {
                findings.add(.duplicateStamp, line: line + 1, section: outline.plainPath(of: .section(index)),
                             message: "another Last updated line before the one closing section \(outline.name(of: .section(index))) at line \(closing + 1); update sets only that one")
            }
        }
    }

    /// Keyed entries (top-level list items starting `**KEY**:` or `**KEY:**`) of one
    /// section's own text (its heading to the next heading of any level) whose key has the
    /// loose form (`Title.loose`) of an earlier entry's there; `set` changes only the first.
    /// A bracketed key (`[Tool Category]`, a template placeholder) and a `Last updated` line
    /// are not counted. Reported at the later entry's line, naming the first.
    static func duplicateKeys(_ outline: Outline, into findings: inout FindingList) {
        let document = outline.document
        let headings = document.sections.headings
        var hashes: [UInt64] = []
        for index in headings.indices {
            let part = Part.section(index)
            let heading = headings[index]
            // A quick look at the lines that may start list items first; only a section with a
            // repeated key among them is read as markdown, for the items that really are.
            hashes.removeAll(keepingCapacity: true)
            for (_, text) in document.texts(ofLines: (heading.lastLine + 1)..<outline.lines(of: part).upperBound) {
                if let content = listItemContent(text), let key = countedKey(text[content...]) { hashes.append(Title.looseHash(text[key])) }
            }
            guard hashes.count > 1 else { continue }
            hashes.sort()
            guard zip(hashes, hashes.dropFirst()).contains(where: ==) else { continue }
            let own = Document(Array(outline.bytes(of: part)), options: .commonMark)
            var first: [String: Int] = [:]
            for item in own.structure.listItems {
                let text = own.bytes[item.contentStart..<own.lines.contentEnds[item.firstLine]]
                guard let key = countedKey(text) else { continue }
                let line = heading.firstLine + item.firstLine
                let written = String(decoding: text[key], as: UTF8.self)
                let loose = Title.loose(written)
                guard let earlier = first[loose] else {
                    first[loose] = line
                    continue
                }
                findings.add(.duplicateKey, line: line + 1, section: outline.plainPath(of: part),
                             message: "duplicate key \"\(written)\" in section \(outline.name(of: part)) (first at line \(earlier + 1)); set changes only the first")
            }
        }
    }

    /// The key of the keyed entry `text` (an item's text after its marker) starts with, as
    /// the duplicate-key rule counts keys: nil for text that is no keyed entry, a `Last
    /// updated` line, and a bracketed key (a template placeholder such as `[Tool Category]`).
    private static func countedKey(_ text: ArraySlice<UInt8>) -> Range<Int>? {
        guard let found = KeyedEntry.key(in: text), Stamp.value(in: text) == nil else { return nil }
        let key = text[found.key].drop(while: ASCII.isWhitespace)
        let bracketed = key.first == ASCII.openBracket && key.last(where: { !ASCII.isWhitespace($0) }) == ASCII.closeBracket
        return bracketed ? nil : found.key
    }

    /// Where the text after a list marker starts when `line` may start a top-level list item
    /// (at most three spaces, `-`, `+`, `*` or one to nine digits and `.` or `)`, then a space
    /// or a tab).
    private static func listItemContent(_ line: ArraySlice<UInt8>) -> Int? {
        var position = line.startIndex
        while position < line.endIndex, position - line.startIndex < 4, line[position] == ASCII.space { position += 1 }
        guard position - line.startIndex < 4, position < line.endIndex else { return nil }
        if line[position] == ASCII.minus || line[position] == ASCII.plus || line[position] == ASCII.star {
            position += 1
        } else {
            let digits = line[position...].prefix(while: ASCII.isDigit).count
            guard (1...9).contains(digits), position + digits < line.endIndex,
                  line[position + digits] == ASCII.dot || line[position + digits] == ASCII.closeParen else { return nil }
            position += digits + 1
        }
        guard position < line.endIndex, ASCII.isSpaceOrTab(line[position]) else { return nil }
        return position
    }
}
