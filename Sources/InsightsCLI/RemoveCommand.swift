import InsightsKit

/// `insights remove`: deletes a section, heading, body and subsections, with every
/// guarantee of `update`.
enum RemoveCommand: Command {
    static let spec = CommandSpec(
        name: "remove",
        usage: "insights remove SECTION|--agent NAME [--sub TITLE]... [--level N] [--if-match FP] [--dry-run] [--lock-timeout SECONDS] [--json]",
        summary: "Deletes one section (heading, body and subsections) and nothing else.",
        flags: ["dry-run", "json"], options: ["sub", "level", "agent", "if-match", "lock-timeout"], positionals: 0...1,
        details: """
        SECTION               the title of a level-2 heading (--level N for another level)
        --agent NAME          the section the agent's template says it owns
        --sub TITLE           remove a subsection instead (repeatable to go deeper)
        --if-match FP         remove only if the section's fingerprint is still FP
        --dry-run             print the change as a unified diff; write nothing
        --lock-timeout SECONDS  wait at most this long for another writer (default 10)
        --json                print file, section, created, changed, line, endLine, fingerprint
        A section that does not exist exits 3. The blank lines around it stay tidy.
        """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let target = try arguments.requiredSectionTarget(context, command: "remove")
        _ = try context.file.readExisting()
        let request = EditRequest(address: target.address, edit: .remove, ifMatch: arguments.value("if-match"))
        return try Editing.perform(request, arguments: arguments, context: context)
    }
}
