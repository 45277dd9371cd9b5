import InsightsKit

/// What a command accepts: boolean flags, options that take a value, and how many
/// positional arguments.
struct CommandSpec: Sendable {
    let name: String
    let usage: String
    let summary: String
    let flags: Set<String>
    let options: Set<String>
    let positionals: ClosedRange<Int>
    /// Extra help text after the usage line.
    let details: String
    /// Options whose value may be left out (`--log` or `--log PATH`); left out, it is "".
    var optionalValues: Set<String> = []
}

/// The parsed command line of one command.
struct ParsedArguments: Sendable {
    /// The command the arguments were parsed for.
    let spec: CommandSpec
    var flags: Set<String> = []
    var options: [String: [String]] = [:]
    var positionals: [String] = []

    func has(_ flag: String) -> Bool { flags.contains(flag) }
    func value(_ option: String) -> String? { options[option]?.last }
    func values(_ option: String) -> [String] { options[option] ?? [] }
    /// A path option: a leading `@` is dropped unless the literal path exists.
    func path(_ option: String) -> String? { value(option).map(FilePath.withoutAtSign) }

    /// An integer option, `usage` when it is not one.
    func integer(_ option: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(option) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw InsightsError(.usage, "--\(option) takes a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
        }
        return number
    }

    /// A number of seconds, `usage` when it is not one.
    func seconds(_ option: String) throws -> Double? {
        guard let text = value(option) else { return nil }
        guard let number = Double(text), number >= 0, number.isFinite else {
            throw InsightsError(.usage, "--\(option) takes a number of seconds, not \"\(text)\"")
        }
        return number
    }

    /// Parses `arguments` (after the command name) for `spec`. `--file` is global and may
    /// appear anywhere; `--name=value` is accepted for options; `--` ends the options.
    static func parse(_ arguments: [String], spec: CommandSpec, globalOptions: Set<String>) throws -> ParsedArguments {
        var parsed = ParsedArguments(spec: spec)
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            // `- item` or a text with white space is a value (a body given without --body),
            // never a flag.
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" 
                || (!argument.hasPrefix("--") && argument.contains(where: \.isWhitespace)) {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = String(argument.drop { $0 == "-" })
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if argument == "-h" { name = "help" }
            if spec.flags.contains(name) || name == "help" {
                guard inlineValue == nil else { throw InsightsError(.usage, "--\(name) takes no value") }
                parsed.flags.insert(name)
            } else if spec.optionalValues.contains(name) {
                var value = inlineValue ?? ""
                if inlineValue == nil, index < arguments.count, !arguments[index].hasPrefix("-") {
                    value = arguments[index]
                    index += 1
                }
                parsed.options[name, default: []].append(value)
            } else if spec.options.contains(name) || globalOptions.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else {
                        throw InsightsError(.usage, "--\(name) needs a value", hint: "usage: \(spec.usage)")
                    }
                    value = arguments[index]
                    index += 1
                }
                parsed.options[name, default: []].append(value)
            } else {
                throw InsightsError(.usage, "unknown flag \(argument) for `insights \(spec.name)`", hint: "usage: \(spec.usage)")
            }
        }
        if parsed.has("help") { return parsed }
        if parsed.positionals.count < spec.positionals.lowerBound {
            throw InsightsError(.usage, "`insights \(spec.name)` is missing an argument", hint: "usage: \(spec.usage)")
        }
        if parsed.positionals.count > spec.positionals.upperBound {
            throw unexpected(parsed.positionals[spec.positionals.upperBound], spec: spec)
        }
        return parsed
    }

    /// The error for a positional argument too many: one that reads like a body, where
    /// `--body` is taken, asks whether `--body` was meant.
    static func unexpected(_ argument: String, spec: CommandSpec, reason: String = "") -> InsightsError {
        let looksLikeBody = argument.contains { $0 == " " || $0 == "\n" } || argument.hasPrefix("- ") || argument.hasPrefix("**")
        let question = spec.options.contains("body") && looksLikeBody ? "; did you mean --body \(CLI.quoted(argument))?" : ""
        return InsightsError(.usage, "unexpected argument \"\(argument)\" for `insights \(spec.name)`\(reason)\(question)", hint: "usage: \(spec.usage)")
    }
}
