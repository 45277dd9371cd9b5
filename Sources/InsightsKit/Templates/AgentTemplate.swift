/// An agent's template: the section it owns, that section's skeleton, and the labels of its
/// end-of-session summary.
///
/// A template is a markdown file a person can write by hand:
///
///     ---
///     agent: backend-architect
///     section: System Architecture
///     limit: 120
///     ---
///     # Section
///
///     ## System Architecture
///
///     ### Key Technical Decisions
///     - **Database Choice**: [Choice made] - Rationale: [Why this approach]
///
///     Last updated: [Date]
///
///     # Session Summary
///
///     **System Implementation**: [Specific architecture/technology implemented]
///
/// The front matter names the agent, the section it owns and, optionally, the section's size
/// budget in lines. Under `# Section` comes the skeleton as the protocol prints it, starting
/// with its heading; under `# Session Summary`, one `**Label**: hint` line per summary field.
public struct AgentTemplate: Sendable, Equatable {
    /// The template's name: its file name without `.md`.
    public let name: String
    /// The agent the template belongs to.
    package let agent: String
    /// The title of the section the agent owns.
    public let section: String
    /// The section's size budget in lines, if the template sets one.
    public let limit: Int?
    /// The skeleton's body: everything after its heading line, ending with a line ending.
    package let skeleton: [UInt8]
    /// The session summary's fields, in order.
    public let fields: [SummaryField]
    /// The template file's bytes.
    package let source: [UInt8]

    /// Whether the template names a real section rather than a placeholder like `[Section]`.
    package var ownsSection: Bool {
        !(section.hasPrefix("[") && section.hasSuffix("]"))
    }

    /// Reads a template file. `origin` names it in errors (a path, or `bundled`).
    package static func parse(_ bytes: [UInt8], name: String, origin: String) throws -> AgentTemplate {
        let place = "template \(name) (\(origin))"
        try UTF8Validation.check(bytes, what: place)
        let settings = try Settings(bytes, place: place)
        let document = Document(bytes)
        let skeletonPart = try part("Section", of: document, place: place)
        guard let skeletonHeading = document.sections.first(where: { $0.parent == skeletonPart.index }) else {
            throw InsightsError(.badData, "\(place): `# Section` holds no heading",
                                hint: "put the section's skeleton under `# Section`, starting with its `## Title` line")
        }
        let summary = try part("Session Summary", of: document, place: place)
        return AgentTemplate(
            name: name, agent: settings.agent ?? name, section: settings.section, limit: settings.limit,
            skeleton: skeletonBody(document, skeletonHeading),
            fields: try fields(of: document, in: summary, place: place), source: bytes)
    }

    /// The line budget a template file declares for the section it owns, read from its
    /// front matter alone (the rest of the file is not parsed); nil when it declares none,
    /// owns no section, or cannot be read.
    static func declaredBudget(_ bytes: [UInt8], name: String, origin: String) -> SectionBudget? {
        guard let settings = try? Settings(bytes, place: "template \(name) (\(origin))"), let limit = settings.limit,
              !(settings.section.hasPrefix("[") && settings.section.hasSuffix("]")) else { return nil }
        return SectionBudget(address: SectionAddress(title: settings.section), limit: limit)
    }

    /// The `key: value` settings of a template's front matter.
    struct Settings {
        /// `bytes` through the first line after the first that is `---` or `...` (where
        /// front matter ends), or all of them.
        static func frontMatterHead(of bytes: [UInt8]) -> [UInt8] {
            for fence in [Array("\n---".utf8), Array("\n...".utf8)] {
                let end = bytes.withUnsafeBufferPointer { ByteSearch.first(fence, in: $0, range: 0..<$0.count) }
                if let end, let lineEnd = bytes[(end + fence.count)...].firstIndex(where: { $0 == ASCII.lf || $0 == ASCII.cr }) {
                    return Array(bytes[...lineEnd])
                }
            }
            return bytes
        }

        let agent: String?
        let section: String
        let limit: Int?
        /// A journal's number of entries to keep (journal templates).
        let keep: Int?

