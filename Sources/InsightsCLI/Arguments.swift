import InsightsKit

/// One option a command accepts, declared once: its name, the value it takes and its help.
/// Usage lines, `--help`, parsing and the errors for wrong use all come from these.
struct Option: Sendable, Hashable {
    /// What follows the option.
    enum Value: Sendable, Hashable {
        /// Nothing: a flag.
        case none
        /// A value, named so in the help (`--date YYYY-MM-DD`).
        case required(String)
        /// A value that may be left out (`--log [PATH]`); left out, it is "".
        case optional(String)
    }

    /// The name, without the dashes.
    let name: String
    /// What follows it.
    let value: Value
    /// One line (or a few) of help.
    let help: String
    /// Whether it may be given more than once (each value is kept).
    var repeatable = false

    /// `--name`.
    var flag: String { "--" + name }

    /// `--name VALUE`, `--name [VALUE]` or `--name`, as the help shows it.
    var synopsis: String {
        switch value {
        case .none: flag
        case .required(let name): "\(flag) \(name)"
        case .optional(let name): "\(flag) [\(name)]"
        }
    }

    /// The same option, repeatable.
    var repeated: Option {
        Option(name: name, value: value, help: help, repeatable: true)
    }

    /// The same option with other help: a command says what `--json` prints.
    func help(_ text: String) -> Option {
        Option(name: name, value: value, help: text, repeatable: repeatable)
    }
}

/// A positional argument.
struct Positional: Sendable {
    /// Its name in the usage line (`SECTION`).
    let name: String
    /// What it is.
    let help: String
    /// Whether it may be left out.
    var optional = false
    /// An option that may stand in for it (`--agent NAME` for SECTION).
    var alternative: Option?
}

/// What a command accepts, declared once; its usage line and `--help` are made from this.
struct CommandSpec: Sendable {
    /// The command's name.
    let name: String
    /// One sentence on what it does.
    let summary: String
    /// Its positional arguments, in order.
    var positionals: [Positional] = []
    /// Its options, in the order the help lists them.
    var options: [Option] = []
    /// Options that cannot be used together, in pairs or groups.
    var exclusive: [[Option]] = []
    /// Help after the options: rules worth knowing.
    var notes = ""
    /// One example command line.
    var example = ""
    /// The subcommands of a command that groups others (`journal add`, `journal list`), each
    /// named `GROUP WORD`; empty for a command that runs itself.
    var subcommands: [CommandSpec] = []

    /// The word that picks this command inside its group: `add` for `journal add`.
    var word: Substring { name.split(separator: " ").last ?? Substring(name) }

    /// How many positional arguments it takes (one that has an alternative may be left out).
    var positionalCount: ClosedRange<Int> {
        positionals.filter { !$0.optional && $0.alternative == nil }.count...positionals.count
    }

    /// The options with their alternatives' first, `--file` and `--help` last (`--file` among
    /// the options of a command that words its help itself).
    var allOptions: [Option] { options + (options.contains { $0.name == Options.file.name } ? [] : [Options.file]) + [Options.help] }

    /// `insights NAME SECTION|--agent NAME [--sub TITLE]... [--append | --prepend] ...`, or
    /// for a group `insights NAME add|list [ARGUMENTS]`.
    var usage: String {
        if !subcommands.isEmpty {
            return "insights \(name) " + subcommands.map(\.word).joined(separator: "|") + " [ARGUMENTS]"
        }
        var words = ["insights", name]
        let alternatives = Set(positionals.compactMap(\.alternative?.name))
        for positional in positionals {
            let word = positional.alternative.map { "\(positional.name)|\($0.synopsis)" } ?? positional.name
            words.append(positional.optional ? "[\(word)]" : word)
        }
        var shown = Set<String>()
        for option in options where !alternatives.contains(option.name) && !shown.contains(option.name) {
            if let group = exclusive.first(where: { $0.first?.name == option.name }) {
                words.append("[" + group.map(\.synopsis).joined(separator: " | ") + "]")
                shown.formUnion(group.map(\.name))
            } else {
                words.append("[\(option.synopsis)]" + (option.repeatable ? "..." : ""))
            }
        }
        return words.joined(separator: " ")
    }

    /// The whole `--help` text.
    var help: String {
        var text = "usage: \(usage)\n\n\(summary)\n"
        func table(_ rows: [(String, String)]) -> String {
            let width = min(rows.map(\.0.count).max() ?? 0, 24) + 2
            return rows.map { name, help in
                let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
                let first = name.count < width ? name + String(repeating: " ", count: width - name.count) : name + "\n" + String(repeating: " ", count: width + 2)
                return "  " + first + lines.joined(separator: "\n" + String(repeating: " ", count: width + 2)) + "\n"
            }.joined()
        }
        if !subcommands.isEmpty {
            text += "\nsubcommands:\n" + table(subcommands.map { (String($0.word), $0.summary) })
        }
        if !positionals.isEmpty {
            text += "\narguments:\n" + table(positionals.map { ($0.name, $0.help) })
        }
        text += "\noptions:\n" + table(allOptions.map { ($0.synopsis, $0.help + ($0.repeatable ? " (repeatable)" : "")) })
        if !notes.isEmpty { text += "\n" + notes + "\n" }
        if !example.isEmpty { text += "\nexample:\n  " + example + "\n" }
        return text
    }
}

/// The parsed command line of one command.
struct ParsedArguments: Sendable {
    /// The command the arguments were parsed for.
    let spec: CommandSpec
    private(set) var values: [String: [String]] = [:]
    private(set) var positionals: [String] = []

