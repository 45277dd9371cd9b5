/// Applies an `EditRequest` to a document. All work happens on a copy of the addressed
/// top-level section (a top-level heading always starts from a clean parse state), which is
/// then spliced back: every byte outside it stays as it was. The result is scanned again
/// over the window the splice can influence and must keep every heading outside the section.
extension Document {
    /// The block the file leaves open at its end (`BodyCheck.Probed`), if any, its line
    /// counted in the file. Probed from the last heading, after which the scan starts clean:
    /// only the file's last section is copied for it.
    func openBlockAtEnd() -> BodyCheck.OpenBlock? {
        let last = sections.count - 1
        let start = last >= 0 ? sections.start(at: last) : 0
        guard let open = BodyCheck.Probed(bytes[start...]).openBlock else { return nil }
        let line = (last >= 0 ? sections.headings[last].firstLine : 0) + open.line
        return BodyCheck.OpenBlock(line: line, opening: bytes[lines.starts[line]..<lines.contentEnds[line]])
    }

    /// The new file for `request`. Throws `notFound`, `badData` or `tryAgain` (`--if-match`).
    package func applying(_ request: EditRequest) throws -> EditResult {
        var request = try request.withCheckedText()
        // A key given as `**Key**` or `Key:` is the key `Key`.
        if case .set(let key, let value) = request.edit {
            try KeyedEntry.checkOneLine(key: key, value: value)
            request.edit = .set(key: Title.bare(key), value: value)
        }
        let address = request.address
        let match = try resolve(address)
        if case .substitute(let old, let new) = request.edit {
            request.edit = .replace(try substituting(old, with: new, in: try section(at: address)))
        }
        if request.edit == .remove, match.isLoose, let target = match.target {
            throw InsightsError(.invalidInput, "remove needs the exact title: \(address) only loosely matches \"\(match.matchedTitles)\" (line \(target.heading.firstLine + 1))",
                                hint: "give the title exactly as the heading writes it", candidates: [candidate(target)])
        }
        // A skeleton is the body of the outer section, and only for creating it.
        if !match.found.isEmpty { request.skeleton = [] }
        if let expected = request.ifMatch {
            let current = match.target.map { fingerprint(of: $0) } ?? Fingerprint.absent
            guard current == expected else {
                throw InsightsError(.stale, "section \(address) changed since it was read: its fingerprint is \(current), not \(expected)",
                                    hint: "read the section again and redo the edit")
            }
        }
        for title in match.missing {
            try Self.checkNewTitle(title)
        }
        let deepest = (match.found.last?.level ?? address.level - 1) + match.missing.count
        if deepest > 6, request.edit != .remove {
            throw InsightsError(.usage, "section \(address) would need a level-\(deepest) heading; markdown headings go down to level 6",
                                hint: "address fewer --sub levels, or a section of a higher level")
        }
        if !request.skeleton.isEmpty, match.found.isEmpty, !address.subsections.isEmpty {
            return try creatingFromSkeleton(request)
        }
        let targetLevel = match.target?.level
            ?? (match.found.last.map { $0.level + match.missing.count } ?? address.level + address.subsections.count)
        // What the file's last section already leaves open, an edit of it may leave open.
        let allowedOpen = match.found.first.flatMap { outer in outer.range.upperBound == bytes.count ? openBlockAtEnd() : nil }
        switch request.edit {
        case .replace(let text), .append(let text), .prepend(let text):
            try BodyCheck.validate(text, sectionLevel: targetLevel, allowedOpen: allowedOpen)
        case .set(let key, let value):
            try KeyedEntry.check(key: key)
            try BodyCheck.validate(Array("- **\(key)**: \(value)".utf8), sectionLevel: targetLevel)
        case .keep, .remove, .substitute:
            break
        }
        if !request.skeleton.isEmpty {
            try BodyCheck.validate(request.skeleton, sectionLevel: address.level)
        }
        if request.edit == .remove {
            guard let target = try section(at: address).target else { throw InsightsError(.notFound, "section \(address) not found") }
            if target.index == match.found[0].index {
                return try removingTopLevel(target)
            }
        }
        var result: EditResult
        do {
            result = try editingInside(match: match, request: request, allowedOpen: allowedOpen)
        } catch let error as InsightsError where match.found.isEmpty {
            // A section created after a file that ends inside an open block would be part of it.
            guard let open = openBlockAtEnd() else { throw error }
            let what = BodyCheck.describeBlock(bytes[lines.starts[open.line]..<lines.contentEnds[open.line]])
            throw InsightsError(.bodyEscapesSection, "line \(open.line + 1): \(what) is never closed, so a section created after it would be part of it",
                                hint: "close it at the end of its section first")
        }
        if match.isLoose { result.matched = match.matchedTitles }
        switch request.edit {
        case .replace(let text), .append(let text), .prepend(let text):
            if let warning = EditWarning.literalLineBreak(in: text) { result.warnings.append(warning) }
        default:
            break
        }
        return result
    }

