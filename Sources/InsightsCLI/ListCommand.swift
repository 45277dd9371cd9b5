import InsightsKit

/// `insights list`: every top-level heading, as a tree or as JSON.
enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list", summary: "Lists every top-level heading in document order, with its lines and last update.",
        options: [Options.json.help("print {\"file\", \"sections\": [{\"title\", \"level\", \"line\", \"endLine\",\n\"lastUpdated\"}]}; titles as written"), Options.color],
        example: "insights list --json")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        if arguments.has(Options.json) {
            // Written straight into one buffer, sent out every 64 KiB: a file can have
            // thousands of sections.
            var json = JSONWriter(reservingCapacity: 80 * 1024)
            json.beginObject()
            json.member("file", .string(context.file.path))
            json.key("sections")
            json.beginArray()
            for section in try context.file.sections() {
                json.beginObject()
                json.member("title", .string(section.title))
                json.member("level", .int(section.level))
                json.member("line", .int(section.lines.lowerBound))
                json.member("endLine", .int(section.lines.upperBound))
                json.member("lastUpdated", .optional(section.lastUpdated))
                json.endObject()
                if json.count >= 64 * 1024 { context.terminal.out(json.drain()) }
            }
            json.endArray()
            json.endObject()
            context.terminal.out(json.finish())
            return 0
        }
        let color = try Options.colors(arguments, terminal: context.terminal)
        context.terminal.out(Array(tree(try context.file.sections(), color: color).utf8))
        return 0
    }

    /// An indented tree: `## Title  lines 3-40  updated 2026-11-01`, columns aligned.
    static func tree(_ sections: [ListedSection], color: Bool) -> String {
        guard !sections.isEmpty else { return "(no sections)\n" }
        let topLevel = sections.map(\.level).min() ?? 1
        let labels = sections.map { section in
            String(repeating: "  ", count: section.level - topLevel) + String(repeating: "#", count: section.level) + " " + Title.normalized(section.title)
        }
        let width = min(labels.map(\.count).max() ?? 0, 60)
        let ranges = sections.map { "lines \($0.lines.lowerBound)-\($0.lines.upperBound)" }
        let rangeWidth = ranges.map(\.count).max() ?? 0
        var output = ""
        for (index, section) in sections.enumerated() {
            var line = labels[index] + String(repeating: " ", count: max(0, width - labels[index].count) + 2)
            line += Paint.dim(ranges[index], enabled: color)
            if let updated = section.lastUpdated {
                line += String(repeating: " ", count: rangeWidth - ranges[index].count + 2) + "updated " + updated
            }
            output += line + "\n"
        }
        return output
    }
}
