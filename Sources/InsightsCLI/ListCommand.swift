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
            for section in try context.file.listedSections() {
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
        let sections = try context.file.listedSections()
        guard let columns = Columns(sections) else {
            context.terminal.out(Array("(no sections)\n".utf8))
            return 0
        }
        // Sent out every 64 KiB: a file can have thousands of sections.
        var output = ""
        for section in sections {
            output += columns.line(section, color: color)
            if output.utf8.count >= 64 * 1024 {
                context.terminal.out(Array(output.utf8))
                output = ""
            }
        }
        context.terminal.out(Array(output.utf8))
        return 0
    }

    /// The layout of the indented tree, `## Title  lines 3-40  updated 2026-11-01`, with its
    /// columns aligned: found in a first walk over the sections, the lines made in a second.
    struct Columns {
        /// The lowest level, which is not indented.
        let topLevel: Int
        /// The width of the title column (at most 60).
        let width: Int
        /// The width of the line range column.
        let rangeWidth: Int

        /// The layout of `sections`; nil when there is none.
        init?(_ sections: ListedSections) {
            var topLevel = Int.max
            var widest = 0
            var rangeWidth = 0
            for section in sections {
                topLevel = min(topLevel, section.level)
                // A label's width less twice the top level (not known yet).
                widest = max(widest, 3 * section.level + 1 + Title.normalized(section.title).count)
                rangeWidth = max(rangeWidth, Self.range(of: section).count)
            }
            guard topLevel != Int.max else { return nil }
            self.topLevel = topLevel
            width = min(widest - 2 * topLevel, 60)
            self.rangeWidth = rangeWidth
        }

        /// `section`'s line of the tree.
        func line(_ section: ListedSection, color: Bool) -> String {
            let label = String(repeating: "  ", count: section.level - topLevel) + String(repeating: "#", count: section.level) + " "
                + Title.normalized(section.title)
            let range = Self.range(of: section)
            var line = label + String(repeating: " ", count: max(0, width - label.count) + 2) + Paint.dim(range, enabled: color)
            if let updated = section.lastUpdated {
                line += String(repeating: " ", count: rangeWidth - range.count + 2) + "updated " + updated
            }
            return line + "\n"
        }

        /// `lines 3-40`.
        static func range(of section: ListedSection) -> String {
            "lines \(section.lines.lowerBound)-\(section.lines.upperBound)"
        }
    }
}