        init(_ bytes: [UInt8], place: String) throws {
            try UTF8Validation.check(bytes, what: place)
            // Only the lines up to the front matter's end are split: the rest of the file is
            // not needed (a `---` or `...` line after the first ends the front matter).
            var head = Self.frontMatterHead(of: bytes)
            var lines = LineTable(head)
            func frontMatter() -> Range<Int>? {
                head.withUnsafeBufferPointer { FrontMatter.lines(in: $0, lines, contentStart: Document.byteOrderMarkLength(head)) }
            }
            if frontMatter() == nil, head.count < bytes.count {
                (head, lines) = (bytes, LineTable(bytes))
            }
            guard let range = frontMatter() else {
                throw InsightsError(.badData, "\(place): no front matter",
                                    hint: "a template starts with ---, `agent: NAME`, `section: TITLE`, ---")
            }
            var settings: [String: String] = [:]
            for line in (range.lowerBound + 1)..<(range.upperBound - 1) {
                let text = String(decoding: head[lines.starts[line]..<lines.contentEnds[line]], as: UTF8.self)
                if text.allSatisfy(\.isWhitespace) { continue }
                guard let colon = text.firstIndex(of: ":") else {
                    throw InsightsError(.badData, "\(place) line \(line + 1): expected `key: value`, found \"\(text)\"")
                }
                let key = text[..<colon].trimmingWhitespace()
                settings[key] = text[text.index(after: colon)...].trimmingWhitespace()
            }
            guard let section = settings["section"], !section.isEmpty else {
                throw InsightsError(.badData, "\(place): the front matter has no `section:`",
                                    hint: "a template starts with ---, `agent: NAME`, `section: TITLE`, ---")
            }
            func count(_ key: String, of what: String) throws -> Int? {
                guard let text = settings[key] else { return nil }
                guard let number = Int(text), number > 0 else {
                    throw InsightsError(.badData, "\(place): `\(key):` takes a whole number of \(what), not \"\(text)\"")
                }
                return number
            }
            limit = try count("limit", of: "lines")
            keep = try count("keep", of: "entries")
            agent = settings["agent"]
            self.section = Title.normalized(section)
        }
    }

    /// The level-1 part titled `title`.
    static func part(_ title: String, of document: Document, place: String,
                     hint: String = "a template has a `# Section` part (the skeleton) and a `# Session Summary` part (the labels)") throws -> Section {
        guard let part = document.sections.first(where: { $0.level == 1 && $0.title == title }) else {
            throw InsightsError(.badData, "\(place): no `# \(title)` part", hint: hint)
        }
        return part
    }

    /// The skeleton heading's body without its trailing blank lines, ending with `\n`.
    private static func skeletonBody(_ document: Document, _ heading: Section) -> [UInt8] {
        let end = TextLines.trailingBlankStart(document.bytes, in: heading.bodyRange)
        guard end > heading.bodyRange.lowerBound else { return [] }
        return TextLines.normalized(Array(document.bytes[heading.bodyRange.lowerBound..<end]), lineEnding: [ASCII.lf])
    }

    /// The `**Label**: text` lines of the summary part.
    private static func fields(of document: Document, in part: Section, place: String) throws -> [SummaryField] {
        var fields: [SummaryField] = []
        guard part.heading.lastLine < part.endLine else { return [] }
        for line in (part.heading.lastLine + 1)...part.endLine {
            let text = document.text(ofLine: line)
            if TextLines.isBlank(text) { continue }
            guard let field = SummaryField(line: text) else {
                throw InsightsError(.badData, "\(place) line \(line + 1): expected `**Label**: hint`, found \"\(String(decoding: text, as: UTF8.self))\"")
            }
            if fields.contains(where: { $0.label == field.label }) {
                throw InsightsError(.badData, "\(place) line \(line + 1): the label \"\(field.label)\" comes twice")
            }
            fields.append(field)
        }
        return fields
    }
}

/// One field of a session summary: its label and the template's text for it.
public struct SummaryField: Sendable, Equatable {
    /// The label, as in `**Label**:`.
    public let label: String
    /// The template's text: a bracketed hint such as `[What was done]`, or fixed text.
    public let text: String

    /// Whether the agent must give a value: the template's text is a bracketed hint. A field
    /// with fixed text is filled with that text when no value is given.
    public var isRequired: Bool { text.hasPrefix("[") }

    /// Creates a field.
    package init(label: String, text: String) {
        self.label = label
        self.text = text
    }

    /// Reads `**Label**: text` (or `**Label:** text`); nil for any other line.
    init?(line: ArraySlice<UInt8>) {
        let text = Array(String(decoding: line, as: UTF8.self).trimmingWhitespace())
        guard text.count > 4, text[0] == "*", text[1] == "*",
              let close = (2..<(text.count - 1)).first(where: { text[$0] == "*" && text[$0 + 1] == "*" }) else { return nil }
        var label = text[2..<close]
        var after = text[(close + 2)...]
        if label.last == ":" {
            label = label.dropLast()
        } else {
            guard after.first == ":" else { return nil }
            after = after.dropFirst()
        }
        let trimmedLabel = String(label).trimmingWhitespace()
        guard !trimmedLabel.isEmpty else { return nil }
        self.init(label: trimmedLabel, text: String(after).trimmingWhitespace())
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
