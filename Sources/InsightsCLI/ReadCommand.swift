import InsightsKit

/// `insights read`: a section's body byte for byte, or the whole file.
enum ReadCommand: Command {
    static let withHeading = Option(name: "with-heading", value: .none, help: "include the heading line(s)")

    static let spec = CommandSpec(
        name: "read", summary: "Prints a section's body exactly as it is in the file (everything after its heading); no SECTION prints the whole file.",
        positionals: [Positional(name: "SECTION", help: Options.section.help, optional: true, alternative: Options.agent)],
        options: Options.addressing + [withHeading, Options.json.help("print file, title, level, line, endLine, lastUpdated, body, fingerprint")],
        notes: """
        A section that does not exist exits 3 and lists those that do. The closing
        `Last updated:` line belongs to the section the address starts from: reading its last
        subsection leaves it out, so what `read` prints, written back with `update`, changes nothing.
        """,
        example: "insights read --agent backend-architect --sub \"Key Technical Decisions\"")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        guard let address = try arguments.sectionTarget(context)?.address else {
            // The whole file: nothing to parse.
            guard arguments.has(Options.json) else {
                try context.file.streamExisting { context.terminal.out($0) }
                return 0
            }
            context.terminal.out(Reports.wholeFile(try context.file.readExisting(), path: context.file.path).serialized)
            return 0
        }
        let section = try context.file.read(address)
        if arguments.has(Options.json) {
            context.terminal.out(Reports.section(section, path: context.file.path, withHeading: arguments.has(withHeading)).serialized)
        } else {
            context.terminal.out(section.bytes[(arguments.has(withHeading) ? 0 : section.bodyStart)...])
        }
        return 0
    }
}
