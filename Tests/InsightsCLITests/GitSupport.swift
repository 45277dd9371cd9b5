import Foundation
import Testing

/// A git repository in a test's own folder, isolated from the user's git configuration,
/// with `insights merge` (the binary under test) installed as the merge driver of
/// `.superagent/memory/*.md`.
struct GitRepo: Sendable {
    let sandbox: Sandbox
    static let memory = ".superagent/memory/insights.md"

    /// The environment every git and insights process of the test runs with.
    var environment: [String: String] { Self.environment(home: sandbox) }

    /// An environment isolated from the user's git configuration: `home` is HOME, and its
    /// file `gitconfig` the global configuration.
    static func environment(home: Sandbox) -> [String: String] {
        ["HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": home.path("gitconfig"),
         "GIT_AUTHOR_NAME": "Ada Tester", "GIT_AUTHOR_EMAIL": "ada@example.com",
         "GIT_COMMITTER_NAME": "Ada Tester", "GIT_COMMITTER_EMAIL": "ada@example.com",
         "GIT_MERGE_AUTOEDIT": "no", "LC_ALL": "C"]
    }

    /// A new repository on branch `main`, with the driver installed unless `driver` is false.
    init(driver: Bool = true) throws {
        sandbox = try Sandbox()
        try sandbox.write("gitconfig", "")
        try git(["init", "-q", "-b", "main"])
        if driver {
            try sandbox.write(".gitattributes", ".superagent/memory/*.md merge=insights\n")
            try git(["config", "merge.insights.driver", "\(insightsBinary.path) merge %O %A %B %P"])
        }
    }

    var path: String { sandbox.path }
    var memoryPath: String { sandbox.path(Self.memory) }

    func remove() { sandbox.remove() }

    /// Runs git in the repository; fails the test unless it exits 0 (or `allowFailure`).
    @discardableResult
    func git(_ arguments: [String], allowFailure: Bool = false) throws -> Outcome {
        try runGit(arguments, in: sandbox.url, environment: environment, allowFailure: allowFailure)
    }

    /// Writes the insights file and commits everything with `message`.
    func commit(_ text: String, _ message: String) throws {
        try sandbox.write(Self.memory, text)
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", message])
    }

    /// Commits `base` on main, `ours` on main and `theirs` on a branch, runs `beforeMerge`,
    /// then merges the branch into main. Returns git's outcome.
    func mergeBranches(base: String, ours: String, theirs: String, beforeMerge: () throws -> Void = {}) throws -> Outcome {
        try commit(base, "base")
        try git(["checkout", "-q", "-b", "theirs"])
        try commit(theirs, "theirs")
        try git(["checkout", "-q", "main"])
        try commit(ours, "ours")
        try beforeMerge()
        return try git(["merge", "--no-edit", "theirs"], allowFailure: true)
    }

    /// Runs the binary in the repository with the repository's environment.
    func insights(_ arguments: [String]) throws -> Outcome {
        try InsightsCLITests.insights(arguments, in: sandbox.url, environment: environment)
    }

    /// The insights file's text.
    var memoryText: String? { text(at: memoryPath) }
}

/// Runs git in `directory` with `environment` added to this process's; fails the test unless
/// it exits 0 (or `allowFailure`).
@discardableResult
func runGit(_ arguments: [String], in directory: URL, environment: [String: String], allowFailure: Bool = false) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = directory
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let outcome = Outcome(status: process.terminationStatus, stdout: [UInt8](stdout), stderr: [UInt8](stderr))
    if !allowFailure {
        #expect(outcome.status == 0, "git \(arguments.joined(separator: " ")): \(outcome)")
    }
    return outcome
}

/// A small insights file: a title, a note before the first heading, and four agent sections.
enum TeamFile {
    static let base = """
    # Project Insights

    Shared memory of the agents.

    ## Frontend Patterns

    ### Effective Patterns
    - **Suspense**: one boundary per tab
    - **Forms**: react-hook-form everywhere

    Last updated: 2026-11-01

    ## System Architecture

    ### Key Technical Decisions
    - **Database Choice**: PostgreSQL - Rationale: relational data
    - **Caching**: Redis - Hit rate: 91%
    - **Queue**: SQS for reminders

    Last updated: 2026-11-01

    ## Testing Insights

    - **Flaky tests**: 3 in the sync suite
    - **Coverage**: 78% lines

    Last updated: 2026-11-01

    ## Growth Notes

    - **Channel**: TikTok cheapest installs

    Last updated: 2026-11-01

    """

    /// `base` with each `(old, new)` replaced once, failing the test if `old` is missing.
    static func editing(_ edits: [(String, String)], in text: String = base) -> String {
        edits.reduce(text) { text, edit in
            guard let range = text.range(of: edit.0) else {
                Issue.record("\"\(edit.0)\" is not in the text")
                return text
            }
            return text.replacingCharacters(in: range, with: edit.1)
        }
    }
}
