import Foundation
import Testing
@testable import InsightsCLI

/// What one in-process run of the CLI printed.
struct InProcessRun {
    let status: Int32
    let out: String
    let err: String
}

/// Runs `insights arguments` inside the test process, with no standard input and no colour:
/// for parsing, help and messages, which touch no file.
func runInProcess(_ arguments: [String]) -> InProcessRun {
    final class Buffers: @unchecked Sendable {
        var out: [UInt8] = []
        var err: [UInt8] = []
    }
    let buffers = Buffers()
    let terminal = Terminal(output: { buffers.out += $0 }, err: { buffers.err += $0 }, colorOut: false, colorErr: false,
                            environment: [:], readInput: { [] })
    let status = CLI.run(arguments, terminal: terminal)
    return InProcessRun(status: status, out: String(decoding: buffers.out, as: UTF8.self), err: String(decoding: buffers.err, as: UTF8.self))
}

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

    @Test("every command's --help is its golden file", arguments: names)
    func help(command: String) throws {
        let run = runInProcess([command, "--help"])
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
        try Golden.expect(run.out, matches: "help-\(command).txt")
        #expect(runInProcess(["help", command]).out == run.out, "insights help \(command) differs from --help")
        #expect(runInProcess([command, "-h"]).out == run.out)
    }

    @Test("every command's --help and usage show every flag it accepts", arguments: CLI.commands.map(\.spec))
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
        let run = runInProcess(["--help"])
        #expect(run.status == 0)
        try Golden.expect(run.out, matches: "overview.txt")
        for name in Self.names { #expect(run.out.contains("  \(name) ")) }
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
    ]

    @Test("usage errors exit 64 with one line naming what is wrong, and the hint")
    func usageErrors() throws {
        var transcript = ""
        for arguments in Self.mistakes {
            let run = runInProcess(arguments + ["--file", "/nonexistent/insights.md"])
            #expect(run.status == 64, "\(arguments): \(run.status) \(run.err)")
            #expect(run.out.isEmpty)
            #expect(run.err.hasPrefix("insights: error: "), "\(arguments): \(run.err)")
            transcript += "$ insights " + arguments.map { $0.contains(" ") || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: " ") + "\n" + run.err + "\n"
        }
        try Golden.expect(transcript, matches: "usage-errors.txt")
    }
}
