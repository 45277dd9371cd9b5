import InsightsKit

/// `insights set`: upserts one keyed entry (`- **KEY**: VALUE`) in a section.
enum SetCommand: Command {
    static let spec = CommandSpec(
        name: "set",
        usage: "insights set SECTION|--agent NAME [--sub TITLE]... [--level N] KEY VALUE [--template NAME] [--no-stamp] [--date YYYY-MM-DD] [--if-match FP] [--max-lines N] [--dry-run] [--lock-timeout SECONDS] [--json]",
        summary: "Sets one `**KEY**: VALUE` list item of a section, adding it when missing.",
        flags: ["no-stamp", "dry-run", "json"],
        options: ["sub", "level", "agent", "template", "date", "if-match", "lock-timeout", "max-lines"], positionals: 2...3,
        details: """
        The first list item of the (sub)section that starts with **KEY**: (or **KEY:**) gets
        VALUE as its text, its continuation lines replaced; when there is none,
        `- **KEY**: VALUE` is added after the section's last list item. A missing section is
        created (from the agent's template with --agent, or --template NAME).
        KEY matches an entry's key exactly, else in the loose form (case, `**` and a trailing
        `:` ignored); the entry keeps its own spelling.
        --no-stamp / --date / --if-match / --max-lines / --dry-run / --lock-timeout / --json  as for update
        """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let target = try arguments.requiredSectionTarget(context, command: "set", rest: ["KEY", "VALUE"])
        let result = try context.file.set(target.address, key: target.rest[0], value: target.rest[1],
                                          options: try Editing.options(arguments, context: context))
        return Editing.report(result, address: target.address, removed: false, arguments: arguments, context: context)
    }
}
