/// Journals: logs of dated entries, each a subsection (`### Entry: 2026-01-26 - Title`) of
/// one section (`## Evolution Journal`), oldest first; or the session log, whose entries are
/// its level-2 sections whatever their headings say.
package enum JournalScope: Sendable, Equatable {
    /// The entries are the subsections one level below this section.
    case section(SectionAddress)
    /// The session log: every level-2 section is an entry.
    case sessionLog

    /// The level of the entries' headings in a file, when the journal section is `container`.
    func entryLevel(container: Section?) -> Int {
        switch self {
        case .section(let address): return (container?.level ?? address.level) + 1
        case .sessionLog: return 2
        }
    }
}

/// A journal in a document: the section that holds it (nil for a session log without a
/// title, or a journal section that does not exist) and its entries in document order.
package struct JournalLayout: Sendable {
    /// The journal's section.
    package let container: Section?
    /// The entries, oldest (first in the file) first.
    package let entries: [Section]
}

/// One entry as `journal list` and `journal read` show it.
package struct JournalEntry: Sendable, Equatable {
    /// The date at the start of its heading (after `Entry:`), if there is one.
    package let date: String?
    /// Its title: the heading after `Entry:` and the date.
    package let title: String
    /// Its heading's text as written.
    package let heading: String
    /// Its lines in the file, 1-based, trailing blank lines left out.
    package let lines: ClosedRange<Int>
    /// Its text, heading included, trailing blank lines left out.
    package let text: [UInt8]

    /// The heading text of a new entry: `Entry: DATE - TITLE`.
    package static func headingTitle(date: String, title: String) -> String {
        "Entry: \(date) - \(title)"
    }

    /// The date and title a heading's text holds: `Entry: 2026-01-26 - Title` (any case, the
    /// `Entry:` and the dash optional), or `2026-01-26 10:00 agent` as the session log writes.
    package static func parse(heading: String) -> (date: String?, title: String) {
        var text = Substring(Title.normalized(heading))
        if text.lowercased().hasPrefix("entry:") { text = text.dropFirst(6).drop(while: \.isWhitespace) }
        let candidate = String(text.prefix(10))
        guard CalendarDate.isValid(candidate), text.dropFirst(10).first.map({ $0 == " " || $0 == ":" }) ?? true else {
            return (nil, String(text))
        }
        let rest = text.dropFirst(10).drop { $0 == " " || $0 == "-" || $0 == ":" || $0 == "\u{2013}" || $0 == "\u{2014}" }
        return (candidate, String(rest))
    }
}

extension Document {
    /// The journal of `scope` in this document: its section and entries. A journal section
    /// that does not exist has no entries (`container` nil); `ambiguous` when its title is.
    package func journal(_ scope: JournalScope) throws -> JournalLayout {
        switch scope {
        case .section(let address):
            guard let container = try resolve(address).target else { return JournalLayout(container: nil, entries: []) }
            let level = scope.entryLevel(container: container)
            return JournalLayout(container: container, entries: sections(inside: container).filter { $0.level == level })
        case .sessionLog:
            let entries = sections.filter { $0.level == 2 }
            return JournalLayout(container: entries.first?.parent.map { sections[$0] }, entries: entries)
        }
    }

    /// `journal(_:)` for a journal that must exist: `sectionNotFound` (naming the sections
    /// that do) when its section does not.
    package func existingJournal(_ scope: JournalScope) throws -> JournalLayout {
        let journal = try journal(scope)
        if case .section(let address) = scope, journal.container == nil { _ = try section(at: address) }
        return journal
    }

    /// The entry `section` of a journal, as listed.
    package func journalEntry(_ section: Section) -> JournalEntry {
        let heading = writtenTitle(of: section.heading)
        let parsed = JournalEntry.parse(heading: heading)
        let end = TextLines.trailingBlankStart(bytes, in: section.range)
        let lastLine = max(section.heading.lastLine, lines.line(containing: max(section.range.lowerBound, end - 1)))
        return JournalEntry(date: parsed.date, title: parsed.title, heading: heading,
                            lines: (section.heading.firstLine + 1)...(lastLine + 1), text: Array(bytes[section.range.lowerBound..<max(end, section.range.lowerBound)]))
    }