    /// The body of the addressed section as `read` prints it, with the one occurrence of `old` in it
    /// replaced by `new` (both in the file's line ending).
    private func substituting(_ old: [UInt8], with new: [UInt8], in match: AddressMatch) throws -> [UInt8] {
        guard !old.isEmpty else { throw InsightsError(.usage, "the text to replace is empty") }
        let old = TextLines.normalized(old, lineEnding: lineEnding, endingLine: false)
        guard let section = match.target, let body = readBody(of: match) else { return [] }
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var position = body.lowerBound
            while let start = ByteSearch.first(old, in: buffer, range: position..<body.upperBound) {
                found.append(start)
                position = start + 1
            }
        }
        guard let start = found.first else {
            throw InsightsError(.textNotFound, "the text to replace does not occur in section \(section.title.debugDescription) (line \(section.heading.firstLine + 1))",
                                hint: "read the section and give the text exactly as it is there")
        }
        guard found.count == 1 else {
            // Each line once, and at most ten of them: the message stays one readable line.
            var lineNumbers: [Int] = []
            for offset in found where lineNumbers.last != lines.line(containing: offset) + 1 { lineNumbers.append(lines.line(containing: offset) + 1) }
            let numbers = lineNumbers.prefix(10).map(String.init).joined(separator: ", ") + (lineNumbers.count > 10 ? ", ..." : "")
            throw InsightsError(.ambiguous, "the text to replace occurs \(found.count) times in section \(section.title.debugDescription), on lines \(numbers)",
                                hint: "give more of the text around the occurrence you mean, so that it occurs once")
        }
        return Array(bytes[body.lowerBound..<start]) + TextLines.normalized(new, lineEnding: lineEnding, endingLine: false) + bytes[(start + old.count)..<body.upperBound]
    }

    /// A request whose section is missing along with its subsections: the section is created
    /// from the skeleton first (which may hold the subsections), then the request runs on it.
    private func creatingFromSkeleton(_ request: EditRequest) throws -> EditResult {
        var outer = request.address
        outer.subsections = []
        let created = try applying(EditRequest(address: outer, edit: .keep, skeleton: request.skeleton)).document
        var inner = request
        inner.skeleton = []
        inner.ifMatch = nil
        var result = try created.applying(inner)
        result.created = true
        result.changed = true
        return result
    }

    /// A title a heading can be made of: one line, not empty.
    static func checkNewTitle(_ title: String) throws {
        guard !Title.normalized(Title.forNewHeading(title)).isEmpty else { throw InsightsError(.usage, "a section title may not be empty") }
        guard !title.utf8.contains(where: { $0 == ASCII.lf || $0 == ASCII.cr }) else {
            throw InsightsError(.usage, "a section title must be one line: \(title.debugDescription)")
        }
    }

    /// The editing path shared by update, append, prepend, keep and removing a subsection.
    ///
    /// The section is edited in one copy, made with room for the edit and for what the
    /// validation puts after it, and changed in place: each parse of the copy is let go
    /// before the copy changes, so a large section is never held twice.
    private func editingInside(match: AddressMatch, request: EditRequest, allowedOpen: BodyCheck.OpenBlock?) throws -> EditResult {
        let eol = lineEnding
        let region = match.found.first?.range ?? bytes.count..<bytes.count
        let atEnd = region.upperBound == bytes.count
        let lacksFinalNewline = !endsWithLineEnding
        var local: [UInt8] = []
        local.reserveCapacity(region.count + Self.room(for: request))
        local += bytes[region]
        if atEnd, lacksFinalNewline, !local.isEmpty { local += eol }

        // Create what is missing, at the end of the deepest section that exists.
        var separator: [UInt8] = []
        if !match.missing.isEmpty {
            var level = match.found.last.map { $0.level + 1 } ?? request.address.level
            var text: [UInt8] = []
            for title in match.missing {
                if !text.isEmpty { text += eol }
                text += Array(repeating: ASCII.hash, count: min(level, 6)) + [ASCII.space] + Array(Title.forNewHeading(title).utf8) + eol
                level += 1
            }
            text += TextLines.normalized(request.skeleton, lineEnding: eol)
            if let parent = match.found.last {
                let parentLocal = (parent.range.lowerBound - region.lowerBound)..<(parent.range.upperBound - region.lowerBound)
                let point = Self.endOfContent(local, in: parentLocal)
                var insert: [UInt8] = TextLines.endsWithBlankLine(local, in: 0..<point) ? [] : eol
                insert += text
                let blankFollows = TextLines.leadingBlankEnd(local, in: point..<local.count) > point
                if point < local.count, !blankFollows, !TextLines.endsWithBlankLine(insert) { insert += eol }
                local.replaceSubrange(point..<point, with: insert)
            } else {
                local = text
                separator = creationSeparator(eol: eol)
            }
        }

        // The edit itself, worked out on the copy, then made in it.
        let target: Section
        let outside: HeadingsOutside
        if let fileTarget = match.target, let outer = match.found.first, outer.heading.style == .atx {
            // Nothing was created, and the copy starts with an ATX heading, which reads the same
            // alone: the copy reads as the file does there. (The text of a setext heading may
            // read otherwise alone, after link reference definitions for one.)
            let firstLine = lines.line(containing: region.lowerBound)
            target = section(fileTarget, inCopyOf: outer, firstLine: firstLine, copyCount: local.count)
            outside = HeadingsOutside(sections, outer: outer.index, target: fileTarget.index, firstLine: firstLine)
        } else {
            (target, outside) = try Self.located(request.address, in: local)
        }
        let change = try Self.change(for: request, at: target, in: local, eol: eol)
        let targetEndsSection = target.range.upperBound == local.count
        if let (range, bytes) = change.replacement { local.replaceSubrange(range, with: bytes) }
        if change.changesBody, change.changesBytes, change.bodyOpenedBlank {
            Self.separateFromHeading(&local, bodyStart: target.bodyRange.lowerBound, eol: eol)
        }

        var addsStamp = false
        if let date = request.stampDate {
            let stamp = Self.stamp(local, date: date, eol: eol)
            local.replaceSubrange(stamp.range, with: stamp.replacement)
            addsStamp = stamp.adds
        }
        // A blank line before the next heading, where new text (a new stamp line included)
        // meets it: otherwise the text could run into a setext heading that follows.
        let placesText = addsStamp || match.found.isEmpty || (targetEndsSection && change.changesBody)
        if placesText, !atEnd, !TextLines.endsWithBlankLine(local) { local += eol }
        // A file without a final line ending stays so: its trailing blank lines go too, or
        // the same edit made again would add one each time.
        while atEnd, lacksFinalNewline, local.last == ASCII.lf || local.last == ASCII.cr {
            local.removeLast(TextLines.endsWith(local, eol) ? eol.count : 1)
        }

        // The edited section in the new file: found in the new section alone, then moved to
        // where that lands in the file (the validation proves the headings agree).
        let (edited, outerLevel, budget) = try { () throws -> (Section?, Int, Result<EditWarning?, any Error>) in
            let document = Document(local, options: .commonMarkHeadings)
            let edited = request.edit == .remove ? nil : try document.resolve(request.address).target
            try validateHeadingsAround(outside: outside, edited: edited, in: document,
                                       firstLine: match.found.isEmpty ? 0 : lines.line(containing: region.lowerBound))
            let outer = document.sections.first
            let budget = Result { try outer.flatMap { try budgetWarning(request, before: match.found.first, after: $0, in: document) } }
            return (edited, outer?.level ?? 0, budget)
        }()
        try validateSplice(region: region, separator: separator, local: &local, outer: match.found.first, allowedOpen: allowedOpen,
                           createdOuter: match.found.isEmpty ? request.address : nil)

        if options.frontMatter, structure.frontMatter == nil, let line = FrontMatter.closingLine(in: local, after: bytes) {
            throw InsightsError(.badData, "line \(lineEndings(before: region.lowerBound) + line + 1) of the result: this line would close the `---` on line 1 and turn the top of the file into front matter",
                                hint: "nothing was written; write the line differently (for example `***` for a thematic break)")
        }
        let sectionsBefore = sections.firstIndex(startingAtOrAfter: region.lowerBound)
        let outerParent = sections.headings[..<sectionsBefore].lastIndex { $0.level < outerLevel }
        let placed = edited.map { section in
            section.moved(bytes: region.lowerBound + separator.count,
                          lines: lineEndings(before: region.lowerBound) + TextLines.lineCount(separator, in: 0..<separator.count),
                          sections: sectionsBefore, outerParent: outerParent)
        }
        let changed = !separator.isEmpty || !local.elementsEqual(bytes[region])
        var result = EditResult(pieces: [bytes[..<region.lowerBound], separator[...], local[...], bytes[region.upperBound...]],
                                created: !match.missing.isEmpty, changed: changed, section: placed, options: options)
        if let warning = try budget.get() { result.warnings.append(warning) }
        return result
    }

    /// Room to keep in the copy of a section beyond its own bytes: for the text the request
    /// adds (twice over, for line endings that may double) and for what validation adds.
    private static func room(for request: EditRequest) -> Int {
        let given = switch request.edit {
        case .replace(let text), .append(let text), .prepend(let text): text.count
        case .set(let key, let value): key.utf8.count + value.utf8.count
        case .keep, .remove, .substitute: 0
        }
        let titles = request.address.subsections.reduce(request.address.title.utf8.count) { $0 + $1.utf8.count + 8 }
        return 2 * (given + request.skeleton.count) + titles + 4096
    }

    /// What an edit does to the copy of its top-level section, worked out from a parse of it.
    private struct LocalChange {
        /// `bytes` replace `range`; nil when nothing changes.
        var replacement: (range: Range<Int>, bytes: [UInt8])?
        /// Whether the edit writes the body anew (false for a body written back as it was).
        var changesBody = false
        /// Whether the bytes change.
        var changesBytes = false
        /// Whether the body started with a blank line or had no text.
        var bodyOpenedBlank = false
    }

    /// `section` of this document (`outer` or one of its subsections) as a parse of the copy of
    /// `outer` (starting at line `firstLine`, `copyCount` bytes long) finds it: counted from the
    /// copy's start, and ending at the copy's end where it ends with the file (the copy has a
    /// line ending where the file has none).
    private func section(_ section: Section, inCopyOf outer: Section, firstLine: Int, copyCount: Int) -> Section {
        func inCopy(_ offset: Int) -> Int { offset == outer.range.upperBound ? copyCount : offset - outer.range.lowerBound }
        let heading = Heading(level: section.level, style: section.heading.style, firstLine: section.heading.firstLine - firstLine,
                              lastLine: section.heading.lastLine - firstLine, title: section.title)
        return Section(index: section.index - outer.index, heading: heading, endLine: section.endLine - firstLine,
                       range: inCopy(section.range.lowerBound)..<inCopy(section.range.upperBound),
                       bodyRange: inCopy(section.bodyRange.lowerBound)..<inCopy(section.bodyRange.upperBound),
                       parent: section.index == outer.index ? nil : section.parent.map { $0 - outer.index })
    }

    /// The target of `address` in `local` (the copy of its top-level section, with sections
    /// created in it), and the headings outside the target. The parse is let go on return.
    private static func located(_ address: SectionAddress, in local: [UInt8]) throws -> (Section, HeadingsOutside) {
        let document = Document(local, options: .commonMarkHeadings)
        guard let target = try document.resolve(address).target else {
            throw InsightsError(.badData, "section \(address) could not be created: its title does not read back as a heading")
        }
        return (target, HeadingsOutside(document.sections, outside: target.range))
    }

    /// The change `request` makes to `target` in `local` (the copy of its top-level section).
    private static func change(for request: EditRequest, at target: Section, in local: [UInt8], eol: [UInt8]) throws -> LocalChange {
        let targetEndsSection = target.range.upperBound == local.count
        var change = LocalChange()
        change.changesBody = request.edit != .keep && request.edit != .remove
        let bodyStart = target.bodyRange.lowerBound
        change.bodyOpenedBlank = target.bodyRange.isEmpty || TextLines.leadingBlankEnd(local, in: target.bodyRange) > bodyStart
        switch request.edit {
        case .remove:
            // The closing `Last updated:` line belongs to the top-level section: removing its
            // last subsection keeps it.
            var removed = target.range
            if target.index != 0, targetEndsSection, let stamp = closingStampStart(local, in: target.bodyRange) {
                removed = target.range.lowerBound..<TextLines.leadingBlankEnd(local, in: stamp..<target.range.upperBound)
            }
            change.replacement = (removed, [])
        case .keep, .substitute:
            break
        case .set(let key, let value):
            // Keyed entries are found among the list items, which only a full scan records: a
            // scan of the target alone where it starts with an ATX heading, which reads the same
            // alone (its first section is then the target), else of the whole copy.
            let scope = target.heading.style == .atx ? target.range : 0..<local.count
            let document = Document(Array(local[scope]), options: .commonMark)
            let section = scope == target.range ? document.sections[0] : target
            change.replacement = (scope, try KeyedEntry.upserting(key: key, value: value, in: section, of: document, eol: eol))
        case .replace(let text):
            // The closing `Last updated:` line of the whole section stays when its last
            // subsection is replaced; the blank lines before it stay too and stand for the
            // body's own trailing ones (otherwise each repeat of the edit would add one).
            var replaced = target.bodyRange
            var body = TextLines.normalized(text, lineEnding: eol)
            var given = text
            if target.index != 0, targetEndsSection, let stamp = closingStampStart(local, in: target.bodyRange) {
                replaced = target.bodyRange.lowerBound..<stamp
                body.removeSubrange(TextLines.trailingBlankStart(body, in: 0..<body.count)...)
                given.removeSubrange(TextLines.trailingBlankStart(given, in: 0..<given.count)...)
            }
            // The blank lines between the heading and the body's text are layout, which
            // `read` leaves out: a body that starts with text keeps them.
            let textStart = TextLines.leadingBlankEnd(local, in: replaced)
            if !body.isEmpty, TextLines.leadingBlankEnd(body, in: 0..<body.count) == 0 {
                replaced = textStart..<replaced.upperBound
            }
            // The body as it is, line endings included, stays as it is: a body read and
            // written back changes nothing.
            let read = local[textStart..<replaced.upperBound]
            change.changesBody = !(local[replaced].elementsEqual(given) || local[replaced].elementsEqual(body)
                || read.elementsEqual(given) || read.elementsEqual(body))
            if change.changesBody {
                change.replacement = (replaced, laidOut(body, before: target, in: local, eol: eol))
            }
        case .append(let text):
            let point = endOfContent(local, in: target.bodyRange)
            var body = joined(Array(local[bodyStart..<point]), TextLines.normalized(text, lineEnding: eol), eol: eol)
            body += local[point..<target.bodyRange.upperBound]
            change.replacement = (target.bodyRange, laidOut(body, before: target, in: local, eol: eol))
        case .prepend(let text):
            let point = TextLines.leadingBlankEnd(local, in: target.bodyRange)
            let body = Array(local[bodyStart..<point])
                + joined(TextLines.normalized(text, lineEnding: eol), Array(local[point..<target.bodyRange.upperBound]), eol: eol)
            change.replacement = (target.bodyRange, laidOut(body, before: target, in: local, eol: eol))
        }
        change.changesBytes = change.replacement.map { !local[$0.range].elementsEqual($0.bytes) } ?? false
        return change
    }

    /// Refuses a result over `request.maxLines` that is longer than the section was, and
    /// warns about one over `request.budget`. `before` is the top-level section in this
    /// document (nil when it is created), `after` the same section in `edited`.
    private func budgetWarning(_ request: EditRequest, before: Section?, after: Section, in edited: Document) throws -> EditWarning? {
        guard request.budget != nil || request.maxLines != nil else { return nil }
        let count = edited.lineCount(of: after)
        let previous = before.map(lineCount(of:)) ?? 0
        if let maxLines = request.maxLines, count > maxLines, count > previous {
            throw InsightsError(.overBudget, "section \"\(after.title)\" would have \(count) lines, over the most allowed, \(maxLines) (it has \(previous))",
                                hint: "shorten the body: replace the section with a summary of what is worth keeping")
        }
        guard let budget = request.budget, count > budget else { return nil }
        return EditWarning(.overBudget, "section \"\(after.title)\" has \(count) lines, over its budget of \(budget)")
    }

    /// The number of line endings in the bytes before `offset`.
    private func lineEndings(before offset: Int) -> Int {
        guard lines.count > 0 else { return 0 }
        guard offset < bytes.count else { return endsWithLineEnding ? lines.count : lines.count - 1 }
        return lines.line(containing: offset)
    }

    /// Removes a top-level section, keeping the blank-line layout around it tidy: removing
    /// the last section also removes the blank lines that separated it.
    private func removingTopLevel(_ target: Section) throws -> EditResult {
        var start = target.range.lowerBound
        if target.range.upperBound == bytes.count {
            start = TextLines.trailingBlankStart(bytes, in: 0..<start)
            if !endsWithLineEnding, start > 0 {
                start = TextLines.contentEnd(bytes, lineStart: TextLines.startOfLine(bytes, endingAt: start, lowerBound: 0), end: start)
            }
        }
        let region = start..<target.range.upperBound
        var nothing: [UInt8] = []
        try validateSplice(region: region, separator: [], local: &nothing, outer: nil, allowedOpen: nil, createdOuter: nil)
        return EditResult(pieces: [bytes[..<region.lowerBound], bytes[region.upperBound...]],
                          created: false, changed: true, section: nil, options: options)
    }

    /// What goes between the end of the file and a section created after it: a line ending
    /// when the last line has none, and a blank line.
    private func creationSeparator(eol: [UInt8]) -> [UInt8] {
        let bom = Self.byteOrderMarkLength(bytes)
        guard bytes.count > bom else { return [] }
        var separator: [UInt8] = endsWithLineEnding ? [] : eol
        if !TextLines.endsWithBlankLine(bytes + separator) { separator += eol }
        return separator
    }

    /// `body` as it is placed before whatever follows `section` inside the local copy: a
    /// blank line is kept before a heading that follows.
    private static func laidOut(_ body: [UInt8], before section: Section, in local: [UInt8], eol: [UInt8]) -> [UInt8] {
        guard section.bodyRange.upperBound < local.count, !TextLines.endsWithBlankLine(body) else { return body }
        return body + eol
    }

    /// Puts a blank line between the heading and text an edit placed right after it, at
    /// `bodyStart`, for a body that started with a blank line or had no text (the caller
    /// knows): text written under a heading keeps a blank line above it (as markdownlint
    /// asks), while a section written without one keeps its own layout.
    static func separateFromHeading(_ edited: inout [UInt8], bodyStart: Int, eol: [UInt8]) {
        guard bodyStart < edited.count, TextLines.leadingBlankEnd(edited, in: bodyStart..<edited.count) == bodyStart else { return }
        edited.insert(contentsOf: eol, at: bodyStart)
    }

    /// `first` then `second` (`first` empty or ending with a line ending), with a blank line
    /// between them where a list meets other text: otherwise a paragraph after a list item
    /// would run on as part of it, and a list would lack the blank line around it.
    static func joined(_ first: [UInt8], _ second: [UInt8], eol: [UInt8]) -> [UInt8] {
        let lastStart = TextLines.startOfLine(first, endingAt: first.count, lowerBound: 0)
        let last = first[lastStart..<TextLines.contentEnd(first, lineStart: lastStart, end: first.count)]
        let firstEnd = TextLines.endOfLine(second, from: 0, upperBound: second.count)
        let next = second[0..<TextLines.contentEnd(second, lineStart: 0, end: firstEnd)]
        guard !TextLines.isBlank(last), !TextLines.isBlank(next), isListLine(last) != isListLine(next) else { return first + second }
        return first + eol + second
    }

    /// Whether `line` belongs to a list as far as one line tells: it starts a list item
    /// (`-`, `*` or `+`, or 1-9 digits and `.` or `)`, then a space, a tab or nothing) or is
    /// indented (a list item's continuation).
    static func isListLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        if ASCII.isSpaceOrTab(first) { return true }
        var rest = line.dropFirst()
        if first == ASCII.minus || first == ASCII.star || first == ASCII.plus {
            return rest.first.map(ASCII.isSpaceOrTab) ?? true
        }
        guard ASCII.isDigit(first) else { return false }
        let digits = rest.prefix(while: ASCII.isDigit).count
        rest = rest.dropFirst(digits)
        guard digits < 9, let delimiter = rest.first, delimiter == ASCII.dot || delimiter == ASCII.closeParen else { return false }
        return rest.dropFirst().first.map(ASCII.isSpaceOrTab) ?? true
    }

    /// Where new content goes at the end of `range`: before its trailing blank lines and
    /// before a closing `Last updated:` line.
    static func endOfContent(_ text: [UInt8], in range: Range<Int>) -> Int {
        closingStampStart(text, in: range) ?? TextLines.trailingBlankStart(text, in: range)
    }

    /// The bytes of the addressed section's body as `read` prints it: its body, without the
    /// blank lines between the heading and its text (layout, which a write keeps) and the
    /// closing `Last updated:` line of the outermost section of the address (and the blank
    /// lines before that line) when the addressed section is a subsection that ends that
    /// section. The stamp belongs to the section the address starts from, so a body read and
    /// written back leaves the file as it was. Nil when the section does not exist.
    package func readBody(of match: AddressMatch) -> Range<Int>? {
        guard let section = match.target else { return nil }
        var end = section.bodyRange.upperBound
        if match.found.count > 1, section.range.upperBound == match.found[0].range.upperBound,
           let stamp = Self.closingStampStart(bytes, in: section.bodyRange) {
            end = stamp
        }
        return TextLines.leadingBlankEnd(bytes, in: section.bodyRange.lowerBound..<end)..<end
    }

    /// When the last non-blank line of `range` is a `Last updated:` line: where the blank
    /// lines before it begin.
    static func closingStampStart(_ text: [UInt8], in range: Range<Int>) -> Int? {
        let end = TextLines.trailingBlankStart(text, in: range)
        let lastLineStart = TextLines.startOfLine(text, endingAt: end, lowerBound: range.lowerBound)
        guard lastLineStart < end, lastLineStart > range.lowerBound,
              Stamp.value(in: text[lastLineStart..<TextLines.contentEnd(text, lineStart: lastLineStart, end: end)]) != nil
        else { return nil }
        return TextLines.trailingBlankStart(text, in: range.lowerBound..<lastLineStart)
    }

    /// The change that sets the last `Last updated:` line of `local` (one top-level section)
    /// to `date`, or adds such a line at its end (`adds`).
    static func stamp(_ local: [UInt8], date: String, eol: [UInt8]) -> (range: Range<Int>, replacement: [UInt8], adds: Bool) {
        let document = Document(local, options: .commonMarkHeadings)
        guard let outer = document.sections.first else { return (0..<0, [], false) }
        let firstBodyLine = outer.heading.lastLine + 1
        if firstBodyLine < document.lines.count {
            for line in (firstBodyLine..<document.lines.count).reversed() where !document.isHeadingLine(line) {
                if let value = Stamp.value(in: document.text(ofLine: line)) {
                    return (value, Array(date.utf8), false)
                }
            }
        }
        let point = TextLines.trailingBlankStart(local, in: outer.bodyRange)
        var line: [UInt8] = TextLines.endsWithBlankLine(local, in: 0..<point) || point == outer.bodyRange.lowerBound ? [] : eol
        line += Stamp.label + Array(date.utf8) + eol
        return (point..<point, line, true)
    }
}

extension TextLines {
    /// Whether `text` ends with `suffix`.
    static func endsWith(_ text: [UInt8], _ suffix: [UInt8]) -> Bool {
        text.count >= suffix.count && text[(text.count - suffix.count)...].elementsEqual(suffix)
    }
}
