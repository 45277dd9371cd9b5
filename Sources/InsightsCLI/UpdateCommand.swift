import InsightsKit

/// `insights update`: replaces, appends to or prepends to one section, creating it (and
/// the file) when missing, under the lock and with an atomic write.
enum UpdateCommand: Command {
    static let spec = CommandSpec(
        name: "update",
        usage: "insights update SECTION|--agent NAME [--sub TITLE]... [--level N] [--body TEXT | --body-file PATH | stdin] [--append | --prepend] [--template NAME] [--no-stamp] [--date YYYY-MM-DD] [--if-match FP] [--max-lines N] [--dry-run] [--lock-timeout SECONDS] [--json]",
        summary: "Rewrites one section's body and nothing else; creates the section at the end of the file when it is missing.",
        flags: ["append", "prepend", "no-stamp", "dry-run", "json"],
        options: ["sub", "level", "agent", "template", "body", "body-file", "date", "if-match", "lock-timeout", "max-lines"], positionals: 0...1,
        details: """
        SECTION               the title of a level-2 heading (--level N for another level)
        --agent NAME          the section the agent's template says it owns; a created
                              section gets the template's skeleton
        --template NAME       the skeleton a created section gets (the body when none is given)
        The body is --body TEXT, the contents of --body-file PATH, or standard input.
        --append / --prepend  add to the end / start of the body instead of replacing it
        --no-stamp            leave the `Last updated:` line alone (default: set it to today)
        --date YYYY-MM-DD     the date to stamp
        --if-match FP         write only if the section's fingerprint is still FP (`absent`: must not exist)
        --max-lines N         refuse (65) a result whose top-level section is over N lines and
                              longer than it was; a template's `limit:` only warns
        --dry-run             print the change as a unified diff; write nothing
        --lock-timeout SECONDS  wait at most this long for another writer (default 10)
        --json                print file, section, created, changed, line, endLine, fingerprint,
                              matched (after a loose match) and warnings
        SECTION and --sub match exactly, else in the loose form (case, a leading `## `,
        `**bold**` and a trailing `:` ignored); a title found only at another level is refused.
        A body that would reach outside its section (a heading of the section's level or
        higher, an unclosed code fence or HTML block) is refused with exit 65.
        """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let target = try arguments.requiredSectionTarget(context, command: "update")
        if arguments.has("append") && arguments.has("prepend") {
            throw InsightsError(.usage, "--append and --prepend cannot be used together")
        }
        let address = target.address
        let options = try Editing.options(arguments, context: context)
        let result: EditResult
        if let body = try readBody(arguments, terminal: context.terminal, optional: address.template != nil) {
            let mode: UpdateMode = arguments.has("append") ? .append : arguments.has("prepend") ? .prepend : .replace
            result = try context.file.update(address, body: body, mode: mode, options: options)
        } else {
            // No body, and a template: the section is created from its skeleton, or stamped.
            result = try context.file.edit(EditRequest(address: address, edit: .keep), options: options)
        }
        return Editing.report(result, address: address, removed: false, arguments: arguments, context: context)
    }

    /// The body from --body, --body-file or standard input; nil when none is given and the
    /// body is `optional`.
    static func readBody(_ arguments: ParsedArguments, terminal: Terminal, optional: Bool) throws -> [UInt8]? {
        let given = [arguments.value("body") != nil, arguments.value("body-file") != nil].filter { $0 }.count
        guard given <= 1 else { throw InsightsError(.usage, "give the body once: --body or --body-file") }
        if let body = arguments.value("body") { return Array(body.utf8) }
        if let path = arguments.path("body-file") {
            guard let bytes = try InsightsFile(path: path).read() else {
                throw InsightsError(.noInput, "body file \(path) does not exist")
            }
            return bytes
        }
        // Empty standard input is a body that went missing (a failed command before the
        // pipe), never a request to create the section from its template.
        guard let input = try terminal.readInput() else {
            if optional { return nil }
            throw noBody
        }
        guard !input.isEmpty else { throw noBody }
        return input
    }