    /// The file with `entries` (one or more entries' text, each starting with its heading)
    /// added at the end of the journal section `address`, after a blank line; the section is
    /// created at the end of the file when it is missing. The edit is an append without a
    /// stamp: every check of `update` holds, and no byte before the new text changes.
    package func appendingEntries(_ entries: [UInt8], to address: SectionAddress) throws -> EditResult {
        let eol = lineEnding
        var text = TextLines.normalized(entries, lineEnding: eol)
        if let container = try resolve(address).target {
            let point = Self.endOfContent(bytes, in: container.bodyRange)
            if !TextLines.endsWithBlankLine(bytes, in: container.range.lowerBound..<point) { text = eol + text }
        } else {
            text = eol + text
        }
        return try applying(EditRequest(address: address, edit: .append(text)))
    }
}

/// Writing one entry from a journal template's parts.
package enum JournalEntryText {
    /// The entry: its heading (`Entry: DATE - TITLE` at `level`; DATE is `date`, else that of
    /// a title given as a whole heading, else `today`) and each part of `template`
    /// that has a value, in the template's order, laid out as the template lays it out. Labels
    /// match in the loose form; a list part takes one item per line of its value (a leading
    /// list marker on a line is dropped). Throws `unknownField` for labels that are none of
    /// the template's, and, unless `allowMissing`, `missingField` naming each required part
    /// left without a value, with its hint.
    package static func render(_ template: JournalTemplate, title: String, date: String?, today: String, level: Int,
                               given: [(label: String, value: String?)], allowMissing: Bool) throws -> [UInt8] {
        let echoed = echoedHeading(title)
        let (title, date) = (echoed?.title ?? title, date ?? echoed?.date ?? today)
        let values = try SessionSummary.matchLabels(given, labels: template.parts.map(\.label), owner: "journal template \(template.name)", what: "part")
        let missing = template.parts.filter { $0.isRequired && values[$0.label] == nil }
        if !missing.isEmpty, !allowMissing { throw missingParts(missing) }
        var text = heading(title: title, date: date, level: level)
        for part in template.parts {
            guard let value = values[part.label] else { continue }
            text += "\n**\(part.label):**\n"
            if part.blankAfterLabel { text += "\n" }
            let lines = value.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { String($0).trimmingTrailingWhitespace() }
            switch part.layout {
            case .paragraph:
                text += lines.joined(separator: "\n").trimmingBlankLines() + "\n"
            case .list(let ordered, let marker):
                let items = lines.map { ListItemText($0.trimmingWhitespace())?.text ?? $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                text += items.enumerated().map { index, item in
                    (ordered ? "\(index + 1)\(marker) " : "\(marker) ") + item + "\n"
                }.joined(separator: part.looseItems ? "\n" : "")
            }
        }
        // A title or value that is not UTF-8 stays so, for `check` to refuse it.
        let bytes = ByteText.bytes(of: text)
        try check(bytes, level: level)
        return bytes
    }

    /// The entry an agent wrote itself (on standard input): `markdown`, whose first line may
    /// be its heading (any level; its date and title are used where `date` or `title` is
    /// nil), kept as it is after a heading at `level`. Unless `allowMissing`, each required
    /// part of `template` must be there as a `**Label:**` line (labels in the loose form),
    /// else `missingField`. `usage` when there is no title.
    package static func fromMarkdown(_ markdown: [UInt8], template: JournalTemplate, title: String?, date: String?, today: String,
                                     level: Int, allowMissing: Bool) throws -> [UInt8] {
        try UTF8Validation.check(markdown, what: "standard input")
        var lines = String(decoding: TextLines.normalized(markdown, lineEnding: [ASCII.lf]), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        var fromHeading: (date: String?, title: String)?
        if let first = lines.first, SessionSummary.isHeading(first.trimmingWhitespace()) {
            fromHeading = JournalEntry.parse(heading: Title.forNewHeading(first.trimmingWhitespace()))
            lines.removeFirst()
        }
        let echoed = title.flatMap(echoedHeading)
        guard let title = echoed?.title ?? title ?? fromHeading.map(\.title), !title.isEmpty else {
            throw InsightsError(.usage, "the entry has no title", hint: "give --title TEXT, or start the entry with its heading `### Entry: YYYY-MM-DD - Title`")
        }
        let body = lines.joined(separator: "\n").trimmingBlankLines()
        if !allowMissing {
            let known = SessionSummary.looseLabels(template.parts.map(\.label))
            var present = Set<String>()
            for line in body.split(separator: "\n") {
                let content = SessionSummary.withoutListMarker(Substring(line.trimmingWhitespace()))
                if let field = SessionSummary.split(Substring(Title.forNewHeading(String(content))), known: known), field.isKnown { present.insert(field.label) }
            }
            let missing = template.parts.filter { $0.isRequired && !present.contains($0.label) }
            if !missing.isEmpty { throw missingParts(missing) }
        }
        var text = heading(title: title, date: date ?? echoed?.date ?? fromHeading?.date ?? today, level: level)
        if !body.isEmpty { text += "\n" + body + "\n" }
        // A title or value that is not UTF-8 stays so, for `check` to refuse it.
        let bytes = ByteText.bytes(of: text)
        try check(bytes, level: level)
        return bytes
    }

    /// The title and date of a title given as a whole heading, `### Entry: 2026-01-26 - Title`
    /// (as an agent echoes what it read); nil for a title that does not start with `Entry:`.
    static func echoedHeading(_ title: String) -> (title: String, date: String?)? {
        let text = Title.forNewHeading(Title.normalized(title))
        guard text.lowercased().hasPrefix("entry:") else { return nil }
        let parsed = JournalEntry.parse(heading: text)
        guard !parsed.title.isEmpty else { return nil }
        return (parsed.title, parsed.date)
    }

    /// `### Entry: DATE - TITLE` and a line ending (`check` refuses a title that does not read
    /// back as that heading).
    static func heading(title: String, date: String, level: Int) -> String {
        String(repeating: "#", count: min(level, 6)) + " " + JournalEntry.headingTitle(date: date, title: Title.normalized(Title.forNewHeading(title))) + "\n"
    }

    /// The error naming each missing part with its hint.
    static func missingParts(_ missing: [JournalPart]) -> InsightsError {
        SessionSummary.missingLabels(missing.map { ($0.label, $0.hint) }, what: "journal part")
    }

    /// Throws `invalidInput` unless `entry` reads back as one entry: its heading at `level`
    /// first, and no heading of that level or higher after it (a value holding `## Notes`
    /// would start a section of its own).
    static func check(_ entry: [UInt8], level: Int) throws {
        try UTF8Validation.check(entry, what: "the entry")
        let document = Document(entry, options: .commonMark)
        guard let first = document.sections.first, first.heading.firstLine == 0, first.level == level else {
            throw InsightsError(.invalidInput, "the entry's title does not read back as its heading", hint: "give a plain one-line title")
        }
        if let stray = document.sections.dropFirst().first(where: { $0.level <= level }) {
            throw InsightsError(.invalidInput, "entry line \(stray.heading.firstLine + 1): \(BodyCheck.describe(stray.heading)) would start an entry or section of its own",
                                hint: "use headings of level \(min(level + 1, 6)) or deeper inside an entry, or none")
        }
    }
}

extension String {
    /// The text without white space at the end of the line.
    func trimmingTrailingWhitespace() -> String {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[...last])
    }

    /// The text without blank lines (or white space) at its start and end.
    func trimmingBlankLines() -> String {
        let lines = split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
              let last = lines.lastIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else { return "" }
        return lines[first...last].joined(separator: "\n")
    }
}

/// What `journal archive` moves: the oldest entries of a journal, from its file to the end of
/// the same section in an archive file.
package struct JournalArchive: Sendable {
    /// The file's new bytes, nil when it does not change.
    package var source: [UInt8]?
    /// The archive's new bytes, nil when it does not change.
    package var archive: [UInt8]?
    /// How many entries moved to the archive.
    package var moved: Int
    /// How many entries left the file because the archive already held them, byte for byte
    /// (a run that stopped after writing the archive).
    package var alreadyArchived: Int
    /// How many entries the file keeps.
    package var kept: Int

    /// Keeps the newest `keep` entries of the journal of `scope` in `source` and moves the
    /// others to `archive` (nil: it does not exist yet; `archiveTitle` is then its first
    /// line's title), oldest first, under the journal section's own heading. The source's
    /// oldest entries that the archive already holds byte for byte leave the file without
    /// being added again. `sectionNotFound` when the file has no such journal.
    package static func plan(source: Document, archive: Document?, scope: JournalScope, keep: Int, archiveTitle: String) throws -> JournalArchive {
        let journal = try source.existingJournal(scope)
        let target = archive ?? Document([])
        let containerAddress = journal.container.map { SectionAddress(title: $0.title, level: $0.level) }
        let archived = try target.journal(containerAddress.map(JournalScope.section) ?? .sessionLog)
        let eol = target.bytes.isEmpty ? source.lineEnding : target.lineEnding
        func comparable(_ document: Document, _ entry: Section) -> [UInt8] {
            TextLines.normalized(TextLines.splitTrailingBlankLines(document.bytes[entry.range]).text, lineEnding: [ASCII.lf])
        }
        let archivedTexts = Set(archived.entries.map { comparable(target, $0) })
        let entries = journal.entries
        let duplicates = entries.prefix { archivedTexts.contains(comparable(source, $0)) }.count
        let moving = max(0, entries.count - duplicates - keep)
        let leaving = duplicates + moving
        var result = JournalArchive(source: nil, archive: nil, moved: moving, alreadyArchived: duplicates, kept: entries.count - leaving)
        guard leaving > 0 else { return result }

        if moving > 0 {
            let first = entries[duplicates], last = entries[leaving - 1]
            let text = Array(source.bytes[first.range.lowerBound..<TextLines.trailingBlankStart(source.bytes, in: last.range)])
            var base = target
            if archive == nil, journal.container.map({ $0.level > 1 }) ?? true {
                // A new archive starts with a title of its own; a session log's title is its
                // journal section's heading, which the archive gets as it is.
                base = Document(Array("# \(archiveTitle)".utf8) + eol)
            }
            let appended: EditResult
            if let containerAddress {
                appended = try base.appendingEntries(text, to: containerAddress)
            } else {
                // A session log without a title: the entries go at the end of the file.
                var bytes = base.bytes
                if !bytes.isEmpty, !TextLines.endsWithLineEnding(bytes) { bytes += eol }
                if !bytes.isEmpty, !TextLines.endsWithBlankLine(bytes) { bytes += eol }
                appended = try Document(bytes).appendingEntriesAtEnd(TextLines.normalized(text, lineEnding: eol))
            }
            result.archive = appended.bytes
        }

        // The file: the leaving entries cut out, with the blank lines around them kept tidy.
        let bytes = source.bytes
        let first = entries[0]
        var cut: Range<Int>
        if leaving < entries.count {
            cut = first.range.lowerBound..<entries[leaving].range.lowerBound
        } else {
            let before = (journal.container?.bodyRange.lowerBound ?? 0)..<first.range.lowerBound
            cut = TextLines.trailingBlankStart(bytes, in: before)..<TextLines.trailingBlankStart(bytes, in: entries[leaving - 1].range)
            if cut.lowerBound == 0 || journal.container.map({ cut.lowerBound == $0.bodyRange.lowerBound }) == true {
                cut = first.range.lowerBound..<cut.upperBound
            }
        }
        var kept = Array(bytes[..<cut.lowerBound])
        kept += bytes[cut.upperBound...]
        try checkCut(source, cut: cut, result: kept)
        result.source = kept
        return result
    }

    /// Throws `badData` unless the file after the cut has exactly its old headings but those
    /// of the entries cut out, in order: removing them changes how nothing else reads.
    private static func checkCut(_ source: Document, cut: Range<Int>, result: [UInt8]) throws {
        let expected = source.sections.filter { !cut.contains($0.range.lowerBound) }.map { "\($0.level) \($0.title)" }
        let now = Document(result, options: source.options).sections.map { "\($0.level) \($0.title)" }
        guard expected == now else {
            throw InsightsError(.badData, "moving the entries out would change how the rest of the file reads",
                                hint: "nothing was written; leave a blank line between the journal's text and its entries")
        }
    }
}

extension Document {
    /// The file with `text` (level-2 entries) added at its end, checked like any append.
    fileprivate func appendingEntriesAtEnd(_ text: [UInt8]) throws -> EditResult {
        let result = Array(bytes) + text
        let before = sections.map { "\($0.level) \($0.title)" }
        let added = Document(text, options: .commonMark).sections.map { "\($0.level) \($0.title)" }
        guard Document(result, options: options).sections.map({ "\($0.level) \($0.title)" }) == before + added else {
            throw InsightsError(.badData, "the archive's end would swallow the entries added after it", hint: "close the block the archive leaves open")
        }
        return EditResult(pieces: [result[...]], created: false, changed: true, section: nil, options: options)
    }
}
