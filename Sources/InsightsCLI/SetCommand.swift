import InsightsKit

/// `insights set`: upserts one keyed entry (`- **KEY**: VALUE`) in a section.
enum SetCommand: Command {
    static let spec = CommandSpec(
        name: "set", summary: "Sets one `- **KEY**: VALUE` entry of a section, adding it when missing.",
        positionals: [Options.section, Positional(name: "KEY", help: "the entry's key; matched exactly, else in the loose form (case, `**`\nand a trailing `:` ignored); the entry keeps its spelling"),
                      Positional(name: "VALUE", help: "its new value, one line")],
        options: Options.addressing + [Options.template] + Options.writing,
        notes: """
        The first list item of the (sub)section that starts with **KEY**: (or **KEY:**) gets
        VALUE as its text; without one, `- **KEY**: VALUE` is added after the section's last
        list item. A missing section is created (from the agent's template with --agent).
        """,
        example: "insights set --agent backend-architect --sub \"Key Technical Decisions\" \"Database Choice\" \"PostgreSQL 16\"")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let target = try arguments.requiredSectionTarget(context, command: "set", rest: ["KEY", "VALUE"])
        let result = try context.file.set(target.address, key: target.rest[0], value: target.rest[1],
                                          options: try Editing.options(arguments, context: context))
        return Editing.report(result, address: target.address, removed: false, arguments: arguments, context: context)
    }
}
