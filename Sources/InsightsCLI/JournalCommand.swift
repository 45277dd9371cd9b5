import InsightsKit

/// `insights journal add|list|read|archive`: dated entries in a journal section of an agent's
/// own file (an evolution journal, a decision log), and the session log, kept small by moving
/// old entries to an archive.
enum JournalCommand: Command {
    static let section = Option(name: "section", value: .required("TITLE"), help: "the journal's level-2 section (default: the template's,\n`Evolution Journal` for evolution)")
    static let template = Option(name: "template", value: .required("NAME"), help: "the journal template: evolution (default) or decision")
    static let sessions = Option(name: "sessions", value: .none, help: "the session log (sessions.md beside the insights file): its\nlevel-2 sections are the entries")
    static let title = Option(name: "title", value: .required("TEXT"), help: "the entry's title")
    static let field = Option(name: "field", value: .required("\"LABEL=VALUE\""),
                              help: "one part; also \"Label: value\"; labels match in the loose form; a\nlist part takes one item per line of VALUE", repeatable: true)
    static let last = Option(name: "last", value: .required("N"), help: "the newest N entries")
    static let keep = Option(name: "keep", value: .required("N"), help: "how many of the newest entries stay (default: the template's keep:)")
    static let file = Options.file.help("the file that holds the journal, an agent's own (required but\nwith --sessions, where it is the insights file sessions.md is beside)")
    static let archive = Option(name: "archive", value: .required("PATH"), help: "the archive (default: NAME.archive.md beside the file; for\n.claude/agents/NAME.md, .superagent/memory/archive/NAME.md)")

    static let spec = CommandSpec(
        name: "journal", summary: "Adds dated entries to a journal in an agent's own file, lists and reads them, and archives old ones.",
        notes: """
        A journal is a level-2 section (`## Evolution Journal`) whose subsections are dated
        entries, `### Entry: YYYY-MM-DD - Title`, oldest first. --file PATH is required (the
        agent's own file), except with --sessions.
        Run `insights journal SUBCOMMAND --help` for its flags.
        """,
        example: "insights journal list --file .claude/agents/backend-architect.md")

    static let subcommands = [
        CommandEntry(JournalAddCommand.self), CommandEntry(JournalListCommand.self),
        CommandEntry(JournalReadCommand.self), CommandEntry(JournalArchiveCommand.self),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        throw InsightsError(.usage, "`insights journal` needs a subcommand", hint: "usage: \(spec.usage)")
    }

    /// The journal template of `--template` (default `evolution`).
    static func template(_ arguments: ParsedArguments, context: CommandContext) throws -> JournalTemplate {
        try context.templates.journal(named: arguments.value(template) ?? "evolution")
    }

    /// The journal's file and where its entries are: with `--sessions` the session log, else
    /// `--file` (required) and its `--section` (default: the template's).
    static func target(_ arguments: ParsedArguments, context: CommandContext) throws -> (file: InsightsFile, scope: JournalScope) {
        if arguments.spec.options.contains(sessions), arguments.has(sessions) {
            if arguments.has(section) || arguments.has(template) {
                throw InsightsError(.usage, "--sessions names the session log: it takes no --section or --template", hint: "usage: \(arguments.spec.usage)")
            }
            return (InsightsFile(path: context.file.sessionLogPath), .sessionLog)
        }
        guard arguments.value(Options.file) != nil else {
            throw InsightsError(.usage, "`insights \(arguments.spec.name)` needs --file PATH, the file that holds the journal",
                                hint: "a journal lives in an agent's own file, e.g. --file .claude/agents/backend-architect.md; the session log is --sessions")
        }
        let title = try arguments.value(section) ?? template(arguments, context: context).section
        return (context.file, .section(SectionAddress(title: title)))
    }

    /// `{"date", "title", "heading", "line", "endLine"}` and with `text`, the entry's text.
    static func json(_ entry: JournalEntry, text: Bool = false) -> JSON {
        var members: [(String, JSON)] = [
            ("date", .optional(entry.date)), ("title", .string(entry.title)), ("heading", .string(entry.heading)),
            ("line", .int(entry.lines.lowerBound)), ("endLine", .int(entry.lines.upperBound)),
        ]
        if text { members.append(("text", .string(String(decoding: entry.text, as: UTF8.self)))) }
        return .object(members)
    }
}

