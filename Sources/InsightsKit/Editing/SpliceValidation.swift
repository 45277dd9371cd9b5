/// The invariant of every edit: after the splice, the headings outside the section are
/// exactly those before (titles, levels, order) and every heading inside it is deeper than
/// the section. Only a window of the new file can differ in how it parses: from the last
/// ATX heading at or before the splice (parsing restarts clean after one) through the
/// heading that follows the splice, or a probe heading where the file ends, standing for a
/// section another agent may add later.
extension Document {
    func validateSplice(region: Range<Int>, separator: [UInt8], local: [UInt8], outer: Section?, allowedOpen: BodyCheck.OpenBlock?,
                        createdOuter: SectionAddress?) throws {
        let sectionsBefore = sections.firstIndex(startingAtOrAfter: region.lowerBound)
        let anchorIndex = outer?.heading.style == .atx
            ? outer?.index
            : sections.headings[..<sectionsBefore].lastIndex { $0.style == .atx }
        let anchor = anchorIndex.map(sections.start(at:)) ?? 0
        var window = Array(bytes[anchor..<region.lowerBound]) + separator
        let localStart = window.count
        window += local
        let nextIndex = sections.firstIndex(startingAtOrAfter: region.upperBound)
        let next = nextIndex < sections.count ? sections[nextIndex] : nil
        let expectedNext: (level: Int, title: String)
        if next == nil {
            if let last = window.last, last != ASCII.lf, last != ASCII.cr { window += lineEnding }
            if !TextLines.endsWithBlankLine(window) { window += lineEnding }
        }
        let followStart = window.count
        if let next {
            window += bytes[next.range.lowerBound..<lines.end(ofLine: next.heading.lastLine)]
            expectedNext = (next.level, next.title)
        } else {
            window += BodyCheck.probe + lineEnding
            expectedNext = (1, String(decoding: BodyCheck.probe.dropFirst(2), as: UTF8.self))
        }

        let windowLines = LineTable(window)
        let windowOptions = anchor == 0 ? options : .commonMark
        let scanned = Document(window, lines: windowLines, structure: BlockScanner.scan(window, lines: windowLines, options: windowOptions),
                               options: windowOptions)
        let localStartLine = windowLines.line(containing: localStart)
        let followLine = TextLines.lineCount(window, in: 0..<followStart)
        let firstWindowLine = anchor == 0 ? 0 : lines.line(containing: anchor)
        let expectedBefore = sections[sections.firstIndex(startingAtOrAfter: anchor)..<sectionsBefore].map { $0 }
        let outerHeading: (level: Int, title: String)? = outer.map { ($0.level, $0.title) }
            ?? createdOuter.map { ($0.level, Title.normalized($0.title)) }

        func fail(_ line: Int, _ message: String) -> InsightsError {
            InsightsError(.badData, "line \(firstWindowLine + line + 1) of the result: \(message)",
                          hint: "nothing was written; keep the text inside the section and close what it opens")
        }

        var before = expectedBefore[...]
        var sawOuter = local.isEmpty
        var sawNext = false
        for heading in scanned.sections.lazy.map(\.heading) {
            if heading.firstLine < localStartLine {
                guard let expected = before.popFirst(), expected.level == heading.level, expected.title == heading.title,
                      expected.heading.firstLine - firstWindowLine == heading.firstLine else {
                    throw fail(heading.firstLine, "the edit changes the heading structure before the section (\(BodyCheck.describe(heading)))")
                }
            } else if heading.firstLine < followLine {
                if !sawOuter {
                    guard heading.firstLine == localStartLine, let outerHeading,
                          heading.level == outerHeading.level, heading.title == outerHeading.title else {
                        throw fail(heading.firstLine, "the section's heading would read back as \(BodyCheck.describe(heading))")
                    }
                    sawOuter = true
                } else if let outerHeading, heading.level <= outerHeading.level {
                    throw fail(heading.firstLine, "\(BodyCheck.describe(heading)) would end the section \"\(outerHeading.title)\"")
                }
            } else if !sawNext {
                guard heading.firstLine == followLine, heading.level == expectedNext.level, heading.title == expectedNext.title else {
                    throw fail(heading.firstLine, "the edit changes the heading that follows the section")
                }
                sawNext = true
            }
        }
        guard before.isEmpty, sawOuter else {
            throw fail(localStartLine, "the edit swallows a heading before or of the section")
        }
        guard sawNext else {
            let opener = scanned.structure.lastTopLevelBlockLine ?? followLine
            let opening = window[windowLines.starts[opener]..<windowLines.contentEnds[opener]]
            // At the end of the file, the block the section already left open may stay open.
            if next == nil, let allowedOpen, opener >= localStartLine, BodyCheck.OpenBlock(line: opener, opening: opening) == allowedOpen { return }
            let what = BodyCheck.describeBlock(opening)
            throw fail(opener, "\(what) is never closed; it would swallow " + (next.map { "the heading \"\($0.title)\" that follows" } ?? "any section added after it"))
        }
    }
}

extension Document {
    /// Inside the top-level section, the headings around the edited subsection must read back
    /// as they were: removing or rewriting a subsection may not, for example, turn the text of
    /// a following setext heading into a lazy continuation of the paragraph before it.
    /// `before` and `after` are the top-level section's copy before and after the edit, whose
    /// first line is line `firstLine` of the file.
    func validateHeadingsAround(_ target: Section, in before: Document, edited: Section?, in after: Document, firstLine: Int) throws {
        let kept = before.sections.filter { !target.range.contains($0.range.lowerBound) }
        let now = after.sections.filter { section in edited.map { !$0.range.contains(section.range.lowerBound) } ?? true }
        for (index, heading) in now.enumerated() {
            guard index < kept.count, kept[index].level == heading.level, kept[index].title == heading.title else {
                throw InsightsError(.badData, "line \(firstLine + heading.heading.firstLine + 1) of the result: the edit changes the headings next to the section (\(BodyCheck.describe(heading.heading)))",
                                    hint: "nothing was written; keep the text inside the section and close what it opens")
            }
        }
        if now.count < kept.count {
            let lost = kept[now.count]
            throw InsightsError(.badData, "the edit would turn the heading \"\(lost.title)\" (line \(firstLine + lost.heading.firstLine + 1)) into text",
                                hint: "nothing was written; leave a blank line or an ATX heading (## Title) where the section meets it")
        }
    }
}
