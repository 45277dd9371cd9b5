/// An agent's end-of-session summary: one `**Label**: value` line per field of its
/// template, in the template's order.
public struct SessionSummary: Sendable, Equatable {
    /// The template the summary follows.
    public let template: AgentTemplate
    /// The fields that have a value, in template order, with their values.
    public let entries: [Entry]
    /// The required fields no value was given for.
    public let missing: [SummaryField]

    /// A field and its value.
    public struct Entry: Sendable, Equatable {
        /// The template's field.
        public let field: SummaryField
        /// Its value, one line.
        public let value: String
    }

    /// Matches `given` labels to the template's fields (white space collapsed, case ignored;
    /// a label given twice takes its last value). A nil or blank value counts as not given;
    /// a field with fixed text takes that text when not given. Throws `badData` for an
    /// unknown label (naming the closest), a value of more than one line, and, unless
    /// `allowMissing`, for required fields left without a value (naming each with its hint).
    public init(template: AgentTemplate, given: [(label: String, value: String?)], allowMissing: Bool) throws {
        var values: [String: String] = [:]
        let labels = template.fields.map(\.label)
        for (label, value) in given {
            let key = Self.key(label)
            guard let field = template.fields.first(where: { Self.key($0.label) == key }) else {
                let suggestion = Closest.match(label, in: labels).map { "; did you mean \"\($0)\"?" } ?? ""
                throw InsightsError(.badData, "\"\(label)\" is not a summary field of \(template.name)\(suggestion)",
                                    hint: "its fields: " + labels.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            let text = (value ?? "").trimmingWhitespace()
            guard !text.utf8.contains(where: { $0 == ASCII.lf || $0 == ASCII.cr }) else {
                throw InsightsError(.badData, "the value of \"\(field.label)\" must be one line", hint: "a summary field is one `**Label**: value` line")
            }
            values[field.label] = text.isEmpty ? nil : text
        }
        var entries: [Entry] = []
        var missing: [SummaryField] = []
        for field in template.fields {
            if let value = values[field.label] ?? (field.isRequired ? nil : field.text) {
                entries.append(Entry(field: field, value: value))
            } else {
                missing.append(field)
            }
        }
        if !missing.isEmpty, !allowMissing {
            let names = missing.map { "\"\($0.label)\"" }.joined(separator: ", ")
            throw InsightsError(.badData, "\(missing.count == 1 ? "a summary field is" : "\(missing.count) summary fields are") missing: \(names)",
                                hint: missing.map { "--field \"\($0.label)=\($0.text)\"" }.joined(separator: " "))
        }
        self.template = template
        self.entries = entries
        self.missing = missing
    }

    /// How labels are compared: white space collapsed, case ignored.
    static func key(_ label: String) -> String {
        Title.normalized(label).lowercased()
    }

    /// The summary: `**Label**: value` lines ending with `\n`.
    public var text: String {
        entries.map { "**\($0.field.label)**: \($0.value)\n" }.joined()
    }

    /// `log` (a session log's bytes, nil when it does not exist yet) with this summary added
    /// at its end under a `## DATE TIME AGENT` heading. The log's line endings are kept.
    public func appended(to log: [UInt8]?, agent: String, date: String, time: String) -> [UInt8] {
        let current = log ?? []
        let eol = TextLines.firstLineEnding(current)
        var result = current.isEmpty ? Array("# Session log\n".utf8) : current
        if !TextLines.endsWithLineEnding(current) { result += eol }
        if !TextLines.endsWithBlankLine(result) { result += eol }
        result += TextLines.normalized(Array("## \(date) \(time) \(agent)\n\n".utf8) + Array(text.utf8), lineEnding: eol)
        return result
    }
}
