/// A journal's template: the section its dated entries go in, how many entries to keep, and
/// the parts of one entry, each with its bold label, its hint and its layout.
///
/// A journal template is a markdown file in `Templates/journals/` (a project's own in
/// `.superagent/templates/journals/`); it is not an agent template:
///
///     ---
///     journal: decision
///     section: Decision Log
///     keep: 50
///     ---
///     # Entry
///
///     ### Entry: [Date] - [Title]
///
///     **Context:**
///     [The situation and the forces that call for a decision]
///
///     **Alternatives:**
///
///     - [An option considered, and why it was not chosen]
///
/// Under `# Entry`: the entry's heading, then each part as a `**Label:**` line followed by a
/// sample: a paragraph, or a list (`-` items or `1.` items; two items with a blank line
/// between make a loose list). The sample's text is the part's hint; a bracketed hint marks a
/// part the entry must have.
package struct JournalTemplate: Sendable, Equatable {
    /// The template's name: its file name without `.md`.
    package let name: String
    /// The title of the level-2 section the entries go in.
    package let section: String
    /// How many entries `journal archive` keeps by default, and `check` allows.
    package let keep: Int?
    /// The parts of an entry, in order.
    package let parts: [JournalPart]

    /// The folder of journal templates inside a template folder.
    package static let folderName = "journals"

    /// Reads a journal template file. `origin` names it in errors (a path, or `bundled`).
    package static func parse(_ bytes: [UInt8], name: String, origin: String) throws -> JournalTemplate {
        let place = "journal template \(name) (\(origin))"
        let settings = try AgentTemplate.Settings(bytes, place: place)
        let document = Document(bytes)
        let entry = try AgentTemplate.part("Entry", of: document, place: place,
                                           hint: "a journal template has an `# Entry` part: the entry's heading, then `**Label:**` parts")
        guard let heading = document.sections.first(where: { $0.parent == entry.index }) else {
            throw InsightsError(.badData, "\(place): `# Entry` holds no heading", hint: "start `# Entry` with the entry's heading, `### Entry: [Date] - [Title]`")
        }
        var parts: [JournalPart] = []
        var current: (label: String, lines: [ArraySlice<UInt8>])?
        func close() throws {
            guard let open = current else { return }
            guard let part = JournalPart(label: open.label, sample: open.lines) else {
                throw InsightsError(.badData, "\(place): the part \"\(open.label)\" has no sample text", hint: "follow `**Label:**` with a hint such as `[What happened]`")
            }
            if parts.contains(where: { Title.loose($0.label) == Title.loose(part.label) }) {
                throw InsightsError(.badData, "\(place): the part \"\(part.label)\" comes twice")
            }
            parts.append(part)
        }
        if heading.heading.lastLine < heading.endLine {
            for line in (heading.heading.lastLine + 1)...heading.endLine {
                let text = document.text(ofLine: line)
                if let label = JournalPart.label(of: text) {
                    try close()
                    current = (label, [])
                } else if current != nil {
                    current?.lines.append(text)
                } else if !TextLines.isBlank(text) {
                    throw InsightsError(.badData, "\(place) line \(line + 1): expected a `**Label:**` line, found \"\(String(decoding: text, as: UTF8.self))\"")
                }
            }
        }
        try close()
        guard !parts.isEmpty else {
            throw InsightsError(.badData, "\(place): the entry has no `**Label:**` parts")
        }
        return JournalTemplate(name: name, section: settings.section, keep: settings.keep, parts: parts)
    }
}

