import InsightsKit

/// The `insights` command line: picks the command, parses its arguments, runs it, and maps
/// every error to its exit code in this one place.
public enum CLI {
    /// The version `--version` prints.
    public static let version = "0.1.0"

    static let commands: [CommandEntry] = [
        CommandEntry(ListCommand.self), CommandEntry(ReadCommand.self), CommandEntry(UpdateCommand.self),
        CommandEntry(SetCommand.self), CommandEntry(ReplaceCommand.self), CommandEntry(RemoveCommand.self), CommandEntry(SessionSummaryCommand.self),
        CommandEntry(TemplatesCommand.self), CommandEntry(InitCommand.self),
        CommandEntry(CheckCommand.self), CommandEntry(DiffCommand.self), CommandEntry(HistoryCommand.self),
        CommandEntry(MergeCommand.self), CommandEntry(MCPCommand.self), CommandEntry(JournalCommand.self),
    ]

    /// The environment variables `insights` reads; `run` needs no others.
    public static let environmentNames = ["INSIGHTS_FILE", "NO_COLOR"]

    /// Runs `arguments` (without the program name) and returns the exit code. Arguments are
    /// bytes: one that is not UTF-8 comes in the form `ByteText.string` gives it, so that a
    /// path is kept exactly and text that would reach the file is refused (65).
    public static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        run(arguments, terminal: .standard(environment: environment))
    }

    static func run(_ arguments: [String], terminal: Terminal) -> Int32 {
        let error: InsightsError
        do {
            return try dispatch(arguments, terminal: terminal)
        } catch let thrown as InsightsError {
            error = thrown
        } catch {
            report(InsightsError(.ioError, "\(error)"), terminal: terminal, json: false)
            return InsightsError.Code.ioError.rawValue
        }
        // `--json` asks for machine output, errors included (before a `--` that ends the flags).
        report(error, terminal: terminal, json: arguments.prefix { $0 != "--" }.contains("--json"))
        return error.code.rawValue
    }

    /// Prints `error` on standard error as `insights: error: ...` and its hint, where
    /// candidates add how to address each; with `json`, also as `{"error": {...}}` on
    /// standard output.
    static func report(_ error: InsightsError, terminal: Terminal, json: Bool) {
        let label = Paint.boldRed("error:", enabled: terminal.colorErr)
        let hint = hint(for: error)
        // The label's colour is not escaped: only the message is (`Terminal.message`).
        terminal.err(Array("insights: \(label) \(ByteText.shown(error.message))\n".utf8))
        if let hint { terminal.message("insights: hint: \(hint)") }
        guard json else { return }
        terminal.out(Reports.error(error, hint: hint, reach: arguments(for:)).serialized)
    }

    /// The error's hint, and for headings it names at other levels or ambiguously, the
    /// arguments that reach each.
    static func hint(for error: InsightsError) -> String? {
        switch error.kind {
        case .stale: return "read the section again (`insights read ... --json` prints its fingerprint) and redo the edit with that --if-match"
        case .locked: return "try again, or raise --lock-timeout"
        case .otherLevel, .ambiguous: break
        default: return error.hint
        }
        let reaches = error.candidates.compactMap { candidate in
            candidate.address.map { "line \(candidate.line ?? 0): \(arguments(for: $0))" }
        }
        guard !reaches.isEmpty else { return error.hint }
        return "to address " + (reaches.count == 1 ? "it" : "one of them") + ": " + reaches.joined(separator: "; ")
    }

    /// The command-line arguments that address `address`: `"Title" --level N --sub "Sub"`.
    static func arguments(for address: SectionAddress) -> String {
        var words = [quoted(address.title)]
        if address.level != 2 { words.append("--level \(address.level)") }
        words += address.subsections.map { "--sub \(quoted($0))" }
        return words.joined(separator: " ")
    }

    /// `text` in double quotes, with `"`, `\\`, `$` and backticks escaped for a shell.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if "\"\\$`".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    private static func dispatch(_ arguments: [String], terminal: Terminal) throws -> Int32 {
        // `--file` may come before the command name.
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("-") {
            if first == "--version" {
                terminal.print("insights \(version)")
                return 0
            }
            if first == "--help" || first == "-h" {
                terminal.print(overview)
                return 0
            }
            rest = rest.dropFirst()
            if first == "--file", let value = rest.first {
                leading += [first, value]
                rest = rest.dropFirst()
            } else if first.hasPrefix("--file=") {
                leading.append(first)
            } else {
                throw InsightsError(.usage, "unknown flag \(first)", hint: "run `insights --help` for the commands")
            }
        }
        guard let name = rest.first else {
            terminal.err(Array((overview + "\n").utf8))
            return InsightsError.Code.usage.rawValue
        }
        if name == "help" {
            // `insights help COMMAND` is `insights COMMAND --help`.
            guard let topic = rest.dropFirst().first else {
                terminal.print(overview)
                return 0
            }
            var entry = try command(named: topic)
            if let word = rest.dropFirst(2).first, !entry.subcommands.isEmpty { entry = try entry.subcommand(word) }
            terminal.out(Array(entry.spec.help.utf8))
            return 0
        }
        var command = try command(named: name)
        var arguments = rest.dropFirst()
        if !command.subcommands.isEmpty {
            // `insights journal [--file PATH] add ...`: the word after the group's name (and
            // any --file) picks the subcommand.
            while let first = arguments.first, first == "--file" || first.hasPrefix("--file=") {
                leading += arguments.prefix(first == "--file" ? 2 : 1)
                arguments = arguments.dropFirst(first == "--file" ? 2 : 1)
            }
            guard let word = arguments.first, !word.hasPrefix("-") || word == "--help" || word == "-h" else {
                throw InsightsError(.usage, "`insights \(name)` needs a subcommand: " + command.spec.subcommands.map(\.word).joined(separator: ", "),
                                    hint: "usage: \(command.spec.usage)")
            }
            if word == "--help" || word == "-h" {
                terminal.out(Array(command.spec.help.utf8))
                return 0
            }
            command = try command.subcommand(word)
            arguments = arguments.dropFirst()
        }
        let parsed = try ParsedArguments.parse(leading + arguments, spec: command.spec)
        if parsed.has(Options.help) {
            terminal.out(Array(command.spec.help.utf8))
            return 0
        }
        let workingDirectory = POSIX.currentDirectory()
        let file = InsightsFile.locate(explicit: parsed.value(Options.file), environment: terminal.environment,
                                       workingDirectory: workingDirectory)
        return try command.run(parsed, CommandContext(terminal: terminal, file: file, workingDirectory: workingDirectory))
    }

    /// The command called `name`; `usage` naming the closest one otherwise.
    static func command(named name: String) throws -> CommandEntry {
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            let names = commands.map(\.spec.name)
            let suggestion = Closest.match(name, in: names).map { "did you mean \"\($0)\"? " } ?? ""
            throw InsightsError(.usage, "unknown command \"\(name)\"", hint: suggestion + "commands: " + names.joined(separator: ", "))
        }
        return command
    }

    static var overview: String {
        let width = commands.map(\.spec.name.count).max() ?? 0
        let lines = commands.map { "  \($0.spec.name)" + String(repeating: " ", count: width - $0.spec.name.count + 2) + $0.spec.summary }
        return """
        usage: insights [--file PATH] COMMAND [ARGUMENTS]

        Keeps a shared markdown memory file in which every agent owns one section.

        commands:
        \(lines.joined(separator: "\n"))

        The file is --file PATH, else $INSIGHTS_FILE, else the nearest
        .superagent/memory/insights.md from this folder up.
        Run `insights COMMAND --help` for a command's flags.
        """
    }
}

