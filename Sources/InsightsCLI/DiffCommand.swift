import InsightsKit

/// `insights diff`: what changed between two versions, section by section.
enum DiffCommand: Command {
    static let base = Option(name: "base", value: .required("REV"), help: "compare the file with this git revision (default HEAD)")
    static let stat = Option(name: "stat", value: .none, help: "one line per changed section with the lines added and removed")
    static let exitCode = Option(name: "exit-code", value: .none, help: "exit 1 when something changed")

    static let spec = CommandSpec(
        name: "diff", summary: "Shows what changed, section by section: added, removed, modified (with its own diff), moved, renamed.",
        positionals: [Positional(name: "OLD", help: "a file to compare NEW with", optional: true), Positional(name: "NEW", help: "the newer file", optional: true)],
        options: [base, stat, Options.json.help("print every section with its status, lines and diff"), exitCode, Options.color],
        notes: """
        With no argument the insights file is compared with its last commit (HEAD); OLD NEW
        compares two files. Hunk line numbers are the file's own line numbers. A change of a
        section's closing `Last updated:` line alone is the section's, not its last subsection's.
        """,
        example: "insights diff --base main --stat")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let old: Version
        let new: Version
        switch arguments.positionals.count {
        case 0:
            new = Version(bytes: try context.file.readExisting(), label: context.file.path)
            old = try Version.at(arguments.value(base) ?? "HEAD", of: context.file)
        case 2:
            guard !arguments.has(base) else { throw InsightsError(.usage, "--base and OLD NEW cannot be used together", hint: "usage: \(spec.usage)") }
            old = try Version.file(FilePath.withoutAtSign(arguments.positionals[0]))
            new = try Version.file(FilePath.withoutAtSign(arguments.positionals[1]))
        default:
            throw InsightsError(.usage, "`insights diff` takes two files (OLD NEW) or none", hint: "usage: \(spec.usage)")
        }
        let comparison = SectionComparison(old: Document(old.bytes),
                                           new: Document(new.bytes))
        let terminal = context.terminal
        let color = try Options.colors(arguments, terminal: terminal)
        if arguments.has(Options.json) {
            terminal.out(json(comparison, old: old, new: new).serialized)
        } else if arguments.has(stat) {
            terminal.out(Array(stat(comparison, color: color).utf8))
        } else {
            terminal.out(text(comparison, old: old, new: new, color: color))
        }
        return arguments.has(exitCode) && comparison.hasChanges ? InsightsError.Code.findings.rawValue : 0
    }

    /// The changed parts, each with its own hunks, under a `---`/`+++` header.
    static func text(_ comparison: SectionComparison, old: Version, new: Version, color: Bool) -> [UInt8] {
        guard comparison.hasChanges else { return [] }
        var output = Array(Paint.bold("--- \(ByteText.shown(old.label))\n+++ \(ByteText.shown(new.label))", enabled: color).utf8) + [UInt8(ascii: "\n")]
        for (index, change) in comparison.changes.enumerated() where change.status != .unchanged {
            output += Array((Paint.bold(ChangeText.describe(change, in: comparison), enabled: color) + "\n").utf8)
            if change.status != .moved {
                output += Paint.hunks(comparison.hunks(at: index), enabled: color)
            }
        }
        output += Array((summary(comparison) + "\n").utf8)
        return output
    }

    /// One line per changed part: status, name, lines added and removed; then the summary.
    static func stat(_ comparison: SectionComparison, color: Bool) -> String {
        let positions = comparison.differencePositions
        guard !positions.isEmpty else { return "" }
        let names = positions.map { ChangeText.name(of: comparison.changes[$0], in: comparison) }
        let width = min(names.map(\.count).max() ?? 0, 60)
        var output = ""
        for (position, name) in zip(positions, names) {
            let change = comparison.changes[position]
            let counts = comparison.lineCounts(at: position)
            let status = change.status.rawValue.padding(to: 9)
            var figures = counts.added > 0 ? Paint.green("+\(counts.added)", enabled: color) : ""
            if counts.removed > 0 {
                figures += (figures.isEmpty ? "" : " ") + Paint.red("-\(counts.removed)", enabled: color)
            }
            output += "\(status) \(name.padding(to: width)) | \(figures.isEmpty ? "0" : figures)\n"
        }
        let total = positions.reduce((0, 0)) { sum, position in
            let counts = comparison.lineCounts(at: position)
            return (sum.0 + counts.added, sum.1 + counts.removed)
        }
        return output + summary(comparison) + ", +\(total.0) -\(total.1) lines\n"
    }

    /// `2 sections changed (1 added, 1 modified), 36 unchanged` (the text before the first
    /// heading counts as a section when it changed).
    static func summary(_ comparison: SectionComparison) -> String {
        let statusCounts = comparison.statusCounts
        let counts = SectionStatus.allCases.filter { $0 != .unchanged }.compactMap { status -> String? in
            let count = statusCounts[status, default: 0]
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        let changed = statusCounts.filter { $0.key != .unchanged }.values.reduce(0, +)
        // The text before the first heading is not counted among the unchanged sections.
        let unchanged = statusCounts[.unchanged, default: 0] - (comparison.changes.first?.status == .unchanged ? 1 : 0)
        let noun = changed == 1 ? "section" : "sections"
        return "\(changed) \(noun) changed (\(counts.joined(separator: ", "))), \(unchanged) unchanged"
    }

    /// Every part, unchanged ones included.
    static func json(_ comparison: SectionComparison, old: Version, new: Version) -> JSON {
        func line(_ part: Part?, _ outline: Outline, end: Bool) -> JSON {
            guard let part else { return .null }
            let lines = outline.lines(of: part)
            guard !lines.isEmpty else { return .null }
            return .int(end ? lines.upperBound : lines.lowerBound + 1)
        }
        let sections = comparison.changes.indices.map { index -> JSON in
            let change = comparison.changes[index]
            let counts = comparison.lineCounts(at: index)
            let newPath = change.new.flatMap { comparison.new.plainPath(of: $0) }
            let oldPath = change.old.flatMap { comparison.old.plainPath(of: $0) }
            let level: JSON = switch change.new ?? change.old {
            case .section(let index)?:
                .int(change.new != nil ? comparison.new.document.sections[index].level : comparison.old.document.sections[index].level)
            default: .null
            }
            let diff = change.status == .unchanged || change.status == .moved ? [] : comparison.hunks(at: index)
            return .object([
                ("status", .string(change.status.rawValue)),
                ("section", .optional(newPath ?? oldPath)), ("oldSection", .optional(oldPath)), ("level", level),
                ("line", line(change.new, comparison.new, end: false)), ("endLine", line(change.new, comparison.new, end: true)),
                ("oldLine", line(change.old, comparison.old, end: false)), ("oldEndLine", line(change.old, comparison.old, end: true)),
                ("added", .int(counts.added)), ("removed", .int(counts.removed)),
                ("diff", .string(String(decoding: diff, as: UTF8.self))),
            ])
        }
        return .object([
            ("old", .string(old.label)), ("new", .string(new.label)), ("changed", .bool(comparison.hasChanges)),
            ("sections", .array(sections)),
        ])
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
