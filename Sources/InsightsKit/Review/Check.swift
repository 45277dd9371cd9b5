/// How serious a finding is.
public enum Severity: String, Sendable {
    /// Fails the check.
    case error
    /// Reported; fails the check only when strict.
    case warning
}

/// The rules `check` applies, each with a stable id (its raw value) for CI annotations and
/// scripts.
package enum CheckRule: String, Sendable, CaseIterable {
    /// The file is not UTF-8 text (or holds a NUL byte).
    case invalidUTF8 = "invalid-utf8"
    /// A leftover merge-conflict marker.
    case conflictMarker = "conflict-marker"
    /// Two sections with the same title and level under the same parent.
    case duplicateSection = "duplicate-section"
    /// A change outside the sections the check allows (with a base and allowed sections).
    case outsideAllowed = "outside-allowed"
    /// A template placeholder left unfilled, such as `[Date]`.
    case placeholder = "placeholder"
    /// A `Last updated` value that is not a date.
    case badDate = "bad-date"
    /// A section longer than its line budget.
    case overBudget = "over-budget"
    /// A section that changed while its `Last updated` value stayed the same (with a base).
    case staleStamp = "stale-stamp"
    /// A section whose title equals an earlier one's in loose form (case, emphasis, a trailing
    /// colon, spacing) but not exactly, at the same level under the same parent.
    case nearDuplicateSection = "near-duplicate-section"
    /// A `Last updated:` line right before the one closing its top-level section.
    case duplicateStamp = "duplicate-stamp"
    /// A keyed entry whose key (in loose form) an earlier entry of the same section has.
    case duplicateKey = "duplicate-key"
    /// With a base: a change that touches the sections of more than one agent's template.
    case multiAgent = "multi-agent"
    /// A journal section with more entries than its journal template keeps.
    case journalOverKeep = "journal-over-keep"

    /// The severity before `strict`.
    public var severity: Severity {
        switch self {
        case .invalidUTF8, .conflictMarker, .duplicateSection, .outsideAllowed: return .error
        case .placeholder, .badDate, .overBudget, .staleStamp, .nearDuplicateSection, .duplicateStamp, .duplicateKey, .multiAgent, .journalOverKeep: return .warning
        }
    }

    /// Whether the rule looks at the whole file even with a base; the other rules about the
    /// file's text report only inside the sections the change touched (the rules about the
    /// change itself, `outside-allowed`, `stale-stamp` and `multi-agent`, are not filtered).
    var coversWholeFile: Bool {
        switch self {
        case .invalidUTF8, .conflictMarker, .duplicateSection, .nearDuplicateSection: return true
        case .outsideAllowed, .placeholder, .badDate, .overBudget, .staleStamp, .duplicateStamp, .duplicateKey, .multiAgent, .journalOverKeep: return false
        }
    }
}

/// One thing `check` found.
public struct Finding: Sendable, Equatable {
    /// The rule.
    package var rule: CheckRule
    /// The rule's stable id (`duplicate-section`, `placeholder`, ...), as CI annotations
    /// and scripts see it.
    public var ruleID: String { rule.rawValue }
    /// Error or warning (after `strict`).
    public var severity: Severity
    /// The 1-based line it is about, if it is about one.
    public var line: Int?
    /// The section's title path (`Title > Sub`), if it is about one.
    package var section: String?
    /// One line saying what is wrong.
    public var message: String

    /// Creates a finding.
    package init(rule: CheckRule, severity: Severity, line: Int?, section: String?, message: String) {
        self.rule = rule
        self.severity = severity
        self.line = line
        self.section = section
        self.message = message
    }
}

/// A section's line budget.
package struct SectionBudget: Sendable, Equatable {
    /// The section.
    package var address: SectionAddress
    /// The most lines it may have (heading to its last non-blank line).
    package var limit: Int

    /// Creates a budget.
    package init(address: SectionAddress, limit: Int) {
        self.address = address
        self.limit = limit
    }
}

