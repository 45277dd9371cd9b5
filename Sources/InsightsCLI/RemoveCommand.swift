import InsightsKit

/// `insights remove`: deletes a section, heading, body and subsections, with every
/// guarantee of `update`.
enum RemoveCommand: Command {
    static let spec = CommandSpec(
        name: "remove", summary: "Deletes one section (heading, body and subsections) and nothing else.",
        positionals: [Options.section],
        options: Options.addressing + [Options.noStamp, Options.date, Options.ifMatch, Options.dryRun, Options.lockTimeout, Options.writeJSON],
        notes: """
        The title must be exact (one that matches only loosely exits 65). Removing a
        subsection stamps the section the address starts from, whose closing `Last updated:`
        line stays. A section that does not exist exits 3. The blank lines around it stay tidy.
        """,
        example: "insights remove --agent backend-architect --sub \"Open Questions\"")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let target = try arguments.requiredSectionTarget(context, command: "remove")
        let result = try context.file.remove(target.address, options: try Editing.options(arguments, context: context))
        return Editing.report(result, address: target.address, removed: true, arguments: arguments, context: context)
    }
}
