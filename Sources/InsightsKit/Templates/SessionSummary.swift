/// An agent's end-of-session summary: one `**Label**: value` line per field of its
/// template, in the template's order.
public struct SessionSummary: Sendable, Equatable {
    /// The template the summary follows.
    package let template: AgentTemplate
    /// The fields that have a value, in template order, with their values.
    package let entries: [Entry]
    /// The required fields no value was given for.
    public let missing: [SummaryField]

    /// A field and its value.
    package struct Entry: Sendable, Equatable {
        /// The template's field.
        package let field: SummaryField
        /// Its value, one line.
        package let value: String
    }

    /// Matches `given` labels to the template's fields by their loose form (`Title.loose`:
    /// case, white space, `**`, a trailing `:` ignored; a label given twice takes its last
    /// value). A nil or blank value counts as not given; a field with fixed text takes that
    /// text when not given. Throws `unknownField` naming every label that is none of the
    /// template's, each with its closest label (a prefix of a label is only ever suggested);
    /// `invalidInput` for a value of more than one line; and, unless `allowMissing`,
    /// `missingField` naming each required field left without a value, with its hint.
    public init(template: AgentTemplate, given: [(label: String, value: String?)], allowMissing: Bool) throws {
        let values = try Self.matchLabels(given, labels: template.fields.map(\.label), owner: template.name, what: "summary field", oneLine: true)
        var entries: [Entry] = []
        var missing: [SummaryField] = []
        for field in template.fields {
            if let value = values[field.label] ?? (field.isRequired ? nil : field.text) {
                entries.append(Entry(field: field, value: value))
            } else {
                missing.append(field)
            }
        }
        if !missing.isEmpty, !allowMissing { throw Self.missingLabels(missing.map { ($0.label, $0.text) }, what: "summary field") }
        self.template = template
        self.entries = entries
        self.missing = missing
    }

    /// The value given for each of `labels`, by the label as `labels` spells it: each given
    /// label matched by its loose form (`Title.loose`: case, white space, `**`, a trailing
    /// `:` ignored; a label given twice takes its last value), each value trimmed; a nil or
    /// blank value counts as not given. Throws `unknownField` naming every label that is none
    /// of `labels` (each a `what` of `owner`), with its closest label; with `oneLine`,
    /// `invalidInput` for a value of more than one line.
    static func matchLabels(_ given: [(label: String, value: String?)], labels: [String], owner: String, what: String,
                            oneLine: Bool = false) throws -> [String: String] {
        let known = looseLabels(labels)
        var values: [String: String] = [:]
        var unknown: [String] = []
        for (label, value) in given {
            let value = try value.map { try UTF8Validation.checked($0, what: "the value of \"\(label)\"") }
            guard let match = known[Title.loose(label)] else {
                if !unknown.contains(where: { Title.loose($0) == Title.loose(label) }) { unknown.append(label) }
                continue
            }
            let text = (value ?? "").trimmingWhitespace()
            guard !oneLine || !text.utf8.contains(where: { $0 == ASCII.lf || $0 == ASCII.cr }) else {
                throw InsightsError(.invalidInput, "the value of \"\(match)\" must be one line", hint: "a summary field is one `**Label**: value` line")
            }
            values[match] = text.isEmpty ? nil : text
        }
        if !unknown.isEmpty { throw unknownLabels(unknown, labels: labels, owner: owner, what: what) }
        return values
    }

    /// The `missingField` error naming each of `missing` (a `what`) with its hint.
    static func missingLabels(_ missing: [(label: String, hint: String)], what: String) -> InsightsError {
        let names = missing.map { "\"\($0.label)\"" }.joined(separator: ", ")
        return InsightsError(.missingField, "\(missing.count == 1 ? "a \(what) is" : "\(missing.count) \(what)s are") missing: \(names)",
                             hint: "give each a value: " + missing.map { "\($0.label): \($0.hint)" }.joined(separator: "; "),
                             candidates: missing.map { InsightsError.Candidate(title: $0.label) })
    }

    /// The one error for every label of `unknown` (as given): each named, with the label of
    /// `labels` it most likely means; the candidates are those suggestions.
    static func unknownLabels(_ unknown: [String], labels: [String], owner: String, what: String) -> InsightsError {
        let suggestions = unknown.map { suggestion(for: $0, in: labels) }
        let message: String
        if unknown.count == 1 {
            message = "\"\(unknown[0])\" is not a \(what) of \(owner)" + (suggestions[0].map { "; did you mean \"\($0)\"?" } ?? "")
        } else {
            message = "\(unknown.count) labels are not \(what)s of \(owner): " + zip(unknown, suggestions).map { label, suggestion in
                "\"\(label)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
            }.joined(separator: ", ")
        }
        return InsightsError(.unknownField, message, hint: "its \(what.split(separator: " ").last ?? "")s: " + labels.map { "\"\($0)\"" }.joined(separator: ", "),
                             candidates: suggestions.compactMap { $0 }.map { InsightsError.Candidate(title: $0) })
    }

    /// The label of `labels` that `label` most likely means: the nearest in loose form (a
    /// likely typo, `Closest.match`), else the first that starts with it. Only a suggestion:
    /// a label matches only when its loose form is the same.
    static func suggestion(for label: String, in labels: [String]) -> String? {
        let wanted = Title.loose(label)
        let loose = labels.map(Title.loose)
        if let near = Closest.match(wanted, in: loose), let index = loose.firstIndex(of: near) { return labels[index] }
        guard !wanted.isEmpty, let index = loose.firstIndex(where: { $0.hasPrefix(wanted) }) else { return nil }
        return labels[index]
    }