/// What `check` checks against.
public struct CheckOptions: Sendable {
    /// The version the file is compared with, if any: changes are reported against it.
    public var base: [UInt8]?
    /// The only sections a change may touch (with a base); empty allows every change.
    public var allowed: [SectionAddress]
    /// A budget for every level-2 section, or for the allowed ones when some are given.
    public var maxLines: Int?
    /// Whether warnings count as errors.
    public var strict: Bool
    /// Where the templates whose `limit:` is their section's budget come from.
    public var templates: TemplateCatalog
    /// Budgets of particular sections (an agent template's `limit`); those of `templates`
    /// when left empty.
    package var budgets: [SectionBudget] = []
    /// The most entries each journal section may have (a journal template's `keep:`); those
    /// of `templates` when nil.
    package var journalKeeps: [SectionBudget]?
    /// Today's date: a changed section already stamped with it is not stale, whatever the
    /// base says (it was stamped earlier the same day); today when nil.
    package var today: String?
    /// With a base, whether every rule looks at the whole file rather than at the sections
    /// the change touched.
    package var all = false
    /// Whether a change touching more than one agent's section is an error (`multi-agent`).
    package var oneAgent = false
    /// The titles of the level-2 sections agents own; those of `templates` when nil.
    package var ownedSections: [String]?

    /// Options for `check`; every one has the default a careful caller expects.
    public init(base: [UInt8]? = nil, allowed: [SectionAddress] = [], maxLines: Int? = nil, strict: Bool = false,
                templates: TemplateCatalog = TemplateCatalog(projectFolder: nil)) {
        self.base = base
        self.allowed = allowed
        self.maxLines = maxLines
        self.strict = strict
        self.templates = templates
    }

    /// Options with explicit budgets and date, for tests and the review commands.
    package init(base: [UInt8]? = nil, allowed: [SectionAddress] = [], maxLines: Int? = nil, budgets: [SectionBudget],
                 strict: Bool = false, today: String? = nil) {
        self.init(base: base, allowed: allowed, maxLines: maxLines, strict: strict)
        self.budgets = budgets
        self.today = today
    }
}

/// What `check` found, and with a base, how the sections changed.
public struct CheckReport: Sendable {
    /// The findings, by line.
    public var findings: [Finding]
    /// The comparison with the base, when there is one.
    package var comparison: SectionComparison?

    /// The number of errors.
    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    /// The number of warnings.
    package var warningCount: Int { findings.filter { $0.severity == .warning }.count }
}

