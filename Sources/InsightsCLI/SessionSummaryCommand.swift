import InsightsKit

/// `insights session-summary`: the end-of-session summary of the protocol, checked against
/// the agent's template, printed and optionally logged.
enum SessionSummaryCommand: Command {
    static let spec = CommandSpec(
        name: "session-summary",
        usage: "insights session-summary --agent NAME | --template NAME [--field \"LABEL=VALUE\"]... [--fields-json PATH|-] [--allow-missing] [--log [PATH]] [--date YYYY-MM-DD] [--lock-timeout SECONDS] [--json]",
        summary: "Prints the agent's session summary, one **Label**: value line per template field, and can log it.",
        flags: ["allow-missing", "json"],
        options: ["agent", "template", "field", "fields-json", "date", "lock-timeout"], positionals: 0...0,
        details: """
        --agent NAME          the agent whose template lists the fields (or --template NAME)
        --field "LABEL=VALUE" one field, also "Label: value" or "**Label**: value" (repeatable;
                              labels match ignoring case, white space, ** and a trailing :)
        --fields-json PATH|-  fields as a JSON object {"Label": "value"}; --field wins
        --allow-missing       print the fields given even when required ones are missing
        --log [PATH]          also append it, under a dated heading naming the agent, to
                              PATH (default: sessions.md beside the insights file)
        --date YYYY-MM-DD     the date of the log heading (default today)
        --json                agent, template, summary, fields, missing and log
        With no --field or --fields-json, the summary block is read from standard input
        (unless it is a terminal): one "**Label**: value" line per field (also "- **Label**:
        value" or "Label: value"); blank lines and # headings are skipped, any other line
        exits 65 naming it.
        A missing required field exits 65 naming each with its hint; unknown labels exit 65,
        all in one error, each with the closest label.
        """,
        optionalValues: ["log"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let name: String
        switch (arguments.value("agent"), arguments.value("template")) {
        case (let agent?, nil): name = agent
        case (nil, let template?): name = template
        case (nil, nil): throw InsightsError(.usage, "session-summary needs --agent NAME or --template NAME")
        default: throw InsightsError(.usage, "give --agent or --template, not both")
        }
        let template = try context.templates.template(named: name)
        let summary: SessionSummary
        do {
            summary = try SessionSummary(template: template, given: try fields(arguments, labels: template.fields.map(\.label), terminal: context.terminal),
                                         allowMissing: arguments.has("allow-missing"))
        } catch var error as InsightsError where error.kind == .missingField {
            // The hint as the flags that would give each missing field.
            let missing = Set(error.candidates.map(\.title))
            error.hint = template.fields.filter { missing.contains($0.label) }.map { "--field \"\($0.label)=\($0.text)\"" }.joined(separator: " ")
            throw error
        }
        var logPath: String?
        if let path = arguments.path("log") {
            let log = InsightsFile(path: path.isEmpty ? context.file.sessionLogPath : path)
            let date = try Editing.date(arguments)
            try log.modify(lockTimeout: try Editing.lockTimeout(arguments)) { current in
                (summary.appended(to: current, agent: name, date: date, time: CalendarDate.timeOfDay()), ())
            }
            logPath = log.path
        }
        if arguments.has("json") {
            context.terminal.out(JSON.object([
                ("agent", .string(template.agent)), ("template", .string(template.name)), ("summary", .string(summary.text)),
                ("fields", .array(summary.entries.map { .object([("label", .string($0.field.label)), ("value", .string($0.value))]) })),
                ("missing", .array(summary.missing.map { .string($0.label) })),
                ("log", .optional(logPath)),
            ]).serialized)
        } else {
            context.terminal.out(Array(summary.text.utf8))
            if let logPath { context.terminal.message("insights: logged the summary to \(logPath)") }
        }
        return 0
    }

    /// The fields of `--fields-json`, then those of `--field`; with neither, the summary block
    /// on standard input when it is not a terminal.
    static func fields(_ arguments: ParsedArguments, labels: [String], terminal: Terminal) throws -> [(label: String, value: String?)] {
        var given: [(label: String, value: String?)] = []
        let jsonSource = arguments.path("fields-json")
        if let source = jsonSource {
            let bytes: [UInt8]
            if source == "-" {
                bytes = try terminal.readInput() ?? []
            } else {
                guard let read = try InsightsFile(path: source).read() else {
                    throw InsightsError(.noInput, "fields file \(source) does not exist")
                }
                bytes = read
            }
            given += try JSONFields.parse(bytes, source: source == "-" ? "standard input" : source).map { ($0.key, $0.value) }
        }
        let fields = arguments.values("field")
        for field in fields {
            guard let split = SessionSummary.field(field, labels: labels) else {
                throw InsightsError(.usage, "--field takes \"LABEL=VALUE\" or \"LABEL: VALUE\", not \(field.debugDescription)")
            }
            given.append((split.label, split.value))
        }
        if jsonSource == nil, fields.isEmpty, let block = try terminal.readInput() {
            given = try SessionSummary.fields(inBlock: block, labels: labels)
        }
        return given
    }
}