    /// Whether `option` was given.
    func has(_ option: Option) -> Bool { values[option.name] != nil }
    /// The value of `option` (the last one when it was given more than once).
    func value(_ option: Option) -> String? { values[option.name]?.last }
    /// Every value of `option`, in order.
    func values(_ option: Option) -> [String] { values[option.name] ?? [] }
    /// A path option: a leading `@` is dropped unless the literal path exists.
    func path(_ option: Option) -> String? { value(option).map(FilePath.withoutAtSign) }

    /// An integer option, `usage` when it is not one in `range`.
    func integer(_ option: Option, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(option) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            let numbers = range.upperBound == .max ? "a whole number from \(range.lowerBound) up" : "a whole number from \(range.lowerBound) to \(range.upperBound)"
            throw InsightsError(.usage, "\(option.flag) takes \(numbers), not \"\(text)\"")
        }
        return number
    }

    /// A number of seconds from 0 to 86400 (a day), `usage` when it is not one.
    func seconds(_ option: Option) throws -> Double? {
        guard let text = value(option) else { return nil }
        guard let number = Double(text), (0...86_400).contains(number) else {
            throw InsightsError(.usage, "\(option.flag) takes a number of seconds from 0 to 86400, not \"\(text)\"")
        }
        return number
    }

    /// Parses `arguments` (after the command name) for `spec`. Options are `--name`,
    /// `--name VALUE` or `--name=VALUE`, and `-h`; `--` ends them. `--file` may appear
    /// anywhere. A word with one dash (`-json`) is an error, except a lone `-`, and a text
    /// such as `- item` that reads as a value.
    static func parse(_ arguments: [String], spec: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments(spec: spec)
        let options = Dictionary(spec.allOptions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" || isValueText(argument) {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" {
                parsed.values[Options.help.name, default: []].append("")
                continue
            }
            guard argument.hasPrefix("--"), argument.dropFirst(2).first != "-" else {
                let named = argument.drop { $0 == "-" }
                let suggestion = options[String(named.prefix { $0 != "=" })].map { "; options start with two dashes: \($0.flag)" } ?? ""
                throw InsightsError(.usage, "unknown flag \(argument) for `insights \(spec.name)`\(suggestion)", hint: "usage: \(spec.usage)")
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = options[name] else {
                throw InsightsError(.usage, "unknown flag --\(name) for `insights \(spec.name)`", hint: "usage: \(spec.usage)")
            }
            switch option.value {
            case .none:
                guard inlineValue == nil else { throw InsightsError(.usage, "\(option.flag) takes no value") }
                parsed.values[name, default: []].append("")
            case .optional:
                var value = inlineValue ?? ""
                if inlineValue == nil, index < arguments.count, !arguments[index].hasPrefix("-") {
                    value = arguments[index]
                    index += 1
                }
                parsed.values[name, default: []].append(value)
            case .required:
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    // `--sub --file x` lost the value of --sub: a flag of this command is never
                    // taken as a value (`--sub=--file` gives one that looks like it).
                    let next = index < arguments.count ? arguments[index] : nil
                    guard let next, !(next.hasPrefix("--") && options[String(next.dropFirst(2).prefix { $0 != "=" })] != nil) else {
                        throw InsightsError(.usage, "\(option.flag) needs a value" + (next.map { ", not the flag \($0)" } ?? ""), hint: "usage: \(spec.usage)")
                    }
                    value = arguments[index]
                    index += 1
                }
                parsed.values[name, default: []].append(value)
            }
        }
        if parsed.has(Options.help) { return parsed }
        for group in spec.exclusive {
            let given = group.filter(parsed.has)
            if given.count > 1 {
                throw InsightsError(.usage, given.map(\.flag).joined(separator: " and ") + " cannot be used together", hint: "usage: \(spec.usage)")
            }
        }
        if parsed.positionals.count < spec.positionalCount.lowerBound {
            let missing = spec.positionals.filter { !$0.optional && $0.alternative == nil }.dropFirst(parsed.positionals.count).map(\.name)
            throw InsightsError(.usage, "`insights \(spec.name)` is missing \(missing.joined(separator: " "))", hint: "usage: \(spec.usage)")
        }
        if parsed.positionals.count > spec.positionalCount.upperBound {
            throw unexpected(parsed.positionals[spec.positionalCount.upperBound], spec: spec)
        }
        return parsed
    }

    /// Whether a word that starts with `-` is a value, not a flag: `- item`, or text with
    /// white space that is not `--name=...`.
    private static func isValueText(_ argument: String) -> Bool {
        argument.dropFirst().first?.isWhitespace == true || (!argument.hasPrefix("--") && argument.contains(where: \.isWhitespace))
    }

    /// The error for a positional argument too many: one that reads like a body, where
    /// `--body` is taken, asks whether `--body` was meant.
    static func unexpected(_ argument: String, spec: CommandSpec, reason: String = "") -> InsightsError {
        let looksLikeBody = argument.contains { $0 == " " || $0 == "\n" } || argument.hasPrefix("- ") || argument.hasPrefix("**")
        let question = spec.options.contains { $0.name == Options.body.name } && looksLikeBody ? "; did you mean --body \(CLI.quoted(argument))?" : ""
        return InsightsError(.usage, "unexpected argument \"\(argument)\" for `insights \(spec.name)`\(reason)\(question)", hint: "usage: \(spec.usage)")
    }
}