/// The checks of `insights check`, for CI and pre-commit hooks.
package enum Check {
    /// The level whose sections are agents' sections, budgets and stamps apply to.
    static let agentLevel = 2

    /// Checks `document`. Throws `badData` when an allowed section's name is ambiguous.
    package static func run(_ document: Document, options: CheckOptions) throws -> CheckReport {
        let outline = Outline(document)
        let literal = MarkdownText.literalLines(of: document)
        var findings = encoding(document) + conflictMarkers(outline) + duplicates(outline) + nearDuplicates(outline)
            + placeholdersAndDates(document, outline: outline, literal: literal)
            + duplicateStamps(outline, literal: literal) + duplicateKeys(outline)
        findings += try budgets(document, outline: outline, options: options)
        findings += journalEntries(document, outline: outline, keeps: options.journalKeeps ?? options.templates.journals().compactMap { journal in
            journal.keep.map { SectionBudget(address: SectionAddress(title: journal.section), limit: $0) }
        })
        var comparison: SectionComparison?
        if let base = options.base {
            let compared = SectionComparison(old: Outline(Document(base)), new: outline)
            comparison = compared
            let scope = ChangeScope(compared)
            if !options.all {
                findings = findings.filter { $0.rule.coversWholeFile || $0.line.map { scope.contains(line: $0 - 1) } ?? true }
            }
            findings += try outsideAllowed(compared, allowed: options.allowed)
            findings += try staleStamps(compared, allowed: options.allowed, today: options.today)
            // A change that creates the file (an empty base) sets every section up at once.
            if options.allowed.isEmpty, !base.isEmpty {
                findings += multiAgent(scope, comparison: compared, owned: options.ownedSections ?? options.templates.ownedSections(),
                                       severity: options.oneAgent ? .error : .warning)
            }
        }
        if options.strict {
            findings = findings.map { finding in
                var strict = finding
                strict.severity = .error
                return strict
            }
        }
        let ordered = findings.enumerated().sorted { first, second in
            let (a, b) = (first.element, second.element)
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            return first.offset < second.offset
        }.map(\.element)
        return CheckReport(findings: ordered, comparison: comparison)
    }

    /// The section a 0-based line belongs to, as a title path.
    static func section(containing line: Int, in outline: Outline) -> String? {
        let sections = outline.document.sections
        let after = sections.headings.partitioningIndex { $0.firstLine > line }
        return after == 0 ? nil : outline.plainPath(of: .section(after - 1))
    }

    static func encoding(_ document: Document) -> [Finding] {
        guard let problem = UTF8Validation.firstProblem(in: document.bytes) else { return [] }
        let line = document.lines.line(containing: problem.offset)
        let column = problem.offset - document.lines.starts[line] + 1
        let what = problem.isNul ? "a NUL byte" : "a byte that is not UTF-8 (0x\(String(document.bytes[problem.offset], radix: 16, uppercase: true)))"
        return [Finding(rule: .invalidUTF8, severity: .error, line: line + 1, section: nil,
                        message: "not UTF-8 text: \(what) at column \(column)")]
    }

    /// `<<<<<<<` ... `>>>>>>>` blocks (and a closing marker with no opening), one finding each.
    static func conflictMarkers(_ outline: Outline) -> [Finding] {
        func isMarker(_ text: ArraySlice<UInt8>, _ character: UInt8) -> Bool {
            let run = text.prefix { $0 == character }.count
            return run >= 7 && (run == text.count || ASCII.isSpaceOrTab(text[text.startIndex + run]))
        }
        let document = outline.document
        var findings: [Finding] = []
        var openLine: Int?
        for line in 0..<document.lines.count {
            let text = document.text(ofLine: line)
            if isMarker(text, ASCII.lessThan) {
                if let openLine {
                    findings.append(Finding(rule: .conflictMarker, severity: .error, line: openLine + 1, section: section(containing: openLine, in: outline),
                                            message: "merge-conflict marker <<<<<<< with no closing >>>>>>>"))
                }
                openLine = line
            } else if isMarker(text, ASCII.greaterThan) {
                let start = openLine ?? line
                let message = openLine == nil ? "merge-conflict marker >>>>>>> with no opening <<<<<<<"
                    : "unresolved merge conflict (lines \(start + 1)-\(line + 1))"
                findings.append(Finding(rule: .conflictMarker, severity: .error, line: start + 1, section: section(containing: start, in: outline), message: message))
                openLine = nil
            }
        }
        if let openLine {
            findings.append(Finding(rule: .conflictMarker, severity: .error, line: openLine + 1, section: section(containing: openLine, in: outline),
                                    message: "merge-conflict marker <<<<<<< with no closing >>>>>>>"))
        }
        return findings
    }

    /// Every section after the first of the same title and level under the same parent.
    /// Such a section shares its key with an earlier one (its rank is not 0); under the same
    /// parent, equal keys mean equal titles and levels.
    static func duplicates(_ outline: Outline) -> [Finding] {
        guard outline.hasRepeatedKeys else { return [] }
        struct Identity: Hashable {
            var parent: Int
            var key: Int
        }
        var first: [Identity: Int] = [:]
        var findings: [Finding] = []
        for section in outline.document.sections {
            let identity = Identity(parent: section.parent ?? -1, key: outline.keyID(of: section.index))
            if let earlier = first[identity] {
                let earlierLine = outline.document.sections[earlier].heading.firstLine
                findings.append(Finding(rule: .duplicateSection, severity: .error, line: section.heading.firstLine + 1,
                                        section: outline.plainPath(of: .section(section.index)),
                                        message: "duplicate section \(outline.name(of: .section(section.index))) (also at line \(earlierLine + 1))"))
            } else {
                first[identity] = section.index
            }
        }
        return findings
    }

    /// The unfilled template placeholders of each line that has some (0-based), as the
    /// `placeholder` rule finds them: not in code or front matter, links and the like not
    /// counted. `literal` is `MarkdownText.literalLines(of:)`.
    static func placeholders(_ document: Document, literal: [Bool], definitions: Set<String>? = nil) -> [(line: Int, found: [String])] {
        let definitions = definitions ?? MarkdownText.definitionLabels(of: document, literal: literal)
        return (0..<document.lines.count).compactMap { line in
            guard !literal[line] else { return nil }
            let found = MarkdownText.placeholders(in: document.text(ofLine: line), definitions: definitions)
            return found.isEmpty ? nil : (line, found)
        }
    }

    /// Unfilled placeholders (one finding per line) and `Last updated` values that are not dates.
    static func placeholdersAndDates(_ document: Document, outline: Outline, literal: [Bool]) -> [Finding] {
        let definitions = MarkdownText.definitionLabels(of: document, literal: literal)
        var findings = placeholders(document, literal: literal, definitions: definitions).map { line, found in
            Finding(rule: .placeholder, severity: .warning, line: line + 1, section: section(containing: line, in: outline),
                    message: "unfilled template placeholder\(found.count == 1 ? "" : "s") " + found.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        for line in 0..<document.lines.count where !literal[line] {
            let text = document.text(ofLine: line)
            if let value = Stamp.value(in: text), !MarkdownText.isDate(document.bytes[value]),
               MarkdownText.placeholders(in: document.bytes[value], definitions: definitions).isEmpty {
                findings.append(Finding(rule: .badDate, severity: .warning, line: line + 1, section: section(containing: line, in: outline),
                                        message: "Last updated value \"\(String(decoding: document.bytes[value], as: UTF8.self))\" is not a date (YYYY-MM-DD)"))
            }
        }
        return findings
    }

    /// Sections longer than their budget: `maxLines` for every level-2 section (or every
    /// allowed one), and each explicit budget.
    static func budgets(_ document: Document, outline: Outline, options: CheckOptions) throws -> [Finding] {
        var limits: [(section: Section, limit: Int)] = []
        if let maxLines = options.maxLines {
            if options.allowed.isEmpty {
                limits += document.sections.filter { $0.level == agentLevel }.map { ($0, maxLines) }
            } else {
                for address in options.allowed {
                    if let section = try document.resolve(address).target { limits.append((section, maxLines)) }
                }
            }
        }
        // A template's budget is for the section of exactly its title (a loose twin is the
        // near-duplicate rule's), found through one table of the titles at each level; a
        // budget of an ambiguous name is for the duplicate-section rule to report.
        if !options.budgets.isEmpty {
            var titled: [String: [Section]] = [:]
            let levels = Set(options.budgets.map(\.address.level))
            for section in document.sections where levels.contains(section.level) {
                titled["\(section.level) \(section.title)", default: []].append(section)
            }
            for budget in options.budgets {
                let found = titled["\(budget.address.level) \(Title.normalized(budget.address.title))"] ?? []
                if found.count == 1 { limits.append((found[0], budget.limit)) }
            }
        }
        var findings: [Finding] = []
        var reported = Set<Int>()
        for (section, limit) in limits.sorted(by: { $0.limit < $1.limit }) where !reported.contains(section.index) {
            let count = document.lineCount(of: section)
            guard count > limit else { continue }
            reported.insert(section.index)
            findings.append(Finding(rule: .overBudget, severity: .warning, line: section.heading.firstLine + 1,
                                    section: outline.plainPath(of: .section(section.index)),
                                    message: "section \(outline.name(of: .section(section.index))) has \(count) lines, over its budget of \(limit)"))
        }
        return findings
    }

    /// Journal sections (level 2, of a journal template's exact title) with more entries, the
    /// subsections one level down, than the template keeps.
    static func journalEntries(_ document: Document, outline: Outline, keeps: [SectionBudget]) -> [Finding] {
        var findings: [Finding] = []
        for keep in keeps {
            let title = Title.normalized(keep.address.title)
            for section in document.sections where section.level == keep.address.level && section.title == title {
                let count = document.sections(inside: section).filter { $0.level == section.level + 1 }.count
                guard count > keep.limit else { continue }
                findings.append(Finding(rule: .journalOverKeep, severity: .warning, line: section.heading.firstLine + 1,
                                        section: outline.plainPath(of: .section(section.index)),
                                        message: "journal \(outline.name(of: .section(section.index))) has \(count) entries, more than the \(keep.limit) its template keeps; `insights journal archive` moves the oldest to an archive"))
            }
        }
        return findings
    }

    /// The sections of `document` (with subsections) that allowed addresses name.
    static func allowedSections(_ allowed: [SectionAddress], in outline: Outline) throws -> Set<Int> {
        var indices = Set<Int>()
        for address in allowed {
            if let section = try outline.document.resolve(address).target {
                indices.formUnion(outline.subtree(of: section.index))
            }
        }
        return indices
    }

    /// Every change outside the allowed sections, the text before the first heading included.
    static func outsideAllowed(_ comparison: SectionComparison, allowed: [SectionAddress]) throws -> [Finding] {
        guard !allowed.isEmpty else { return [] }
        let allowedNew = try allowedSections(allowed, in: comparison.new)
        let allowedOld = try allowedSections(allowed, in: comparison.old)
        let names = allowed.map(\.description).joined(separator: ", ")
        var findings: [Finding] = []
        for (position, change) in comparison.changes.enumerated() where change.status != .unchanged {
            if case .section(let index)? = change.new, allowedNew.contains(index) { continue }
            if case .section(let index)? = change.old, allowedOld.contains(index) { continue }
            let line = comparison.firstChangedLine(at: position) + 1
            let what: String
            let section: String?
            if change.new == .preamble {
                what = "the text before the first heading changed"
                section = nil
            } else if let new = change.new {
                what = "\(change.status.rawValue) section \(comparison.new.name(of: new))"
                section = comparison.new.plainPath(of: new)
            } else {
                let old = change.old ?? .preamble
                what = "removed section \(comparison.old.name(of: old)) (was line \(comparison.old.lines(of: old).lowerBound + 1))"
                section = comparison.old.plainPath(of: old)
            }
            findings.append(Finding(rule: .outsideAllowed, severity: .error, line: line, section: section,
                                    message: "\(what) at line \(line), outside the allowed section\(allowed.count == 1 ? "" : "s") \(names)"))
        }
        return findings
    }

    /// A change that touched the sections of more than one agent (added, changed, moved or
    /// removed), reported at the first change in the second agent's section.
    static func multiAgent(_ scope: ChangeScope, comparison: SectionComparison, owned: [String], severity: Severity) -> [Finding] {
        let ownedTitles = Set(owned.map(Title.loose))
        var touched: [(title: String, unit: ChangeScope.Unit)] = []
        for unit in scope.units {
            guard let title = scope.agentTitle(of: unit, old: comparison.old), ownedTitles.contains(Title.loose(title)),
                  !touched.contains(where: { Title.loose($0.title) == Title.loose(title) }) else { continue }
            touched.append((title, unit))
        }
        guard touched.count > 1 else { return [] }
        let second = touched[1]
        let list = touched.map { "\"\($0.title)\"" }.joined(separator: ", ")
        return [Finding(rule: .multiAgent, severity: severity, line: second.unit.new == nil ? nil : second.unit.line + 1,
                        section: second.title,
                        message: "the change touches the sections of \(touched.count) agents: \(list); an agent's change stays in its own section")]
    }

    /// Agent sections (the allowed ones, else every level-2 section) whose text changed while
    /// their `Last updated` value did not (and is not `today`).
    static func staleStamps(_ comparison: SectionComparison, allowed: [SectionAddress], today: String?) throws -> [Finding] {
        let new = comparison.new
        let old = comparison.old
        var candidates: [Int]
        if allowed.isEmpty {
            candidates = new.document.sections.filter { $0.level == agentLevel }.map(\.index)
        } else {
            candidates = try allowed.compactMap { try new.document.resolve($0).target?.index }
        }
        var oldOfNew = [Int](repeating: -1, count: new.document.sections.count)
        for change in comparison.changes {
            if case .section(let newIndex)? = change.new, case .section(let oldIndex)? = change.old { oldOfNew[newIndex] = oldIndex }
        }
        var findings: [Finding] = []
        for index in candidates {
            let oldIndex = oldOfNew[index]
            guard oldIndex >= 0 else { continue }
            let newSection = new.document.sections[index]
            let oldSection = old.document.sections[oldIndex]
            let newBytes = new.document.bytes[newSection.range]
            let oldBytes = old.document.bytes[oldSection.range]
            // The same bytes: the same text, not stale.
            guard !ByteSearch.equal(newBytes, oldBytes) else { continue }
            guard let stamp = new.document.lastUpdated(of: newSection), stamp == old.document.lastUpdated(of: oldSection), stamp != today else { continue }
            let newText = TextLines.splitTrailingBlankLines(newBytes).text
            let oldText = TextLines.splitTrailingBlankLines(oldBytes).text
            guard newText != oldText else { continue }
            findings.append(Finding(rule: .staleStamp, severity: .warning, line: newSection.heading.firstLine + 1,
                                    section: new.plainPath(of: .section(index)),
                                    message: "section \(new.name(of: .section(index))) changed but its Last updated value (\(stamp)) did not"))
        }
        return findings
    }
}
