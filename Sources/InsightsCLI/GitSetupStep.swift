import InsightsKit

/// `insights init --git [--local | --global]`: installs `insights merge` as the merge
/// driver of the insights file.
enum GitSetupStep {
    /// The flags `init` takes for this step.
    static let flags: Set<String> = ["git", "local", "global"]

    /// The help lines of those flags.
    static let details = """
        --git                 add `PATTERN merge=insights` to the repository's .gitattributes and
                              print the `git config merge.insights.driver ...` line to run
        --local, --global     with --git: set merge.insights.driver in that git config instead
        """

    /// Throws before anything is written when the flags do not go together, or `--git` is
    /// given outside a git repository.
    static func validate(_ arguments: ParsedArguments, context: CommandContext) throws {
        let scopes = [GitSetup.Scope.local, .global].filter { arguments.has($0.rawValue) }
        guard arguments.has("git") else {
            if let scope = scopes.first { throw InsightsError(.usage, "--\(scope.rawValue) goes with --git") }
            return
        }
        guard scopes.count <= 1 else { throw InsightsError(.usage, "give one of --local and --global") }
        _ = try GitRepository.containing(file: context.file.path)
    }

    /// Runs the step when `--git` is given (after `validate`).
    static func run(_ arguments: ParsedArguments, context: CommandContext) throws {
        guard arguments.has("git") else { return }
        let scopes = [GitSetup.Scope.local, .global].filter { arguments.has($0.rawValue) }
        let outcome = try GitSetup.install(forFile: context.file.path, scope: scopes.first)
        let terminal = context.terminal
        terminal.message("insights: " + (outcome.added ? "added" : "already in") + " \(outcome.attributesFile): \(outcome.line)")
        let command = "git config \(GitSetup.driverKey) \"\(GitSetup.driverCommand)\""
        if let scope = scopes.first {
            terminal.message("insights: set \(GitSetup.driverKey) in the \(scope.rawValue) git config")
        } else if arguments.has("json") {
            terminal.message("insights: to finish, run: \(command)")
        } else {
            terminal.print(command)
        }
    }
}
