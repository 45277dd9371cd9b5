/// The invariant of every edit: after the splice, the headings outside the section are
/// exactly those before (titles, levels, order) and every heading inside it is deeper than
/// the section. Only a window of the new file can differ in how it parses: from the last
/// ATX heading at or before the splice (parsing restarts clean after one) through the
/// heading that follows the splice, or a probe heading where the file ends, standing for a
/// section another agent may add later.
extension Document {
    func validateSplice(region: Range<Int>, separator: [UInt8], local: inout [UInt8], outer: Section?, allowedOpen: BodyCheck.OpenBlock?,
                        createdOuter: SectionAddress?) throws {
        let sectionsBefore = sections.firstIndex(startingAtOrAfter: region.lowerBound)
        let anchorIndex = outer?.heading.style == .atx
            ? outer?.index
            : sections.headings[..<sectionsBefore].lastIndex { $0.style == .atx }
        let anchor = anchorIndex.map(sections.start(at:)) ?? 0
        let nextIndex = sections.firstIndex(startingAtOrAfter: region.upperBound)
        let next = nextIndex < sections.count ? sections[nextIndex] : nil

        /// Puts what follows the section after `window`: the heading after it, or a probe
        /// heading standing for a section added later. Gives where that starts.
        func appendFollowing(_ window: inout [UInt8]) -> Int {
            if next == nil {
                if let last = window.last, last != ASCII.lf, last != ASCII.cr { window += lineEnding }
                if !TextLines.endsWithBlankLine(window) { window += lineEnding }
            }
            let followStart = window.count
            if let next {
                window += bytes[next.range.lowerBound..<lines.end(ofLine: next.heading.lastLine)]
            } else {
                window += BodyCheck.probe + lineEnding
            }
            return followStart
        }

        let isLocalEmpty = local.isEmpty
        let expectedNext: (level: Int, title: String) = next.map { ($0.level, $0.title) }
            ?? (1, String(decoding: BodyCheck.probe.dropFirst(2), as: UTF8.self))

        /// Scans `window` (the bytes from the anchor through the section's copy, from
        /// `localStart`, and what follows it, from `followStart`) and checks its headings.
        func validate(_ window: [UInt8], localStart: Int, followStart: Int) throws {
            let windowLines = LineTable(window)
            let windowOptions = anchor == 0 ? ScanOptions(frontMatter: options.frontMatter) : .commonMarkHeadings
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
            var sawOuter = isLocalEmpty
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

        if anchor == region.lowerBound, separator.isEmpty {
            // The window is the section's copy itself with what follows appended for the
            // scan and taken off again: a large section is not copied once more.
            let localEnd = local.count
            let followStart = appendFollowing(&local)
            defer { local.removeSubrange(localEnd...) }
            try validate(local, localStart: 0, followStart: followStart)
        } else {
            var window = Array(bytes[anchor..<region.lowerBound]) + separator
            let localStart = window.count
            window += local
            let followStart = appendFollowing(&window)
            try validate(window, localStart: localStart, followStart: followStart)
        }
    }
}

/// The headings of a section's copy outside the part an edit changes, as they were before
/// the edit: read from the file where the copy is the file's bytes, else kept compact so that
/// the copy's parse can be let go before the copy is edited (a byte per level and a hash per
/// title). The hash is the standard library's, seeded afresh in each process, so no text can
/// be made to collide with another on purpose.
struct HeadingsOutside {
    private enum Source {
        /// Sections `first..<end` of the file but `skipped`, whose lines are counted from `firstLine`.
        case file(SectionList, first: Int, end: Int, skipped: Range<Int>, firstLine: Int)
        case kept(levels: [UInt8], titleHashes: [Int], firstLines: [UInt32])
    }

    private let source: Source
    /// The number of headings.
    let count: Int

    /// The file's section `outer` and its subsections but `target` and its subsections
    /// (`outer`'s copy starting at line `firstLine`).
    init(_ sections: SectionList, outer: Int, target: Int, firstLine: Int) {
        let end = sections.headings.sectionEnd(of: outer)
        let skipped = target..<sections.headings.sectionEnd(of: target)
        source = .file(sections, first: outer, end: end, skipped: skipped, firstLine: firstLine)
        count = end - outer - skipped.count
    }

    /// The headings of `sections` that do not start inside `excluded`.
    init(_ sections: SectionList, outside excluded: Range<Int>) {
        // Room made once: growing would copy each array, and a section may have many headings.
        var levels: [UInt8] = []
        var titleHashes: [Int] = []
        var firstLines: [UInt32] = []
        levels.reserveCapacity(sections.count)
        titleHashes.reserveCapacity(sections.count)
        firstLines.reserveCapacity(sections.count)
        for index in sections.indices where !excluded.contains(sections.start(at: index)) {
            levels.append(UInt8(sections.headings.level(at: index)))
            titleHashes.append(Self.hash(sections.title(at: index)))
            firstLines.append(UInt32(sections.headings[index].firstLine))
        }
        source = .kept(levels: levels, titleHashes: titleHashes, firstLines: firstLines)
        count = levels.count
    }

    /// The hash a title is compared by.
    static func hash(_ title: String) -> Int {
        var hasher = Hasher()
        hasher.combine(title)
        return hasher.finalize()
    }

    /// The level, title hash and first line (in the copy) of heading `index`.
    subscript(index: Int) -> (level: Int, titleHash: Int, firstLine: Int) {
        switch source {
        case .file(let sections, let first, _, let skipped, let firstLine):
            var section = first + index
            if section >= skipped.lowerBound { section += skipped.count }
            return (sections.headings.level(at: section), Self.hash(sections.title(at: section)), sections.headings[section].firstLine - firstLine)
        case .kept(let levels, let titleHashes, let firstLines):
            return (Int(levels[index]), titleHashes[index], Int(firstLines[index]))
        }
    }
}

extension Document {
    /// Inside the top-level section, the headings around the edited subsection must read back
    /// as they were: removing or rewriting a subsection may not, for example, turn the text of
    /// a following setext heading into a lazy continuation of the paragraph before it.
    /// `outside` holds the headings of the top-level section's copy before the edit that are
    /// not in the edited subsection; `after` is the copy after the edit, whose first line is
    /// line `firstLine` of the file.
    func validateHeadingsAround(outside: HeadingsOutside, edited: Section?, in after: Document, firstLine: Int) throws {
        var kept = 0
        for index in after.sections.indices {
            if let edited, edited.range.contains(after.sections.start(at: index)) { continue }
            guard kept < outside.count, outside[kept].level == after.sections.headings.level(at: index),
                  outside[kept].titleHash == HeadingsOutside.hash(after.sections.title(at: index)) else {
                let heading = after.sections[index].heading
                throw InsightsError(.badData, "line \(firstLine + heading.firstLine + 1) of the result: the edit changes the headings next to the section (\(BodyCheck.describe(heading)))",
                                    hint: "nothing was written; keep the text inside the section and close what it opens")
            }
            kept += 1
        }
        if kept < outside.count {
            let line = firstLine + outside[kept].firstLine
            let index = sections.headings.partitioningIndex { $0.firstLine >= line }
            let title = index < sections.count && sections.headings[index].firstLine == line ? "\"\(sections.title(at: index))\" " : ""
            throw InsightsError(.badData, "the edit would turn the heading \(title)(line \(line + 1)) into text",
                                hint: "nothing was written; leave a blank line or an ATX heading (## Title) where the section meets it")
        }
    }
}