/// `insights journal add`.
enum JournalAddCommand: Command {
    static let spec = CommandSpec(
        name: "journal add", summary: "Adds one dated entry at the end of a journal section, made from a journal template's parts.",
        options: [JournalCommand.file, JournalCommand.title, JournalCommand.field, SessionSummaryCommand.fieldsJSON.help("parts as a JSON object {\"Label\": \"value\"}; --field wins"),
                  JournalCommand.template, JournalCommand.section,
                  SessionSummaryCommand.allowMissing.help("add the entry even when required parts are missing"),
                  Options.date.help("the entry's date (default today)"), Options.lockTimeout,
                  Options.json.help("print file, section, created, changed and the entry's date, title,\nheading, line and endLine")],
        notes: """
        The heading is `### Entry: DATE - TITLE`, one level below the section, which is created
        at the end of the file when missing; nothing before the new entry changes and nothing
        is stamped. Each part is `**Label:**` and its value, in the template's order. With no
        --field or --fields-json, standard input (unless a terminal) is the entry's markdown,
        kept as written; a first line that is a heading gives the date and title. A missing
        required part exits 65 naming each with its hint.
        """,
        example: "insights journal add --file .claude/agents/backend-architect.md --title \"Orders API\" --field \"Context=...\"")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let (file, scope) = try JournalCommand.target(arguments, context: context)
        guard case .section(let address) = scope else { return 0 }
        let template = try JournalCommand.template(arguments, context: context)
        let date = try arguments.value(Options.date).map { _ in try Editing.date(arguments) }
        let labels = template.parts.map(\.label)
        let given = try SessionSummaryCommand.givenFields(arguments, labels: labels, field: JournalCommand.field, terminal: context.terminal)
        let markdown = given == nil ? try context.terminal.readInput() : nil
        let allowMissing = arguments.has(SessionSummaryCommand.allowMissing)
        let title = arguments.value(JournalCommand.title)
        if given != nil, title.map(Title.normalized)?.isEmpty ?? true {
            throw InsightsError(.usage, "`insights journal add` needs --title TEXT", hint: "usage: \(spec.usage)")
        }
        guard given != nil || markdown?.isEmpty == false else {
            throw InsightsError(.usage, "no entry given: give --field \"LABEL=VALUE\" for its parts, or its markdown on standard input",
                                hint: "the parts of \(template.name): " + labels.joined(separator: ", "))
        }
        let result: EditResult
        do {
            result = try file.addJournalEntry(to: address, lockTimeout: try Editing.lockTimeout(arguments)) { level in
                if let markdown {
                    return try JournalEntryText.fromMarkdown(markdown, template: template, title: title, date: date, today: CalendarDate.today(),
                                                             level: level, allowMissing: allowMissing)
                }
                return try JournalEntryText.render(template, title: title ?? "", date: date, today: CalendarDate.today(), level: level,
                                                   given: given ?? [], allowMissing: allowMissing)
            }
        } catch var error as InsightsError where error.kind == .missingField && markdown == nil {
            error.hint = SessionSummaryCommand.fieldFlags(for: error, fields: template.parts.map { ($0.label, $0.hint) })
            throw error
        }
        let entry = try result.document.journal(scope).entries.last.map { result.document.journalEntry($0) }
        let terminal = context.terminal
        if let matched = result.matched { terminal.message("insights: note: \(address) matched the heading \"\(matched)\"") }
        if arguments.has(Options.json) {
            var members: [(String, JSON)] = [("file", .string(file.path)), ("section", .string(result.matched ?? address.title)),
                                             ("created", .bool(result.created)), ("changed", .bool(result.changed))]
            members.append(("entry", entry.map { JournalCommand.json($0) } ?? .null))
            terminal.out(JSON.object(members).serialized)
        } else {
            let place = entry.map { " (lines \($0.lines.lowerBound)-\($0.lines.upperBound))" } ?? ""
            terminal.message("insights: added \"\(entry?.heading ?? "")\"\(place) to \"\(result.matched ?? address.title)\" in \(file.path)")
        }
        return 0
    }
}

/// `insights journal list`.
enum JournalListCommand: Command {
    static let spec = CommandSpec(
        name: "journal list", summary: "Lists a journal's entries, oldest first, with their dates, titles and lines.",
        options: [JournalCommand.file, JournalCommand.section, JournalCommand.template, JournalCommand.sessions,
                  Options.json.help("print file, section and entries [{date, title, heading, line, endLine}]")],
        example: "insights journal list --file .claude/agents/backend-architect.md --json")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let (file, scope) = try JournalCommand.target(arguments, context: context)
        let journal = try file.journal(scope)
        if arguments.has(Options.json) {
            context.terminal.out(JSON.object([
                ("file", .string(file.path)), ("section", .optional(journal.section)),
                ("entries", .array(journal.entries.map { JournalCommand.json($0) })),
            ]).serialized)
            return 0
        }
        var text = ""
        for entry in journal.entries {
            text += "\(entry.date ?? "----------")  \(entry.title)  (lines \(entry.lines.lowerBound)-\(entry.lines.upperBound))\n"
        }
        context.terminal.out(Array(text.utf8))
        context.terminal.message("insights: \(journal.entries.count) entr\(journal.entries.count == 1 ? "y" : "ies") in \(journal.section.map { "\"\($0)\"" } ?? "the session log") of \(file.path)")
        return 0
    }
}

