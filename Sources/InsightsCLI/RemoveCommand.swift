import InsightsKit

/// `insights remove`: deletes a section, heading, body and subsections, with every
/// guarantee of `update`.
enum RemoveCommand: Command {
    static let spec = CommandSpec(
        name: "remove",
        usage: "insights remove SECTION|--agent NAME [--sub TITLE]... [--level N] [--no-stamp] [--date YYYY-MM-DD] [--if-match FP] [--dry-run] [--lock-timeout SECONDS] [--json]",
        summary: "Deletes one section (heading, body and subsections) and nothing else.",
        flags: ["no-stamp", "dry-run", "json"], options: ["sub", "level", "agent", "date", "if-match", "lock-timeout"], positionals: 0...1,
        details: """
        SECTION               the title of a level-2 heading (--level N for another level)
        --agent NAME          the section the agent's template says it owns
        --sub TITLE           remove a subsection instead (repeatable to go deeper); its
                              top-level section's `Last updated:` line is set to today
        --no-stamp / --date YYYY-MM-DD  leave that line alone / the date to stamp
        --if-match FP         remove only if the section's fingerprint is still FP
        --dry-run             print the change as a unified diff; write nothing
        --lock-timeout SECONDS  wait at most this long for another writer (default 10)
        --json                print file, section, created, changed, line, endLine, fingerprint
        A section that does not exist exits 3; the title must be exact (a title that
        matches only loosely exits 65). The blank lines around it stay tidy.
        """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let target = try arguments.requiredSectionTarget(context, command: "remove")
        let result = try context.file.remove(target.address, options: try Editing.options(arguments, context: context))
        return Editing.report(result, address: target.address, removed: true, arguments: arguments, context: context)
    }
}
