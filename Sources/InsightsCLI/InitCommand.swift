import InsightsKit

/// `insights init`: creates the insights file, and adds agents' sections from their
/// templates, touching nothing that is already there.
enum InitCommand: Command {
    static let spec = CommandSpec(
        name: "init", summary: "Creates the insights file if it does not exist, and adds the agents' sections that are missing.",
        options: [Options.agent.help("add the section this agent owns, from its template; one that exists\nis left as it is").repeated,
                  GitSetupStep.git, GitSetupStep.local, GitSetupStep.global,
                  Options.date.help("the date for the new sections' `Last updated:` (default today)"), Options.lockTimeout,
                  Options.json.help("print file, created and the titles of the sections added")],
        exclusive: [[GitSetupStep.local, GitSetupStep.global]],
        example: "insights init --agent backend-architect --agent frontend-developer --git")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        try GitSetupStep.validate(arguments, context: context)
        let templates = try arguments.values(Options.agent).map { try context.templates.agent(named: $0) }
        let date = try Editing.date(arguments)
        let timeout = try Editing.lockTimeout(arguments)
        let (created, added) = try context.file.modify(lockTimeout: timeout) { current in
            var document = Document(current ?? InsightsFile.newFileStart)
            var added: [String] = []
            for template in templates {
                let address = SectionAddress(title: template.section)
                guard try document.resolve(address).target == nil else { continue }
                let request = EditRequest(address: address, edit: .keep, skeleton: template.skeleton, stampDate: date)
                document = try document.applying(request).document
                added.append(template.section)
            }
            let changed = current == nil || !added.isEmpty
            return (changed ? document.bytes : nil, (current == nil, added))
        }
        if arguments.has(Options.json) {
            context.terminal.out(JSON.object([
                ("file", .string(context.file.path)), ("created", .bool(created)), ("added", .array(added.map { .string($0) })),
            ]).serialized)
            try GitSetupStep.run(arguments, context: context)
            return 0
        }
        let sections = added.map { "\"\($0)\"" }.joined(separator: ", ")
        if created {
            context.terminal.message("insights: created \(context.file.path)" + (added.isEmpty ? "" : " with \(sections)"))
        } else if added.isEmpty {
            context.terminal.message("insights: \(context.file.path) already has " + (templates.isEmpty ? "been created" : "every section asked for") + "; nothing changed")
        } else {
            context.terminal.message("insights: added \(sections) to \(context.file.path)")
        }
        try GitSetupStep.run(arguments, context: context)
        return 0
    }
}