/// `insights journal read`.
enum JournalReadCommand: Command {
    static let spec = CommandSpec(
        name: "journal read", summary: "Prints journal entries, heading included: those of a title or date, or the newest N.",
        positionals: [Positional(name: "ENTRY", help: "a title (matched exactly, else in the loose form; the whole heading\nalso works) or a date YYYY-MM-DD; every entry it matches is printed", optional: true)],
        options: [JournalCommand.file, JournalCommand.last, JournalCommand.section, JournalCommand.template, JournalCommand.sessions,
                  Options.json.help("print file, section and entries [{date, title, heading, line, endLine,\ntext}]")],
        example: "insights journal read --file .claude/agents/backend-architect.md --last 1")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let wanted = arguments.positionals.first
        let last = try arguments.integer(JournalCommand.last, in: 1...1_000_000)
        if (wanted == nil) == (last == nil) {
            throw InsightsError(.usage, wanted == nil ? "`insights journal read` needs an ENTRY (a title or a date) or --last N"
                                                      : "ENTRY and --last cannot be used together", hint: "usage: \(spec.usage)")
        }
        let (file, scope) = try JournalCommand.target(arguments, context: context)
        let journal = try file.journal(scope)
        let chosen: [JournalEntry]
        switch (wanted, last) {
        case (nil, let count?):
            chosen = Array(journal.entries.suffix(count))
        case (let wanted?, _):
            chosen = try matching(wanted, in: journal.entries)
        case (nil, nil):
            chosen = []
        }
        if arguments.has(Options.json) {
            context.terminal.out(JSON.object([
                ("file", .string(file.path)), ("section", .optional(journal.section)),
                ("entries", .array(chosen.map { JournalCommand.json($0, text: true) })),
            ]).serialized)
            return 0
        }
        // Each entry's text ends with its line ending; a blank line between two.
        context.terminal.out(Array(chosen.map(\.text).joined(separator: Array("\n".utf8))))
        return 0
    }

    /// The entries `wanted` names: a date's, else those whose title (or whole heading)
    /// matches exactly, else in the loose form. `sectionNotFound` when none does.
    static func matching(_ wanted: String, in entries: [JournalEntry]) throws -> [JournalEntry] {
        let bare = Title.forNewHeading(Title.normalized(wanted))
        if CalendarDate.isValid(bare) {
            let found = entries.filter { $0.date == bare }
            if !found.isEmpty { return found }
        }
        let exact = Title.normalized(bare)
        var found = entries.filter { Title.normalized($0.title) == exact || Title.normalized($0.heading) == exact }
        if found.isEmpty {
            let loose = Title.loose(bare)
            found = entries.filter { Title.loose($0.title) == loose || Title.loose($0.heading) == loose }
        }
        guard found.isEmpty else { return found }
        let titles = entries.map(\.title)
        let typo = Closest.match(bare, in: titles).map { "; did you mean \"\($0)\"?" } ?? ""
        throw InsightsError(.sectionNotFound, "no journal entry \"\(wanted)\"\(typo)",
                            hint: entries.isEmpty ? "the journal has no entries yet" : "run `insights journal list` for its entries")
    }
}

/// `insights journal archive`.
enum JournalArchiveCommand: Command {
    static let spec = CommandSpec(
        name: "journal archive", summary: "Moves all but the newest N entries of a journal to an archive file, oldest first.",
        options: [JournalCommand.file, JournalCommand.keep, JournalCommand.archive, JournalCommand.section, JournalCommand.template, JournalCommand.sessions,
                  Options.lockTimeout, Options.json.help("print file, archive, moved, alreadyArchived and kept")],
        notes: """
        The archive gets the entries at the end of the same section (created when missing).
        Both files are locked; the archive is written first, then the file: after a crash
        between the two an entry is in both, and the next run drops from the file the entries
        the archive already holds byte for byte instead of adding them again.
        """,
        example: "insights journal archive --file .claude/agents/backend-architect.md --keep 10")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let (file, scope) = try JournalCommand.target(arguments, context: context)
        var keep = try arguments.integer(JournalCommand.keep, in: 0...1_000_000)
        if keep == nil, !arguments.has(JournalCommand.sessions) { keep = try JournalCommand.template(arguments, context: context).keep }
        guard let keep else {
            throw InsightsError(.usage, "`insights journal archive` needs --keep N" + (arguments.has(JournalCommand.sessions) ? " for the session log" : ": the template sets no keep:"),
                                hint: "usage: \(spec.usage)")
        }
        let archive = arguments.path(JournalCommand.archive).map { InsightsFile(path: $0) } ?? file.defaultArchive
        let result = try file.archiveJournal(scope, keep: keep, into: archive, lockTimeout: try Editing.lockTimeout(arguments))
        if arguments.has(Options.json) {
            context.terminal.out(JSON.object([
                ("file", .string(file.path)), ("archive", .string(archive.path)), ("moved", .int(result.moved)),
                ("alreadyArchived", .int(result.alreadyArchived)), ("kept", .int(result.kept)),
            ]).serialized)
            return 0
        }
        var message = "insights: moved \(result.moved) entr\(result.moved == 1 ? "y" : "ies") to \(archive.path), kept \(result.kept) in \(file.path)"
        if result.alreadyArchived > 0 { message += "; \(result.alreadyArchived) already in the archive left the file" }
        context.terminal.message(message)
        return 0
    }
}
