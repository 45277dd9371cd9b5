import InsightsKit

/// `insights merge`: git's merge driver. Merges section by section and writes the result to
/// OURS atomically; exit 0 when clean, 1 with conflicts.
enum MergeCommand: Command {
    static let markerSize = Option(name: "marker-size", value: .required("N"), help: "the length of conflict markers (git's %L; default 7)")

    static let spec = CommandSpec(
        name: "merge", summary: "Merges three versions of an insights file section by section and writes the result to OURS (a git merge driver).",
        positionals: [Positional(name: "BASE", help: "the common ancestor (git's %O)"), Positional(name: "OURS", help: "our version, rewritten with the result (git's %A)"),
                      Positional(name: "THEIRS", help: "their version (git's %B)"),
                      Positional(name: "PATH", help: "the file's path in the repository (git's %P), for messages", optional: true),
                      Positional(name: "MARKER_SIZE", help: "as --marker-size (git's %L)", optional: true)],
        options: [markerSize],
        notes: """
        A section changed on one side takes that side; changed on both is merged line by line,
        with conflict markers only inside that section. Sections added on either side are kept
        where they were added; a section removed on one side and unchanged on the other is
        removed, and removed on one side but changed on the other is a conflict.
        Install: insights init --git, or in .gitattributes `.superagent/memory/*.md merge=insights`
        and `git config merge.insights.driver "insights merge %O %A %B %P"`.
        """,
        example: "git config merge.insights.driver \"insights merge %O %A %B %P\"")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let paths = arguments.positionals
        var markerSize = try arguments.integer(markerSize, in: 1...1000)
        if paths.count == 5 {
            guard let size = Int(paths[4]), (1...1000).contains(size) else {
                throw InsightsError(.usage, "the marker size takes a whole number from 1 to 1000, not \"\(paths[4])\"")
            }
            markerSize = markerSize ?? size
        }
        let name = paths.count >= 4 ? paths[3] : paths[1]
        func read(_ path: String, _ role: String) throws -> [UInt8] {
            guard let bytes = try InsightsFile(path: path).read() else {
                throw InsightsError(.noInput, "the \(role) version \(path) does not exist")
            }
            return bytes
        }
        let base = try read(paths[0], "base")
        let theirs = try read(paths[2], "their")
        let style = ConflictStyle(markerSize: markerSize ?? 7)
        let result = try InsightsFile(path: paths[1]).modify(lockTimeout: 10) { current -> ([UInt8]?, MergeResult) in
            guard let ours = current else { throw InsightsError(.noInput, "our version \(paths[1]) does not exist") }
            let result = SectionMerge.merge(base: base, ours: ours, theirs: theirs, style: style)
            return (result.bytes == ours ? nil : result.bytes, result)
        }
        guard result.conflicts == 0 else {
            context.terminal.message("insights: \(result.conflicts) conflict\(result.conflicts == 1 ? "" : "s") left in \(name)")
            return InsightsError.Code.findings.rawValue
        }
        return 0
    }
}
