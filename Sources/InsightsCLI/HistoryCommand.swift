import InsightsKit

/// `insights history`: the git commits that changed one section, newest first, each with
/// that section's own diff.
enum HistoryCommand: Command {
    static let limit = Option(name: "limit", value: .required("N"), help: "at most N commits")

    static let spec = CommandSpec(
        name: "history", summary: "Lists the git commits that changed one section, newest first, each with the section's own diff.",
        positionals: [Options.section],
        options: Options.addressing + [limit, Options.json.help("print {\"file\", \"section\", \"commits\": [{\"hash\", \"date\", \"author\", \"email\",\n\"subject\", \"status\", \"line\", \"endLine\", \"diff\"}]}")],
        notes: "The section is followed by its title path through every committed version of the file.",
        example: "insights history --agent backend-architect --limit 5")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let address = try arguments.requiredSectionTarget(context, command: "history").address
        let limit = try arguments.integer(limit, in: 1...Int.max)
        let file = context.file.path
        let repository = try GitRepository.containing(file: file)
        let revisions = try SectionHistory.revisions(of: address, file: file, repository: repository, limit: limit)
        if revisions.isEmpty, let current = try context.file.read() {
            // A name that exists nowhere: say so the way `read` does.
            _ = try Document(current).section(at: address)
        }
        let title = ([address.title] + address.subsections).joined(separator: " > ")
        if arguments.has(Options.json) {
            let commits = revisions.map { revision -> JSON in
                let commit = revision.commit
                return .object([
                    ("hash", .string(commit.hash)), ("date", .string(commit.date)), ("author", .string(commit.author)),
                    ("email", .string(commit.email)), ("subject", .string(commit.subject)), ("status", .string(revision.status.rawValue)),
                    ("line", revision.lines.map { .int($0.lowerBound + 1) } ?? .null),
                    ("endLine", revision.lines.map { .int($0.upperBound) } ?? .null),
                    ("diff", .string(String(decoding: revision.hunks, as: UTF8.self))),
                ])
            }
            context.terminal.out(JSON.object([("file", .string(file)), ("section", .string(title)), ("commits", .array(commits))]).serialized)
            return 0
        }
        if revisions.isEmpty {
            context.terminal.message("insights: no commit changed \(address) in \(file)")
            return 0
        }
        let color = context.terminal.colorOut
        var output: [UInt8] = []
        for (index, revision) in revisions.enumerated() {
            let commit = revision.commit
            let header = Paint.yellow("commit \(commit.hash)", enabled: color)
            let place = revision.lines.map { " (lines \(ChangeText.lineRange($0)))" } ?? ""
            output += Array(((index == 0 ? "" : "\n") + """
            \(header)
            Author: \(commit.author) <\(commit.email)>
            Date:   \(commit.date)

                \(commit.subject)

            \(revision.status.rawValue) \(address)\(place)

            """).utf8)
            output += Paint.hunks(revision.hunks, enabled: color)
        }
        context.terminal.out(output)
        return 0
    }
}
