import InsightsKit

/// `insights list`: every top-level heading, as a tree or as JSON.
enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list", usage: "insights list [--json]",
        summary: "Lists every top-level heading in document order, with its lines and last update.",
        flags: ["json"], options: [], positionals: 0...0, details: "")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let document = Document(try context.file.readExisting())
        if arguments.has("json") {
            let sections = document.sections.map { section in
                JSON.object([
                    ("title", .string(section.title)), ("level", .int(section.level)),
                    ("line", .int(section.heading.firstLine + 1)), ("endLine", .int(section.endLine + 1)),
                    ("lastUpdated", .optional(document.lastUpdated(of: section))),
                ])
            }
            context.terminal.out(JSON.object([("file", .string(context.file.path)), ("sections", .array(sections))]).serialized)
            return 0
        }
        context.terminal.out(Array(tree(document, color: context.terminal.colorOut).utf8))
        return 0
    }

    /// An indented tree: `## Title  lines 3-40  updated 2026-11-01`, columns aligned.
    static func tree(_ document: Document, color: Bool) -> String {
        guard !document.sections.isEmpty else { return "(no sections)\n" }
        let topLevel = document.sections.map(\.level).min() ?? 1
        let labels = document.sections.map { section in
            String(repeating: "  ", count: section.level - topLevel) + String(repeating: "#", count: section.level) + " " + section.title
        }
        let width = min(labels.map(\.count).max() ?? 0, 60)
        let ranges = document.sections.map { "lines \($0.heading.firstLine + 1)-\($0.endLine + 1)" }
        let rangeWidth = ranges.map(\.count).max() ?? 0
        var output = ""
        for (index, section) in document.sections.enumerated() {
            var line = labels[index] + String(repeating: " ", count: max(0, width - labels[index].count) + 2)
            line += color ? "\u{1B}[2m\(ranges[index])\u{1B}[0m" : ranges[index]
            if let updated = document.lastUpdated(of: section) {
                line += String(repeating: " ", count: rangeWidth - ranges[index].count + 2) + "updated " + updated
            }
            output += line + "\n"
        }
        return output
    }
}
