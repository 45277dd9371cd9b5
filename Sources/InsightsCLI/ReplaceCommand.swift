import InsightsKit

/// `insights replace`: changes one exact occurrence of a text in a section's body, so that
/// an agent can fix one line without rewriting the section.
enum ReplaceCommand: Command {
    static let spec = CommandSpec(
        name: "replace",
        usage: "insights replace SECTION|--agent NAME [--sub TITLE]... [--level N] --old TEXT --new TEXT [--no-stamp] [--date YYYY-MM-DD] [--if-match FP] [--max-lines N] [--dry-run] [--lock-timeout SECONDS] [--json]",
        summary: "Replaces one exact occurrence of a text in a section's body.",
        flags: ["no-stamp", "dry-run", "json"],
        options: ["sub", "level", "agent", "old", "new", "date", "if-match", "lock-timeout", "max-lines"], positionals: 0...1,
        details: """
        SECTION               the title of a level-2 heading (--level N for another level)
        --agent NAME          the section the agent's template says it owns
        --sub TITLE           descend into a subsection (repeatable)
        --old TEXT            the text to replace, exactly as `insights read` prints it (not empty)
        --new TEXT            what replaces it (may be empty)
        --no-stamp            leave the `Last updated:` line alone (default: set it to today)
        --date YYYY-MM-DD     the date to stamp
        --if-match FP         write only if the section's fingerprint is still FP
        --max-lines N         refuse a result over N lines that is longer than before
        --dry-run             print the change as a unified diff; write nothing
        --lock-timeout SECONDS  wait at most this long for another writer (default 10)
        --json                print file, section, created, changed, line, endLine, fingerprint
        The text must occur exactly once in the body (the closing `Last updated:` line is not
        part of a subsection's body): none exits 3, several exit 65 with their lines.
        """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let target = try arguments.requiredSectionTarget(context, command: "replace")
        guard let old = arguments.value("old"), let new = arguments.value("new") else {
            throw InsightsError(.usage, "`insights replace` needs --old TEXT and --new TEXT", hint: "usage: \(spec.usage)")
        }
        guard !old.isEmpty else { throw InsightsError(.usage, "--old may not be empty", hint: "to add text use `insights update --append`") }
        let result = try context.file.replace(target.address, old: old, new: new, options: try Editing.options(arguments, context: context))
        return Editing.report(result, address: target.address, removed: false, arguments: arguments, context: context)
    }
}
