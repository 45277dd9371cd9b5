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
            let bytes = try context.file.readExisting()
            context.terminal.out(JSON.object([
                ("file", .string(context.file.path)), ("title", .null), ("level", .null), ("line", .int(1)),
                ("endLine", .int(LineTable(bytes).count)), ("lastUpdated", .null),
                ("body", .string(String(decoding: bytes, as: UTF8.self))),
                ("fingerprint", .string(Fingerprint.of(bytes[...]))),
            ]).serialized)
            return 0
        }
        let section = try context.file.read(address)
        let printed = section.bytes[(arguments.has(withHeading) ? 0 : section.bodyStart)...]
        if arguments.has(Options.json) {
            context.terminal.out(JSON.object([
                ("file", .string(context.file.path)), ("title", .string(section.title)), ("level", .int(section.level)),
                ("line", .int(section.lines.lowerBound)), ("endLine", .int(section.lines.upperBound)),
                ("lastUpdated", .optional(section.lastUpdated)),
                ("body", .string(String(decoding: printed, as: UTF8.self))),
                ("fingerprint", .string(section.fingerprint)),
            ]).serialized)
        } else {
            context.terminal.out(printed)
        }
        return 0
    }
}
