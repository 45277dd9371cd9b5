import InsightsKit

/// `insights read`: a section's body byte for byte, or the whole file.
enum ReadCommand: Command {
    static let spec = CommandSpec(
        name: "read", usage: "insights read [SECTION | --agent NAME] [--sub TITLE]... [--level N] [--with-heading] [--json]",
        summary: "Prints a section's body exactly as it is in the file (everything after its heading); no SECTION prints the whole file.",
        flags: ["with-heading", "json"], options: ["sub", "level", "agent"], positionals: 0...1,
        details: """
        SECTION       the title of a level-2 heading (--level N for another level)
        --agent NAME  the section the agent's template says it owns
        --sub TITLE   descend into a subsection (repeatable)
        --with-heading  include the heading line(s)
        --json        title, level, line, endLine, lastUpdated, body and fingerprint
        A section that does not exist exits 3 and lists those that do. The closing
        `Last updated:` line belongs to the top-level section: a --sub read leaves it out.
        """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        guard let address = try arguments.sectionTarget(context)?.address else {
            // The whole file: nothing to parse.
            guard arguments.has("json") else {
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
        let printed = section.bytes[(arguments.has("with-heading") ? 0 : section.bodyStart)...]
        if arguments.has("json") {
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