/// What a command runs with.
struct CommandContext {
    let terminal: Terminal
    let file: InsightsFile
    let workingDirectory: String

    /// The bundled templates and the project's own (looked up only when a command needs them).
    var templates: TemplateCatalog { TemplateCatalog.around(workingDirectory: workingDirectory) }
}

/// A command in the table `CLI` dispatches on.
struct CommandEntry: Sendable {
    private(set) var spec: CommandSpec
    let run: @Sendable (ParsedArguments, CommandContext) throws -> Int32
    /// The commands a group picks from by the word after its name.
    let subcommands: [CommandEntry]

    init<C: Command>(_ command: C.Type) {
        spec = command.spec
        run = { try command.run($0, context: $1) }
        subcommands = command.subcommands
        if !subcommands.isEmpty { spec.subcommands = subcommands.map(\.spec) }
    }

    /// The subcommand `word` picks; `usage` naming the closest one otherwise.
    func subcommand(_ word: String) throws -> CommandEntry {
        guard let found = subcommands.first(where: { $0.spec.word == word }) else {
            let words = subcommands.map { String($0.spec.word) }
            let suggestion = Closest.match(word, in: words).map { "did you mean \"\($0)\"? " } ?? ""
            throw InsightsError(.usage, "unknown subcommand \"\(word)\" of `insights \(spec.name)`", hint: suggestion + "subcommands: " + words.joined(separator: ", "))
        }
        return found
    }
}

/// One `insights` command.
protocol Command: SendableMetatype {
    static var spec: CommandSpec { get }
    /// The subcommands of a command that groups others; `run` is then never called.
    static var subcommands: [CommandEntry] { get }
    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32
}

extension Command {
    static var subcommands: [CommandEntry] { [] }
}
