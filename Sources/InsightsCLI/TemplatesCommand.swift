import InsightsKit

/// `insights templates`: the templates there are, or one template's file.
enum TemplatesCommand: Command {
    static let spec = CommandSpec(
        name: "templates", summary: "Lists the agent templates, or prints one.",
        positionals: [Positional(name: "NAME", help: "print that template's file", optional: true)],
        options: [Options.json.help("print name, agent, section, limit, skeleton and fields")],
        notes: """
        Templates ship inside insights; a project's .superagent/templates/NAME.md (found from
        this folder up) overrides the one of the same name.
        """,
        example: "insights templates backend-architect")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let catalog = context.templates
        if let name = arguments.positionals.first {
            let template = try catalog.template(named: name)
            if arguments.has(Options.json) {
                context.terminal.out(json(template, withSkeleton: true).serialized)
            } else {
                context.terminal.out(template.source)
            }
            return 0
        }
        let names = try catalog.names()
        let templates = try names.map { try catalog.template(named: $0.name) }
        if arguments.has(Options.json) {
            context.terminal.out(JSON.object([("templates", .array(templates.map { json($0, withSkeleton: false) }))]).serialized)
            return 0
        }
        let width = names.map(\.name.count).max() ?? 0
        for (entry, template) in zip(names, templates) {
            let padding = String(repeating: " ", count: width - entry.name.count + 2)
            let origin = entry.fromProject ? "  (project)" : ""
            let section = template.ownsSection ? template.section : "any section"
            context.terminal.print("\(entry.name)\(padding)\(section)  [\(template.fields.count) summary fields]\(origin)")
        }
        return 0
    }

    static func json(_ template: AgentTemplate, withSkeleton: Bool) -> JSON {
        var members: [(String, JSON)] = [
            ("name", .string(template.name)), ("agent", .string(template.agent)), ("section", .string(template.section)),
            ("limit", template.limit.map { .int($0) } ?? .null),
            ("fields", .array(template.fields.map { field in
                .object([("label", .string(field.label)), ("text", .string(field.text)), ("required", .bool(field.isRequired))])
            })),
        ]
        if withSkeleton { members.append(("skeleton", .string(String(decoding: template.skeleton, as: UTF8.self)))) }
        return .object(members)
    }
}