    static let noBody = InsightsError(.usage, "no body given: standard input is empty",
                                      hint: "pass --body TEXT or --body-file PATH, or pipe the body on standard input; to empty a section pass --body \"\"; to create an agent's section from its template run `insights init --agent NAME`")
}

/// What every writing command shares: its options from the command line, and how its
/// result is printed (`--dry-run` prints the diff the write would make).
enum Editing {
    /// The write options of `arguments`: `--no-stamp`/`--date`, `--if-match`,
    /// `--lock-timeout`, `--max-lines`, `--dry-run`, and the project's templates.
    static func options(_ arguments: ParsedArguments, context: CommandContext) throws -> EditOptions {
        return EditOptions(stamp: !arguments.has("no-stamp"), date: try date(arguments), ifMatch: arguments.value("if-match"),
                           lockTimeout: try lockTimeout(arguments),
                           maxLines: try arguments.integer("max-lines", in: 1...1_000_000), dryRun: arguments.has("dry-run"),
                           templates: context.templates)
    }

    /// `--date`, or today.
    static func date(_ arguments: ParsedArguments) throws -> String {
        guard let date = arguments.value("date") else { return CalendarDate.today() }
        guard CalendarDate.isValid(date) else { throw InsightsError(.usage, "--date takes a date written YYYY-MM-DD, not \"\(date)\"") }
        return date
    }

    /// `--lock-timeout`, or the default.
    static func lockTimeout(_ arguments: ParsedArguments) throws -> Double {
        try arguments.seconds("lock-timeout") ?? EditOptions.defaultLockTimeout
    }

    /// `a/PATH` as git writes it (`a/tmp/x.md` for `/tmp/x.md`).
    static func diffLabel(_ side: String, _ path: String) -> String {
        path.hasPrefix("/") ? side + path : side + "/" + path
    }

    /// Prints what an edit did: with `--dry-run` the diff it would make; else a line on
    /// standard error (after notes on a loose match and warnings), or with `--json` an object
    /// on standard output. Returns the exit code, 0.
    static func report(_ result: EditResult, address: SectionAddress, removed: Bool, arguments: ParsedArguments, context: CommandContext) -> Int32 {
        let terminal = context.terminal
        if arguments.has("dry-run") {
            let old = (try? context.file.read()).flatMap { $0 } ?? []
            let path = context.file.path
            terminal.out(UnifiedDiff.make(old: old, new: result.bytes, oldLabel: diffLabel("a", path), newLabel: diffLabel("b", path)))
            return 0
        }
        let json = arguments.has("json")
        let section = result.section
        if let matched = result.matched {
            terminal.message("insights: note: \(address) matched the heading \"\(matched)\"" + (section.map { " (line \($0.heading.firstLine + 1))" } ?? ""))
        }
        for warning in result.warnings {
            terminal.message("insights: warning: \(warning.message)")
            if warning.kind == .literalLineBreak {
                terminal.message("insights: hint: to pass several lines, use --body-file PATH, standard input, or $'line 1\\nline 2' in the shell")
            }
        }
        if json {
            var members: [(String, JSON)] = [
                ("file", .string(context.file.path)), ("section", .string(([address.title] + address.subsections).joined(separator: " > "))),
                ("created", .bool(result.created)), ("changed", .bool(result.changed)),
                ("line", section.map { .int($0.heading.firstLine + 1) } ?? .null),
                ("endLine", section.map { .int($0.endLine + 1) } ?? .null),
                ("fingerprint", .string(result.fingerprint)),
            ]
            if let matched = result.matched { members.append(("matched", .string(matched))) }
            members.append(("warnings", .array(result.warnings.map { .object([("kind", .string($0.kind.rawValue)), ("message", .string($0.message))]) })))
            terminal.out(JSON.object(members).serialized)
            return 0
        }
        let verb = removed ? "removed" : result.created ? "created" : result.changed ? "updated" : "unchanged:"
        let lines = result.lines.map { " (lines \($0.lowerBound)-\($0.upperBound))" } ?? ""
        terminal.message("insights: \(verb) \(address)\(lines) in \(context.file.path)")
        return 0
    }
}
