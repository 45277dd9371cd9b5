import InsightsKit

/// `insights status`: one row per agent section (owner, last update, placeholders, size
/// against budget), then the sections no template owns.
enum StatusCommand: Command {
    static let spec = CommandSpec(
        name: "status", summary: "Shows each agent's section: last update, placeholders left, lines against its budget.",
        options: [Options.date.help("today's date, for the days since each update (default today)"),
                  Options.json.help("print {\"file\", \"agents\": [{\"agent\", \"section\", \"line\", \"lastUpdated\",\n\"daysSince\", \"placeholders\", \"lines\", \"limit\"}], \"unowned\": [...]}")],
        notes: """
        An agent's section is the level-2 section its template owns (`section:`), matched by
        its exact title; every other level-2 section is listed as unowned. Placeholders are
        counted as `insights check` finds them; lines run from the heading to the last
        non-blank line, as budgets count them.
        """,
        example: "insights status --json")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let status = try context.file.status(templates: context.templates, today: try Editing.date(arguments))
        if arguments.has(Options.json) {
            context.terminal.out(Reports.status(status, path: context.file.path).serialized)
        } else {
            context.terminal.out(Array(table(status).utf8))
        }
        return 0
    }

    /// The aligned table: a header, one row per agent section, then the unowned sections.
    static func table(_ status: MemoryStatus) -> String {
        let header = ["AGENT", "SECTION", "LAST UPDATED", "DAYS", "PLACEHOLDERS", "LINES"]
        func cells(_ state: SectionState) -> [String] {
            [state.agent ?? "-", state.section, state.lastUpdated ?? "never", state.daysSince.map(String.init) ?? "-",
             String(state.placeholders), state.limit.map { "\(state.lines)/\($0)" } ?? String(state.lines)]
        }
        let rows = [header] + (status.agents + status.unowned).map(cells)
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        // Numbers line up on the right, text on the left.
        let rightAligned: Set<Int> = [3, 4, 5]
        var output = ""
        for (index, row) in rows.enumerated() {
            if index == status.agents.count + 1, !status.unowned.isEmpty {
                output += "\nnot owned by a template:\n"
            }
            let line = row.indices.map { column in
                let pad = String(repeating: " ", count: widths[column] - row[column].count)
                return rightAligned.contains(column) ? pad + row[column] : row[column] + pad
            }.joined(separator: "  ")
            output += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
        }
        if status.agents.isEmpty, status.unowned.isEmpty { output += "(no level-2 sections)\n" }
        return output
    }
}