/// One part of a journal entry: `**Label:**` and its text, a paragraph or a list.
package struct JournalPart: Sendable, Equatable {
    /// How the part's value is laid out.
    package enum Layout: Sendable, Equatable {
        /// The value's lines as they are, right under the label.
        case paragraph
        /// One item per line of the value, with this marker (`-`, or `1.` counted up).
        case list(ordered: Bool, marker: String)
    }

    /// The label, as in `**Label:**`.
    package let label: String
    /// The template's text for it: a bracketed hint such as `[What happened]`.
    package let hint: String
    /// Its layout.
    package let layout: Layout
    /// Whether a blank line follows the label line.
    package let blankAfterLabel: Bool
    /// Whether list items are separated by blank lines.
    package let looseItems: Bool

    /// Whether an entry must have it: its hint is bracketed.
    package var isRequired: Bool { hint.hasPrefix("[") }

    /// The label of a `**Label:**` (or `**Label**:`) line that holds nothing else.
    static func label(of line: ArraySlice<UInt8>) -> String? {
        guard let field = SummaryField(line: line), field.text.isEmpty else { return nil }
        return field.label
    }

    /// A part from its sample lines (those after the label line); nil when they hold no text.
    init?(label: String, sample: [ArraySlice<UInt8>]) {
        let lines = sample.map { String(decoding: $0, as: UTF8.self) }
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        self.label = label
        blankAfterLabel = first > 0
        let text = lines[first].trimmingWhitespace()
        if let item = ListItemText(text) {
            layout = .list(ordered: item.ordered, marker: item.marker)
            hint = item.text
            // A loose list: a blank line, then another item.
            let rest = lines[(first + 1)...]
            looseItems = rest.first.map { $0.allSatisfy(\.isWhitespace) } == true
                && rest.contains { ListItemText($0.trimmingWhitespace()) != nil }
        } else {
            layout = .paragraph
            hint = text
            looseItems = false
        }
    }
}

/// A line that is a list item: its marker (`-`, `*`, `+`, or a number with `.` or `)`) and
/// its text.
struct ListItemText {
    let ordered: Bool
    let marker: String
    let text: String

    /// Reads `line` (trimmed); nil when it is not a list item.
    init?(_ line: String) {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            ordered = false
            marker = String(first)
            text = line.dropFirst().trimmingWhitespace()
            return
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        let rest = line.dropFirst(digits.count)
        guard (1...9).contains(digits.count), let delimiter = rest.first, delimiter == "." || delimiter == ")",
              rest.dropFirst().first == " " else { return nil }
        ordered = true
        marker = String(delimiter)
        text = rest.dropFirst().trimmingWhitespace()
    }
}

extension TemplateCatalog {
    /// The journal template `name`: the project's `journals/NAME.md` if it has one, else the
    /// bundled one. Throws `usage` for a name that is not a plain name or names none.
    package func journal(named name: String) throws -> JournalTemplate {
        try Self.checkName(name)
        if let projectFolder {
            let path = FilePath.join(FilePath.join(projectFolder, JournalTemplate.folderName), name + ".md")
            if let bytes = try POSIX.readFile(path) {
                return try JournalTemplate.parse(bytes, name: name, origin: path)
            }
        }
        if let text = Self.bundledJournalSources.first(where: { $0.name == name })?.text {
            return try JournalTemplate.parse(Array(text.utf8), name: name, origin: "bundled")
        }
        let known = try journalNames()
        let suggestion = Closest.match(name, in: known).map { "did you mean \"\($0)\"? " } ?? ""
        throw InsightsError(.usage, "no journal template named \"\(name)\"", hint: suggestion + "journal templates: " + known.joined(separator: ", "))
    }

    /// The journal template names, bundled or the project's, sorted.
    package func journalNames() throws -> [String] {
        var names = Set(Self.bundledJournalSources.map(\.name))
        if let projectFolder {
            let folder = FilePath.join(projectFolder, JournalTemplate.folderName)
            if POSIX.isDirectory(folder) {
                for file in try POSIX.fileNames(in: folder) where file.hasSuffix(".md") {
                    let name = String(file.dropLast(3))
                    if (try? Self.checkName(name)) != nil { names.insert(name) }
                }
            }
        }
        return names.sorted()
    }

    /// Every journal template that can be read, for `check`'s entry counts.
    package func journals() -> [JournalTemplate] {
        ((try? journalNames()) ?? []).compactMap { try? journal(named: $0) }
    }
}
