import InsightsKit

// What several commands share: the section a command addresses, the write options and how a
// write is reported, and how a changed section is described.

/// What a command addresses: a section (with the template that goes with it), and the
/// positional arguments after it.
struct SectionTarget {
    /// The section.
    let address: SectionAddress
    /// The positional arguments after SECTION.
    let rest: [String]
}

extension ParsedArguments {
    /// The addressed section: SECTION (the first positional) or the section `--agent NAME`
    /// owns (with its template, or `--template NAME`), with `--sub` and `--level`; nil when
    /// neither is given. Throws `usage` unless
    /// the positional arguments after SECTION are exactly those `rest` names.
    func sectionTarget(_ context: CommandContext, rest: [String] = []) throws -> SectionTarget? {
        let count = rest.count
        var positionals = positionals[...]
        var address: SectionAddress
        if let agent = value(Options.agent) {
            address = try SectionAddress.agent(agent, subsections: values(Options.sub), templates: context.templates)
        } else {
            guard let first = positionals.popFirst() else { return nil }
            address = SectionAddress(title: first, subsections: values(Options.sub))
        }
        if let name = value(Options.template) { address.template = try context.templates.template(named: name) }
        if positionals.count > count {
            throw ParsedArguments.unexpected(positionals[positionals.startIndex + count], spec: spec,
                                             reason: value(Options.agent) != nil ? ": --agent already names the section" : "")
        }
        if positionals.count < count {
            throw InsightsError(.usage, "missing \(rest[positionals.count...].joined(separator: " ")): the section is followed by \(rest.joined(separator: " "))",
                                hint: "usage: \(spec.usage)")
        }
        address.level = try integer(Options.level, in: 1...6) ?? 2
        return SectionTarget(address: address, rest: Array(positionals))
    }

    /// `sectionTarget`, requiring a section.
    func requiredSectionTarget(_ context: CommandContext, command: String, rest: [String] = []) throws -> SectionTarget {
        guard let target = try sectionTarget(context, rest: rest) else {
            throw InsightsError(.usage, "`insights \(command)` needs a SECTION or --agent NAME", hint: "usage: \(spec.usage)")
        }
        return target
    }
}

/// What every writing command shares: its options from the command line, and how its
/// result is printed (`--dry-run` prints the diff the write would make).
enum Editing {
    /// The write options of `arguments`: `--no-stamp`/`--date`, `--if-match`,
    /// `--lock-timeout`, `--max-lines`, `--dry-run`, and the project's templates.
    static func options(_ arguments: ParsedArguments, context: CommandContext) throws -> EditOptions {
        return EditOptions(stamp: !arguments.has(Options.noStamp), date: try date(arguments), ifMatch: arguments.value(Options.ifMatch),
                           lockTimeout: try lockTimeout(arguments),
                           maxLines: try arguments.integer(Options.maxLines, in: 1...Int.max), dryRun: arguments.has(Options.dryRun),
                           templates: context.templates)
    }

    /// `--date`, or today.
    static func date(_ arguments: ParsedArguments) throws -> String {
        guard let date = arguments.value(Options.date) else { return CalendarDate.today() }
        guard CalendarDate.isValid(date) else { throw InsightsError(.usage, "--date takes a date written YYYY-MM-DD, not \"\(date)\"") }
        return date
    }

    /// `--lock-timeout`, or the default.
    static func lockTimeout(_ arguments: ParsedArguments) throws -> Double {
        try arguments.seconds(Options.lockTimeout) ?? EditOptions.defaultLockTimeout
    }

    /// `a/PATH` as git writes it (`a/tmp/x.md` for `/tmp/x.md`).
    static func diffLabel(_ side: String, _ path: String) -> String {
        path.hasPrefix("/") ? side + path : side + "/" + path
    }

    /// Prints what an edit did: with `--dry-run` the diff it would make; else a line on
    /// standard error (after notes on a loose match and warnings), or with `--json` an object
    /// on standard output. Returns the exit code, 0.
    static func report(_ result: EditResult, address: SectionAddress, removed: Bool, arguments: ParsedArguments, context: CommandContext) -> Int32 {
        let terminal = context.terminal
        if arguments.has(Options.dryRun) {
            let old = (try? context.file.read()).flatMap { $0 } ?? []
            let path = context.file.path
            terminal.out(UnifiedDiff.make(old: old, new: result.bytes, oldLabel: diffLabel("a", path), newLabel: diffLabel("b", path)))
            return 0
        }
        let json = arguments.has(Options.json)
        let section = result.section
        if let matched = result.matched {
            terminal.message("insights: note: \(address) matched the heading \"\(matched)\"" + (section.map { " (line \($0.heading.firstLine + 1))" } ?? ""))
        }
        for warning in result.warnings {
            terminal.message("insights: warning: \(warning.message)")
            if warning.kind == .literalLineBreak {
                terminal.message("insights: hint: to pass several lines, use --body-file PATH, standard input, or $'line 1\\nline 2' in the shell")
            }
        }
        if json {
            terminal.out(Reports.edit(result, address: address, path: context.file.path).serialized)
            return 0
        }
        let verb = removed ? "removed" : result.created ? "created" : result.changed ? "updated" : "unchanged:"
        let lines = result.lines.map { " (lines \($0.lowerBound)-\($0.upperBound))" } ?? ""
        terminal.message("insights: \(verb) \(address)\(lines) in \(context.file.path)")
        return 0
    }
}

/// How review commands name a changed section and its lines.
enum ChangeText {
    /// `modified "A" > "B" (lines 4-9, was 4-8)`.
    static func describe(_ change: PartChange, in comparison: SectionComparison) -> String {
        let newLines = change.new.map { lineRange(comparison.new.lines(of: $0)) }
        let oldLines = change.old.map { lineRange(comparison.old.lines(of: $0)) }
        var place: String
        switch (newLines, oldLines) {
        case let (new?, old?): place = new == old ? "lines \(new)" : "lines \(new), was \(old)"
        case let (new?, nil): place = "lines \(new)"
        case let (nil, old?): place = "was lines \(old)"
        case (nil, nil): place = ""
        }
        if change.status == .renamed, let old = change.old {
            return "renamed \(comparison.old.name(of: old)) to \(name(of: change, in: comparison)) (\(place))"
        }
        return "\(change.status.rawValue) \(name(of: change, in: comparison)) (\(place))"
    }

    /// The part's name in the new version, else in the old one.
    static func name(of change: PartChange, in comparison: SectionComparison) -> String {
        if let new = change.new { return comparison.new.name(of: new) }
        return change.old.map { comparison.old.name(of: $0) } ?? ""
    }

    /// 1-based inclusive `first-last` of 0-based lines (`first` alone for one line).
    static func lineRange(_ lines: Range<Int>) -> String {
        lines.count <= 1 ? "\(lines.lowerBound + 1)" : "\(lines.lowerBound + 1)-\(lines.upperBound)"
    }
}
