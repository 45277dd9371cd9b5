import Foundation
import Testing
@testable import InsightsCLI

/// Golden files: `Golden/NAME` holds what the CLI prints. `INSIGHTS_UPDATE_GOLDEN=1` rewrites
/// them from the build (then review the diff).
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func expect(_ text: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["INSIGHTS_UPDATE_GOLDEN"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "\(name) differs from the build; run INSIGHTS_UPDATE_GOLDEN=1 swift test --filter CLIGoldenTests and review the diff",
                sourceLocation: sourceLocation)
    }
}

@Suite("Help and messages, in process")
struct CLIGoldenTests {
    static let names = CLI.commands.map(\.spec.name)
    /// Every command and subcommand (`journal add`).
    static let specs = CLI.commands.flatMap { [$0.spec] + $0.subcommands.map(\.spec) }

    @Test("every command's and subcommand's --help is its golden file", arguments: specs.map(\.name))
    func help(command: String) throws {
        let words = command.split(separator: " ").map(String.init)
        let outcome = run(words + ["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.err.isEmpty)
        try Golden.expect(outcome.out, matches: "help-\(words.joined(separator: "-")).txt")
        #expect(run(["help"] + words).out == outcome.out, "insights help \(command) differs from --help")
        #expect(run(words + ["-h"]).out == outcome.out)
    }

    @Test("every command's --help and usage show every flag it accepts", arguments: specs)
    func everyFlagShown(spec: CommandSpec) {
        let help = spec.help
        for option in spec.allOptions {
            #expect(help.contains(option.synopsis), "\(spec.name) --help does not show \(option.synopsis)")
        }
        for option in spec.options {
            #expect(spec.usage.contains(option.synopsis), "\(spec.name)'s usage does not show \(option.synopsis)")
        }
        for positional in spec.positionals {
            #expect(help.contains(positional.name), "\(spec.name) --help does not show \(positional.name)")
        }
        // And each one parses: a flag alone, an option with a value.
        for option in spec.options {
            var arguments = [option.flag]
            if case .required = option.value { arguments.append("1") }
            #expect(throws: Never.self) { _ = try ParsedArguments.parse(arguments, spec: CommandSpec(name: spec.name, summary: "", options: spec.options)) }
        }
    }

    @Test("the overview lists every command")
    func overview() throws {
        let outcome = run(["--help"])
        #expect(outcome.status == 0)
        try Golden.expect(outcome.out, matches: "overview.txt")
        for name in Self.names { #expect(outcome.out.contains("  \(name) ")) }
    }

    /// Command lines that are wrong, each with what the CLI says: one golden file.
    static let mistakes: [[String]] = [
        ["list", "-json"], ["list", "---json"], ["list", "--jsn"], ["read", "--json=yes"],
        ["update", "Notes", "--append", "--prepend", "--body", "x"],
        ["update", "Notes", "--body", "x", "--body-file", "f"],
        ["update", "Notes", "- a note"], ["update", "Notes", "--sub"],
        ["set", "Notes", "Key"], ["check", "--base", "HEAD", "--base-file", "f"], ["check", "--format", "xml"],
        ["init", "--local", "--global"], ["session-summary"], ["remove"], ["replace", "Notes", "--old", "", "--new", "x"],
        ["updte"], ["help", "nope"], ["diff", "a"], ["read", "Notes", "--level", "7"], ["update", "Notes", "--lock-timeout", "-1"],
        ["journal"], ["journal", "ad"], ["journal", "add"], ["journal", "add", "--field", "Context=x"], ["journal", "read"],
        ["journal", "archive", "--sessions", "--section", "Notes"], ["journal", "list", "--last", "2"],
    ]

    @Test("usage errors exit 64 with one line naming what is wrong, and the hint")
    func usageErrors() throws {
        var transcript = ""
        for arguments in Self.mistakes {
            let outcome = run(arguments + ["--file", "/nonexistent/insights.md"])
            #expect(outcome.status == 64, "\(arguments): \(outcome.status) \(outcome.err)")
            #expect(outcome.out.isEmpty)
            #expect(outcome.err.hasPrefix("insights: error: "), "\(arguments): \(outcome.err)")
            transcript += "$ insights " + arguments.map { $0.contains(" ") || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: " ") + "\n" + outcome.err + "\n"
        }
        try Golden.expect(transcript, matches: "usage-errors.txt")
    }
}
