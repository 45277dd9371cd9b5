import InsightsKit

/// `insights check`: the file's health for CI and pre-commit hooks, and with a base, whether
/// a change stayed inside the sections it was allowed to touch.
enum CheckCommand: Command {
    static let base = Option(name: "base", value: .required("REV"), help: "compare with the file at a git revision (absent there: empty)")
    static let baseFile = Option(name: "base-file", value: .required("PATH"), help: "compare with another file")
    static let only = Option(name: "only", value: .required("SECTION"),
                             help: "with a base: a change outside this level-2 section is an error, the\ntext before the first heading included", repeatable: true)
    static let strict = Option(name: "strict", value: .none, help: "warnings are errors")
    static let format = Option(name: "format", value: .required("text|json|github"),
                               help: "text (path:line: severity: [rule] message), json, or github\n(workflow commands that annotate the pull request)")

    static let spec = CommandSpec(
        name: "check", summary: "Checks the file for CI: conflict markers, duplicate sections, stamps and keys, placeholders, dates, budgets, and changes outside the allowed sections.",
        options: [base, baseFile, only, Options.agent.help("as --only with the section the agent's template owns").repeated,
                  Options.maxLines.help("budget of each level-2 section (of the --only sections, if given);\na template's `limit:` is the budget of the section it owns"),
                  strict, format],
        exclusive: [[base, baseFile]],
        notes: """
        Errors (exit 1): invalid-utf8, conflict-marker, duplicate-section, outside-allowed.
        Warnings: placeholder, bad-date, over-budget, stale-stamp, near-duplicate-section,
        duplicate-stamp, duplicate-key (errors with --strict).
        """,
        example: "insights check --base origin/main --agent backend-architect --format github")

    enum Format: String {
        case text, json, github
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        guard let format = Format(rawValue: arguments.value(format) ?? "text") else {
            throw InsightsError(.usage, "--format takes text, json or github, not \"\(arguments.value(format) ?? "")\"")
        }
        let document = Document(try context.file.readExisting())
        var version: Version?
        if let revision = arguments.value(base) {
            version = try Version.at(revision, of: context.file)
        } else if let path = arguments.path(baseFile) {
            version = try Version.file(path)
        }
        let catalog = context.templates
        let agents = try arguments.values(Options.agent).map { SectionAddress(title: try catalog.agent(named: $0).section) }
        var options = CheckOptions(
            base: version?.bytes, allowed: arguments.values(only).map { SectionAddress(title: $0) } + agents,
            maxLines: try arguments.integer(Options.maxLines, in: 1...Int.max), budgets: catalog.budgets(),
            strict: arguments.has(strict), today: CalendarDate.today())
        options.templates = catalog
        let report = try Check.run(document, options: options)
        let terminal = context.terminal
        switch format {
        case .text: terminal.out(Array(text(report, path: ByteText.shown(context.file.path), color: terminal.colorOut).utf8))
        case .json: terminal.out(json(report, path: context.file.path, base: version?.label).serialized)
        case .github: terminal.out(Array(github(report, path: ByteText.shown(repositoryPath(of: context.file.path))).utf8))
        }
        return report.errorCount > 0 ? InsightsError.Code.findings.rawValue : 0
    }

    /// `path:line: severity: [rule] message`, then the changed sections as notes, then a count.
    static func text(_ report: CheckReport, path: String, color: Bool) -> String {
        var output = ""
        for finding in report.findings {
            let location = path + (finding.line.map { ":\($0)" } ?? "")
            let severity = finding.severity.rawValue + ":"
            let painted = (finding.severity == .error ? Paint.boldRed : .boldYellow)(severity, enabled: color)
            output += "\(location): \(painted) [\(finding.rule.rawValue)] \(finding.message)\n"
        }
        for note in notes(report) {
            output += path + (note.line.map { ":\($0)" } ?? "") + ": note: " + note.message + "\n"
        }
        if !report.findings.isEmpty {
            output += "\(count(report.errorCount, "error")), \(count(report.warningCount, "warning"))\n"
        }
        return output
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// With a base: one note per added, removed, modified, moved or renamed part.
    static func notes(_ report: CheckReport) -> [(line: Int?, message: String)] {
        guard let comparison = report.comparison else { return [] }
        return comparison.differences.map { change in
            (change.new.map { comparison.new.lines(of: $0).lowerBound + 1 }, ChangeText.describe(change, in: comparison))
        }
    }

    /// The findings and changes as one JSON object.
    static func json(_ report: CheckReport, path: String, base: String?) -> JSON {
        Reports.check(report, path: path, base: base)
    }

    static func github(_ report: CheckReport, path: String) -> String {
        var output = ""
        for finding in report.findings {
            var properties = [("file", path)]
            if let line = finding.line { properties.append(("line", String(line))) }
            properties.append(("title", finding.rule.rawValue))
            output += GitHubCommand.line(finding.severity.rawValue, properties, finding.message)
        }
        for note in notes(report) {
            var properties = [("file", path)]
            if let line = note.line { properties.append(("line", String(line))) }
            output += GitHubCommand.line("notice", properties, note.message)
        }
        return output
    }

    /// The file's path relative to its repository's top level (what GitHub annotates), or
    /// the path as given outside a repository.
    static func repositoryPath(of path: String) -> String {
        guard let repository = try? GitRepository.containing(file: path) else { return path }
        return repository.relativePath(of: path)
    }
}

/// GitHub Actions workflow command lines, escaped as the runner requires.
enum GitHubCommand {
    /// `::NAME key=value,key=value::message` and a line feed.
    static func line(_ name: String, _ properties: [(String, String)], _ message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name)\(list.isEmpty ? "" : " " + list)::\(escapeData(message))\n"
    }

    /// `%`, carriage return and line feed percent-encoded.
    static func escapeData(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// As `escapeData`, and `:` and `,` too.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingColonsAndCommas()
    }
}

private extension String {
    func replacingColonsAndCommas() -> String {
        var output = ""
        for scalar in unicodeScalars {
            switch scalar {
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
