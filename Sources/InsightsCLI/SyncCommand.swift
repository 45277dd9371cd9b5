import InsightsKit

/// `insights sync`: the memory files shared through a branch of their own on a git remote,
/// merged section by section.
enum SyncCommand: Command {
    static let remote = Option(name: "remote", value: .required("NAME"), help: "the configured remote to sync through (default: origin, else the\nonly remote)")
    static let branch = Option(name: "branch", value: .required("NAME"), help: "the memory branch (default \(SyncOptions.defaultBranch)); never the checked-out\nbranch")
    static let attempts = Option(name: "attempts", value: .required("N"), help: "rounds of fetch, merge and push when other clones push first\n(default \(SyncOptions.defaultAttempts)); then exit 75")
    static let prefer = Option(name: "prefer", value: .required("ours|theirs"), help: "take this clone's (ours) or the remote's (theirs) version of each\nsection whose merge conflicts")

    static let spec = CommandSpec(
        name: "sync", summary: "Shares the memory files with other clones through a branch of their own on a git remote, merged section by section.",
        options: [remote, branch, attempts, prefer, Options.lockTimeout,
                  Options.json.help("print remote, branch, commit, pushed, attempts, files [{file, path,\nupdated}] and conflicts [{file, section, name}]")],
        notes: """
        The insights file and the session log beside it live on the memory branch at their
        paths. Each round fetches the branch, merges each file with the local one section by
        section (the base is the file as of the last sync), commits and pushes without
        force; a push refused because another clone pushed first starts a new round. A
        change made only here since the last sync is pushed onto it with a lease first,
        which a remote branch that moved refuses: then the round fetches.
        Only git plumbing is used: the index, HEAD, the checked-out branch and every other
        file stay as they are. A section changed on both sides in the same lines is a
        conflict: exit 1 naming it, nothing written or pushed.
        """,
        example: "insights sync --remote origin")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        var options = SyncOptions(lockTimeout: try Editing.lockTimeout(arguments))
        options.remote = arguments.value(remote)
        if let name = arguments.value(branch) { options.branch = name }
        options.attempts = try arguments.integer(attempts, in: 1...100) ?? SyncOptions.defaultAttempts
        if let side = arguments.value(prefer) {
            guard let chosen = MergeSide(rawValue: side.lowercased()) else {
                throw InsightsError(.usage, "--prefer takes ours or theirs, not \"\(side)\"")
            }
            options.prefer = chosen
        }
        let report = try MemorySync.run(context.file, options: options)
        if report.interrupted {
            throw InsightsError(.tryAgain, "the memory file changed during the sync, and that change conflicts with the remote's; it was left as it is",
                                hint: "run insights sync again to merge the two")
        }
        let conflicts = report.files.flatMap { file in file.conflicts.map { (file: file, conflict: $0) } }
        if arguments.has(Options.json) {
            context.terminal.out(JSON.object([
                ("remote", .string(report.remote)), ("branch", .string(report.branch)), ("commit", .optional(report.commit)),
                ("pushed", .bool(report.pushed)), ("attempts", .int(report.attempts)),
                ("files", .array(report.files.map { file in
                    .object([("file", .string(file.path)), ("path", .string(file.repositoryPath)), ("updated", .bool(file.updated))])
                })),
                ("conflicts", .array(conflicts.map { item in
                    .object([("file", .string(item.file.path)), ("section", .optional(item.conflict.path)), ("name", .string(item.conflict.name))])
                })),
            ]).serialized)
        }
        let terminal = context.terminal
        guard conflicts.isEmpty else {
            for item in conflicts {
                terminal.message("insights: conflict: \(item.conflict.name) in \(item.file.path) was changed on both sides")
            }
            terminal.message("insights: nothing was written or pushed")
            terminal.message("insights: hint: keep one side of each: insights sync --prefer ours (this clone's) or --prefer theirs (the remote's)")
            return InsightsError.Code.findings.rawValue
        }
        if !arguments.has(Options.json) {
            let place = "\(report.remote) \(report.branch)"
            let updated = report.files.filter(\.updated).map(\.path)
            var what: [String] = []
            if report.pushed { what.append("pushed") }
            if !updated.isEmpty { what.append("updated " + updated.joined(separator: " and ")) }
            let state = report.commit.map { " at \($0.prefix(12))" } ?? ""
            terminal.message("insights: synced with \(place)\(state)" + (what.isEmpty ? ": nothing to do" : ": " + what.joined(separator: ", ")))
        }
        return 0
    }
}
