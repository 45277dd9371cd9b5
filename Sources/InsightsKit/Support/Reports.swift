/// The JSON objects the front doors print: the CLI with `--json` and the MCP server in its
/// tool results. Built here once so that both print the same thing.
package enum Reports {
    /// What a write did: `file`, `section`, `created`, `changed`, `line`, `endLine`,
    /// `fingerprint`, `matched` (after a loose match only) and `warnings`.
    package static func edit(_ result: EditResult, address: SectionAddress, path: String) -> JSON {
        let section = result.section
        var members: [(String, JSON)] = [
            ("file", .string(path)), ("section", .string(([address.title] + address.subsections).joined(separator: " > "))),
            ("created", .bool(result.created)), ("changed", .bool(result.changed)),
            ("line", section.map { .int($0.heading.firstLine + 1) } ?? .null),
            ("endLine", section.map { .int($0.endLine + 1) } ?? .null),
            ("fingerprint", .string(result.fingerprint)),
        ]
        if let matched = result.matched { members.append(("matched", .string(matched))) }
        members.append(("warnings", .array(result.warnings.map { .object([("kind", .string($0.kind.rawValue)), ("message", .string($0.message))]) })))
        return .object(members)
    }

    /// A section as `read --json` prints it; `withHeading` includes its heading lines in
    /// `body`. `matched` is added only after a loose match.
    package static func section(_ section: SectionContent, path: String, withHeading: Bool = false) -> JSON {
        let printed = section.bytes[(withHeading ? 0 : section.bodyStart)...]
        var members: [(String, JSON)] = [
            ("file", .string(path)), ("title", .string(section.title)), ("level", .int(section.level)),
            ("line", .int(section.lines.lowerBound)), ("endLine", .int(section.lines.upperBound)),
            ("lastUpdated", .optional(section.lastUpdated)),
            ("body", .string(String(decoding: printed, as: UTF8.self))),
            ("fingerprint", .string(section.fingerprint)),
        ]
        if let matched = section.matched { members.append(("matched", .string(matched))) }
        return .object(members)
    }

    /// The whole file as `read --json` without a section prints it.
    package static func wholeFile(_ bytes: [UInt8], path: String) -> JSON {
        .object([
            ("file", .string(path)), ("title", .null), ("level", .null), ("line", .int(1)),
            ("endLine", .int(LineTable(bytes).count)), ("lastUpdated", .null),
            ("body", .string(String(decoding: bytes, as: UTF8.self))),
            ("fingerprint", .string(Fingerprint.of(bytes[...]))),
        ])
    }

    /// One listed section of `list --json`.
    package static func listed(_ section: ListedSection) -> JSON {
        .object([
            ("title", .string(section.title)), ("level", .int(section.level)),
            ("line", .int(section.lines.lowerBound)), ("endLine", .int(section.lines.upperBound)),
            ("lastUpdated", .optional(section.lastUpdated)),
        ])
    }

    /// `list --json`: the file and its sections.
    package static func sections(_ sections: [ListedSection], path: String) -> JSON {
        .object([("file", .string(path)), ("sections", .array(sections.map(listed)))])
    }

    /// `session-summary --json`: the agent, template, summary text, fields, missing
    /// labels and the log it was appended to.
    package static func summary(_ summary: SessionSummary, template: AgentTemplate, log: String?) -> JSON {
        .object([
            ("agent", .string(template.agent)), ("template", .string(template.name)), ("summary", .string(summary.text)),
            ("fields", .array(summary.entries.map { .object([("label", .string($0.field.label)), ("value", .string($0.value))]) })),
            ("missing", .array(summary.missing.map { .string($0.label) })),
            ("log", .optional(log)),
        ])
    }

    /// `check --format json`: counts, findings and (with a base) the changed sections.
    package static func check(_ report: CheckReport, path: String, base: String?) -> JSON {
        let findings = report.findings.map { finding in
            JSON.object([
                ("rule", .string(finding.rule.rawValue)), ("severity", .string(finding.severity.rawValue)),
                ("line", finding.line.map(JSON.int) ?? .null), ("section", .optional(finding.section)),
                ("message", .string(finding.message)),
            ])
        }
        let changes: JSON = report.comparison.map { comparison in
            .array(comparison.differences.map { change in
                let newPath = change.new.flatMap { comparison.new.plainPath(of: $0) }
                return JSON.object([
                    ("status", .string(change.status.rawValue)),
                    ("section", .optional(newPath ?? change.old.flatMap { comparison.old.plainPath(of: $0) })),
                    ("line", change.new.map { .int(comparison.new.lines(of: $0).lowerBound + 1) } ?? .null),
                    ("oldLine", change.old.map { .int(comparison.old.lines(of: $0).lowerBound + 1) } ?? .null),
                ])
            })
        } ?? .null
        return .object([
            ("file", .string(path)), ("base", .optional(base)),
            ("errors", .int(report.errorCount)), ("warnings", .int(report.warningCount)),
            ("findings", .array(findings)), ("changes", changes),
        ])
    }

    /// `{"error": {code, kind, message, hint, candidates}}`; `hint` is the front door's own
    /// (it names its flags or arguments), `reach` the way it addresses a candidate.
    package static func error(_ error: InsightsError, hint: String?, reach: (SectionAddress) -> String) -> JSON {
        let candidates: [JSON] = error.candidates.map { candidate in
            var members: [(String, JSON)] = [("title", .string(candidate.title))]
            if let level = candidate.level { members.append(("level", .int(level))) }
            if let line = candidate.line { members.append(("line", .int(line))) }
            if let address = candidate.address { members.append(("address", .string(reach(address)))) }
            return .object(members)
        }
        return .object([("error", .object([
            ("code", .int(Int(error.code.rawValue))), ("kind", .string(error.kind.rawValue)),
            ("message", .string(error.message)), ("hint", .optional(hint)), ("candidates", .array(candidates)),
        ]))])
    }

    /// The team's memory as `status --json` prints it: `file`; `agents`, each `{"agent",
    /// "section", "line", "lastUpdated", "daysSince", "placeholders", "lines", "limit"}`;
    /// `unowned`, the same without `agent` and `limit`.
    package static func status(_ status: MemoryStatus, path: String) -> JSON {
        func row(_ state: SectionState, owned: Bool) -> JSON {
            var members: [(String, JSON)] = owned ? [("agent", .optional(state.agent))] : []
            members += [("section", .string(state.section)), ("line", .int(state.line)), ("lastUpdated", .optional(state.lastUpdated)),
                        ("daysSince", state.daysSince.map { .int($0) } ?? .null), ("placeholders", .int(state.placeholders)),
                        ("lines", .int(state.lines))]
            if owned { members.append(("limit", state.limit.map { .int($0) } ?? .null)) }
            return .object(members)
        }
        return .object([("file", .string(path)), ("agents", .array(status.agents.map { row($0, owned: true) })),
                         ("unowned", .array(status.unowned.map { row($0, owned: false) }))])
    }
}
