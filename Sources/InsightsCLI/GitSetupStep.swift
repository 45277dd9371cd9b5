import InsightsKit

/// `insights init --git [--local | --global]`: installs `insights merge` as the merge
/// driver of the insights file.
enum GitSetupStep {
    /// `--git`.
    static let git = Option(name: "git", value: .none, help: "add `PATTERN merge=insights` to the repository's .gitattributes and\nprint the `git config merge.insights.driver ...` line to run")
    /// `--local`.
    static let local = Option(name: "local", value: .none, help: "with --git: set merge.insights.driver in the repository's git config")
    /// `--global`.
    static let global = Option(name: "global", value: .none, help: "with --git: set merge.insights.driver in the global git config")

    /// Throws before anything is written when the flags do not go together, or `--git` is
    /// given outside a git repository.
    static func validate(_ arguments: ParsedArguments, context: CommandContext) throws {
        let scopes = [(GitSetup.Scope.local, local), (.global, global)].filter { arguments.has($0.1) }.map(\.0)
        guard arguments.has(git) else {
            if let scope = scopes.first { throw InsightsError(.usage, "--\(scope.rawValue) goes with --git") }
            return
        }
        _ = try GitRepository.containing(file: context.file.path)
        _ = try program()
    }

    /// The absolute path of this binary, as the shell found it, which the driver runs.
    static func program() throws -> String {
        guard let path = POSIX.invokedProgramPath() else {
            throw InsightsError(.ioError, "cannot tell the path of this insights binary for the merge driver",
                                hint: "run it by its path, such as `/usr/local/bin/insights init --git`")
        }
        return path
    }

    /// Runs the step when `--git` is given (after `validate`).
    static func run(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard arguments.has(git) else { return }
        let scopes = [(GitSetup.Scope.local, local), (.global, global)].filter { arguments.has($0.1) }.map(\.0)
        let program = try program()
        let outcome = try GitSetup.install(forFile: context.file.path, scope: scopes.first, program: program)
        let terminal = context.terminal
        terminal.message("insights: " + (outcome.added ? "added" : "already in") + " \(outcome.attributesFile): \(outcome.line)")
        let command = GitSetup.configCommand(program: program)
        if let scope = scopes.first {
            terminal.message("insights: set \(GitSetup.driverKey) in the \(scope.rawValue) git config")
        } else if arguments.has(Options.json) {
            terminal.message("insights: to finish, run: \(command)")
        } else {
            terminal.print(command)
        }
    }
}
