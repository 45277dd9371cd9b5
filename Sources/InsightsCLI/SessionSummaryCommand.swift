import InsightsKit

/// `insights session-summary`: the end-of-session summary of the protocol, checked against
/// the agent's template, printed and optionally logged.
enum SessionSummaryCommand: Command {
    static let field = Option(name: "field", value: .required("\"LABEL=VALUE\""),
                              help: "one field; also \"Label: value\" or \"**Label**: value\"; labels match\nin the loose form", repeatable: true)
    static let fieldsJSON = Option(name: "fields-json", value: .required("PATH|-"), help: "fields as a JSON object {\"Label\": \"value\"}; --field wins")
    static let allowMissing = Option(name: "allow-missing", value: .none, help: "print the fields given even when required ones are missing")
    static let log = Option(name: "log", value: .optional("PATH"), help: "also append it, under a dated heading naming the agent, to PATH\n(default: sessions.md beside the insights file)")

    static let spec = CommandSpec(
        name: "session-summary", summary: "Prints the agent's session summary, one **Label**: value line per template field, and can log it.",
        options: [Options.agent.help("the agent whose template lists the fields"), Options.template.help("a template that lists the fields"),
                  field, fieldsJSON, allowMissing, log, Options.date.help("the date of the log heading (default today)"), Options.lockTimeout,
                  Options.json.help("print agent, template, summary, fields, missing and log")],
        exclusive: [[Options.agent, Options.template]],
        notes: """
        With no --field or --fields-json, the summary block is read from standard input
        (unless it is a terminal): one "**Label**: value" line per field (also "- **Label**:
        value" or "Label: value"); blank lines and # headings are skipped, any other line
        exits 65 naming it. A missing required field exits 65 naming each with its hint;
        unknown labels exit 65, all in one error, each with the closest label.
        """,
        example: "insights session-summary --agent backend-architect --log --field \"System Implementation=Orders API\"")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let name: String
        switch (arguments.value(Options.agent), arguments.value(Options.template)) {
        case (let agent?, nil): name = agent
        case (nil, let template?): name = template
        case (let agent?, _): name = agent
        case (nil, nil): throw InsightsError(.usage, "`insights session-summary` needs --agent NAME or --template NAME", hint: "usage: \(spec.usage)")
        }
        let template = try context.templates.template(named: name)
        let summary: SessionSummary
        do {
            summary = try SessionSummary(template: template, given: try fields(arguments, labels: template.fields.map(\.label), terminal: context.terminal),
                                         allowMissing: arguments.has(allowMissing))
        } catch var error as InsightsError where error.kind == .missingField {
            error.hint = fieldFlags(for: error, fields: template.fields.map { ($0.label, $0.text) })
            throw error
        }
        var logPath: String?
        if let path = arguments.path(log) {
            let log = InsightsFile(path: path.isEmpty ? context.file.sessionLogPath : path)
            let date = try Editing.date(arguments)
            try log.modify(lockTimeout: try Editing.lockTimeout(arguments)) { current in
                (summary.appended(to: current, agent: name, date: date, time: CalendarDate.timeOfDay()), ())
            }
            logPath = log.path
        }
        if arguments.has(Options.json) {
            context.terminal.out(Reports.summary(summary, template: template, log: logPath).serialized)
        } else {
            context.terminal.out(Array(summary.text.utf8))
            if let logPath { context.terminal.message("insights: logged the summary to \(logPath)") }
        }
        return 0
    }

    /// The hint of a `missingField` error as the flags that would give each missing field:
    /// `--field "Label=[hint]"`, in the order of `fields` (labels and hints).
    static func fieldFlags(for error: InsightsError, fields: [(label: String, hint: String)]) -> String {
        let missing = Set(error.candidates.map(\.title))
        return fields.filter { missing.contains($0.label) }.map { "--field \"\($0.label)=\($0.hint)\"" }.joined(separator: " ")
    }

    /// The fields of `--fields-json`, then those of `--field`; with neither, the summary block
    /// on standard input when it is not a terminal.
    static func fields(_ arguments: ParsedArguments, labels: [String], terminal: Terminal) throws -> [(label: String, value: String?)] {
        if let given = try givenFields(arguments, labels: labels, field: field, terminal: terminal) { return given }
        guard let block = try terminal.readInput() else { return [] }
        return try SessionSummary.fields(inBlock: block, labels: labels)
    }

    /// The fields of `--fields-json`, then those of `field` (`--field`); nil when neither is
    /// given.
    static func givenFields(_ arguments: ParsedArguments, labels: [String], field: Option, terminal: Terminal) throws -> [(label: String, value: String?)]? {
        var given: [(label: String, value: String?)] = []
        let jsonSource = arguments.path(fieldsJSON)
        if let source = jsonSource {
            let bytes: [UInt8]
            if source == "-" {
                bytes = try terminal.readInput() ?? []
            } else {
                guard let read = try InsightsFile(path: source).readInput() else {
                    throw InsightsError(.noInput, "fields file \(source) does not exist")
                }
                bytes = read
            }
            given += try JSONFields.parse(bytes, source: source == "-" ? "standard input" : source).map { ($0.key, $0.value) }
        }
        let fields = arguments.values(field)
        for field in fields {
            guard let split = SessionSummary.field(field, labels: labels) else {
                throw InsightsError(.usage, "--field takes \"LABEL=VALUE\" or \"LABEL: VALUE\", not \(field.debugDescription)")
            }
            given.append((split.label, split.value))
        }
        return jsonSource == nil && fields.isEmpty ? nil : given
    }
}
