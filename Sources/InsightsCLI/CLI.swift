import InsightsKit

/// The `insights` command line: picks the command, parses its arguments, runs it, and maps
/// every error to the exit codes of SPEC §5 in this one place.
public enum CLI {
    /// The version `--version` prints.
    public static let version = "0.1.0"

    static let commands: [CommandEntry] = [
        CommandEntry(ListCommand.self), CommandEntry(ReadCommand.self), CommandEntry(UpdateCommand.self),
        CommandEntry(CheckCommand.self), CommandEntry(DiffCommand.self), CommandEntry(HistoryCommand.self),
        CommandEntry(MergeCommand.self),
    ]

    static let globalOptions: Set<String> = ["file"]

    /// Runs `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        run(arguments, terminal: .standard(environment: environment))
    }

    static func run(_ arguments: [String], terminal: Terminal) -> Int32 {
        do {
            return try dispatch(arguments, terminal: terminal)
        } catch let error as InsightsError {
            report(error, terminal: terminal)
            return error.code.rawValue
        } catch {
            report(InsightsError(.ioError, "\(error)"), terminal: terminal)
            return InsightsError.Code.ioError.rawValue
        }
    }

    static func report(_ error: InsightsError, terminal: Terminal) {
        let label = terminal.colorErr ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
        terminal.message("insights: \(label) \(error.message)")
        if let hint = error.hint { terminal.message("insights: hint: \(hint)") }
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
            terminal.print(overview)
            return 0
        }
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            throw InsightsError(.usage, "unknown command \"\(name)\"", hint: "commands: " + commands.map(\.spec.name).joined(separator: ", "))
        }
        let parsed = try ParsedArguments.parse(leading + rest.dropFirst(), spec: command.spec, globalOptions: globalOptions)
        if parsed.has("help") {
            terminal.print(help(for: command.spec))
            return 0
        }
        let file = InsightsFile.locate(explicit: parsed.value("file"), environment: terminal.environment,
                                       workingDirectory: POSIX.currentDirectory())
        return try command.run(parsed, CommandContext(terminal: terminal, file: file))
    }

    static func help(for spec: CommandSpec) -> String {
        "usage: \(spec.usage)\n\n\(spec.summary)\n\(spec.details.isEmpty ? "" : "\n" + spec.details)"
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
}

/// A command in the table `CLI` dispatches on.
struct CommandEntry: Sendable {
    let spec: CommandSpec
    let run: @Sendable (ParsedArguments, CommandContext) throws -> Int32

    init<C: Command>(_ command: C.Type) {
        spec = command.spec
        run = { try command.run($0, context: $1) }
    }
}

/// One `insights` command.
protocol Command: SendableMetatype {
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32
}

extension ParsedArguments {
    /// The section address from the first positional argument, `--sub` and `--level`.
    func sectionAddress() throws -> SectionAddress? {
        guard let title = positionals.first else { return nil }
        let level = try integer("level", in: 1...6) ?? 2
        return SectionAddress(title: title, level: level, subsections: values("sub"))
    }
}