    /// Each label by its loose form; the first of labels with the same loose form wins.
    static func looseLabels(_ labels: [String]) -> [String: String] {
        Dictionary(labels.map { (Title.loose($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads one field as an agent writes it, `Label=value`, `Label: value`, `**Label**: value`
    /// or `**Label:** value`, optionally as a list item (`- **Label**: value`): it splits at the
    /// earliest `=` or `:` whose left side, in loose form, is one of `labels` (so a value may
    /// hold `=` and `:`), and gives that label as `labels` spells it, with the value trimmed.
    /// When no split point gives a label, the label is the text before the earliest `=` or
    /// `:`, as written, for `init` to report as unknown. Nil when there is no `=` or `:`.
    package static func field(_ text: String, labels: [String]) -> (label: String, value: String)? {
        split(withoutListMarker(Substring(text.trimmingWhitespace())), known: looseLabels(labels)).map { ($0.label, $0.value) }
    }

    /// The fields of a summary block as an agent prints it (on standard input): one field per
    /// line, read as `field(_:labels:)` reads it; blank lines and ATX headings (`## Session
    /// Summary`) are skipped. A field whose label is none of `labels` is kept (for `init` to
    /// report) when it is in the protocol's bold form, `**Label**: value`; any other line
    /// throws `invalidInput` naming its 1-based number and its text. `source` names the block.
    package static func fields(inBlock bytes: [UInt8], labels: [String], source: String = "standard input") throws -> [(label: String, value: String?)] {
        try UTF8Validation.check(bytes, what: source)
        let known = looseLabels(labels)
        let text = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self)
        var given: [(label: String, value: String?)] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || isHeading(trimmed) { continue }
            let content = withoutListMarker(Substring(trimmed))
            guard let field = split(content, known: known), field.isKnown || SummaryField(line: ArraySlice(content.utf8)) != nil else {
                throw InsightsError(.invalidInput, "\(source) line \(index + 1) is not a summary field: \"\(trimmed)\"",
                                    hint: "each line is one `**Label**: value` (blank lines and `#` headings are skipped); the labels: "
                                        + labels.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            given.append((field.label, field.value))
        }
        return given
    }

    /// `line` split at its earliest `=` or `:` whose left side is a label of `known` (by loose
    /// form), else at its earliest `=` or `:` (`isKnown` false); nil when it has neither.
    static func split(_ line: Substring, known: [String: String]) -> (label: String, value: String, isKnown: Bool)? {
        var first: (labelEnd: Substring.Index, valueStart: Substring.Index)?
        for separator in line.indices where line[separator] == "=" || line[separator] == ":" {
            let points = splitPoints(line, at: separator)
            for point in points {
                if let label = known[Title.loose(String(line[..<point.labelEnd]))] {
                    return (label, line[point.valueStart...].trimmingWhitespace(), true)
                }
            }
            if first == nil { first = points.last }
        }
        return first.map { (line[..<$0.labelEnd].trimmingWhitespace(), line[$0.valueStart...].trimmingWhitespace(), false) }
    }

    /// Where `line` may split at the `=` or `:` at `separator`: just before it; and for a `:`
    /// closing a marked label, `**Label:** value` (`__` and backticks alike), after the marker
    /// (and after an `=` or `:` that follows it).
    static func splitPoints(_ line: Substring, at separator: Substring.Index) -> [(labelEnd: Substring.Index, valueStart: Substring.Index)] {
        let after = line.index(after: separator)
        guard line[separator] == ":",
              let marker = ["**", "__", "`"].first(where: { line.hasPrefix($0) && line[after...].hasPrefix($0) }) else {
            return [(separator, after)]
        }
        let end = line.index(after, offsetBy: marker.count)
        // `**Label:**=value`: the value starts after an `=` or `:` that follows the marker.
        let next = line[end...].firstIndex { $0 != " " }
        let value = next.flatMap { line[$0] == "=" || line[$0] == ":" ? line.index(after: $0) : nil } ?? end
        return [(separator, after), (end, value)]
    }

    /// `line` without a leading list marker: `-`, `*` or `+` followed by white space.
    static func withoutListMarker(_ line: Substring) -> Substring {
        guard let marker = line.first, "-*+".contains(marker), line.dropFirst().first?.isWhitespace == true else { return line }
        return line.dropFirst().drop(while: \.isWhitespace)
    }

    /// Whether `line` (trimmed) is an ATX heading: one to six `#` and a space, a tab or nothing.
    static func isHeading(_ line: String) -> Bool {
        Array(line.utf8).withUnsafeBufferPointer { ScanState.atxOpening($0, from: 0, to: $0.count) != nil }
    }

    /// The summary: `**Label**: value` lines ending with `\n`.
    public var text: String {
        entries.map { "**\($0.field.label)**: \($0.value)\n" }.joined()
    }

    /// `log` (a session log's bytes, nil when it does not exist yet) with this summary added
    /// at its end under a `## DATE TIME AGENT` heading. The log's line endings are kept.
    package func appended(to log: [UInt8]?, agent: String, date: String, time: String) -> [UInt8] {
        let current = log ?? []
        let eol = TextLines.firstLineEnding(current)
        var result = current.isEmpty ? Array("# Session log\n".utf8) : current
        if !TextLines.endsWithLineEnding(current) { result += eol }
        if !TextLines.endsWithBlankLine(result) { result += eol }
        result += TextLines.normalized(Array("## \(date) \(time) \(agent)\n\n".utf8) + Array(text.utf8), lineEnding: eol)
        return result
    }
}
