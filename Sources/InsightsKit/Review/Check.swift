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

    /// Whether, with a base, the rule reports only inside the sections the change touched
    /// (unless asked for the whole file): the rules about the file's text but those that
    /// always look at the whole file (`invalid-utf8`, `conflict-marker` and the
    /// duplicate-section rules); the rules about the change itself are not filtered.
    var isScoped: Bool {
        switch self {
        case .invalidUTF8, .conflictMarker, .duplicateSection, .nearDuplicateSection, .outsideAllowed, .staleStamp, .multiAgent: return false
        case .placeholder, .badDate, .overBudget, .duplicateStamp, .duplicateKey, .journalOverKeep: return true
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
    /// For the finding that stands for the findings of its rule past the first
    /// `FindingList.listedPerRule`, which are not listed: how many they are; else 0.
    package var unlisted = 0

    /// Creates a finding.
    package init(rule: CheckRule, severity: Severity, line: Int?, section: String?, message: String) {
        self.rule = rule
        self.severity = severity
        self.line = line
        self.section = section
        self.message = message
    }

    /// The number of findings this one counts for: itself, or the unlisted ones it stands for.
    var weight: Int { unlisted > 0 ? unlisted : 1 }
}

/// The findings of one check as its rules make them. The first `listedPerRule` of each rule
/// are kept; the others are only counted, and one finding of the rule with no line says how
/// many they are: a file of a million duplicate sections costs a hundred findings, not a
/// million. With a base, the findings of the scoped rules outside the change are dropped
/// first.
struct FindingList {
    /// How many findings of one rule are listed.
    static let listedPerRule = 100
    /// Whether every finding is an error.
    let strict: Bool
    /// The change the scoped rules report in, when they do not report on the whole file.
    var scope: ChangeScope?
    private var listed: [Finding] = []
    /// Per rule: its findings' severity, and how many it made.
    private var made: [CheckRule: (severity: Severity, count: Int)] = [:]

    init(strict: Bool) {
        self.strict = strict
    }

    /// Adds a finding of `rule` at the 1-based `line`, of the rule's severity unless another
    /// is given. Its section and message are made only when it is listed.
    mutating func add(_ rule: CheckRule, severity: Severity? = nil, line: Int?, section: @autoclosure () -> String?,
                      message: @autoclosure () -> String) {
        if rule.isScoped, let scope, let line, !scope.contains(line: line - 1) { return }
        let severity = strict ? .error : severity ?? rule.severity
        let count = (made[rule]?.count ?? 0) + 1
        made[rule] = (severity, count)
        guard count <= Self.listedPerRule else { return }
        listed.append(Finding(rule: rule, severity: severity, line: line, section: section(), message: message()))
    }

    /// The listed findings by line (those of one line in the order made), then for each rule
    /// with unlisted findings, the one that counts them.
    var findings: [Finding] {
        let ordered = listed.enumerated().sorted { first, second in
            let (a, b) = (first.element.line ?? 0, second.element.line ?? 0)
            return a != b ? a < b : first.offset < second.offset
        }.map(\.element)
        return ordered + CheckRule.allCases.compactMap { rule in
            guard let (severity, count) = made[rule], count > Self.listedPerRule else { return nil }
            var more = Finding(rule: rule, severity: severity, line: nil, section: nil,
                               message: "\(count - Self.listedPerRule) more \(rule.rawValue) findings not listed (the first \(Self.listedPerRule) of each rule are)")
            more.unlisted = count - Self.listedPerRule
            return more
        }
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

    /// The number of errors, listed or not.
    public var errorCount: Int { findings.reduce(0) { $0 + ($1.severity == .error ? $1.weight : 0) } }
    /// The number of warnings, listed or not.
    package var warningCount: Int { findings.reduce(0) { $0 + ($1.severity == .warning ? $1.weight : 0) } }
}

/// The checks of `insights check`, for CI and pre-commit hooks.
package enum Check {
    /// The level whose sections are agents' sections, budgets and stamps apply to.
    static let agentLevel = 2

    /// Checks `document`. Throws `badData` when an allowed section's name is ambiguous.
    package static func run(_ document: Document, options: CheckOptions) throws -> CheckReport {
        let outline = Outline(document)
        var findings = FindingList(strict: options.strict)
        let comparison = options.base.map { SectionComparison(old: Outline(Document($0)), new: outline) }
        let scope = comparison.map(ChangeScope.init)
        if !options.all { findings.scope = scope }
        let literal = MarkdownText.literalLines(of: document)
        encoding(document, into: &findings)
        conflictMarkers(outline, into: &findings)
        duplicateSections(outline, into: &findings)
        placeholdersAndDates(document, outline: outline, literal: literal, into: &findings)
        duplicateStamps(outline, literal: literal, into: &findings)
        duplicateKeys(outline, into: &findings)
        try budgets(document, outline: outline, options: options, into: &findings)
        journalEntries(document, outline: outline, keeps: options.journalKeeps ?? options.templates.journals().compactMap { journal in
            journal.keep.map { SectionBudget(address: SectionAddress(title: journal.section), limit: $0) }
        }, into: &findings)
        if let comparison, let scope, let base = options.base {
            try outsideAllowed(comparison, allowed: options.allowed, into: &findings)
            try staleStamps(comparison, allowed: options.allowed, today: options.today, into: &findings)
            // A change that creates the file (an empty base) sets every section up at once.
            if options.allowed.isEmpty, !base.isEmpty {
                multiAgent(scope, comparison: comparison, owned: options.ownedSections ?? options.templates.ownedSections(),
                           severity: options.oneAgent ? .error : .warning, into: &findings)
            }
        }
        return CheckReport(findings: findings.findings, comparison: comparison)
    }

    /// The section a 0-based line belongs to, as a title path.
    static func section(containing line: Int, in outline: Outline) -> String? {
        let sections = outline.document.sections
        let after = sections.headings.partitioningIndex { $0.firstLine > line }
        return after == 0 ? nil : outline.plainPath(of: .section(after - 1))
    }

    static func encoding(_ document: Document, into findings: inout FindingList) {
        guard let problem = UTF8Validation.firstProblem(in: document.bytes) else { return }
        let line = document.lines.line(containing: problem.offset)
        let column = problem.offset - document.lines.starts[line] + 1
        let what = problem.isNul ? "a NUL byte" : "a byte that is not UTF-8 (0x\(String(document.bytes[problem.offset], radix: 16, uppercase: true)))"
        findings.add(.invalidUTF8, line: line + 1, section: nil, message: "not UTF-8 text: \(what) at column \(column)")
    }

    /// `<<<<<<<` ... `>>>>>>>` blocks (and a closing marker with no opening), one finding each.
    static func conflictMarkers(_ outline: Outline, into findings: inout FindingList) {
        func isMarker(_ text: ArraySlice<UInt8>, _ character: UInt8) -> Bool {
            let run = text.prefix { $0 == character }.count
            return run >= 7 && (run == text.count || ASCII.isSpaceOrTab(text[text.startIndex + run]))
        }
        func unclosed(_ line: Int) {
            findings.add(.conflictMarker, line: line + 1, section: section(containing: line, in: outline),
                         message: "merge-conflict marker <<<<<<< with no closing >>>>>>>")
        }
        var openLine: Int?
        for (line, text) in outline.document.texts() {
            if isMarker(text, ASCII.lessThan) {
                if let openLine { unclosed(openLine) }
                openLine = line
            } else if isMarker(text, ASCII.greaterThan) {
                let start = openLine ?? line
                findings.add(.conflictMarker, line: start + 1, section: section(containing: start, in: outline),
                             message: openLine == nil ? "merge-conflict marker >>>>>>> with no opening <<<<<<<"
                                : "unresolved merge conflict (lines \(start + 1)-\(line + 1))")
                openLine = nil
            }
        }
        if let openLine { unclosed(openLine) }
    }

    /// The unfilled template placeholders of each line that has some (0-based), as the
    /// `placeholder` rule finds them: not in code or front matter, links and the like not
    /// counted. `literal` is `MarkdownText.literalLines(of:)`.
    static func placeholders(_ document: Document, literal: BitSet) -> [(line: Int, found: [String])] {
        let definitions = MarkdownText.definitionLabels(of: document, literal: literal)
        return document.texts().compactMap { line, text in
            guard !literal[line] else { return nil }
            let found = MarkdownText.placeholders(in: text, definitions: definitions)
            return found.isEmpty ? nil : (line, found)
        }
    }

    /// Unfilled placeholders (one finding per line) and `Last updated` values that are not dates.
    static func placeholdersAndDates(_ document: Document, outline: Outline, literal: BitSet, into findings: inout FindingList) {
        let definitions = MarkdownText.definitionLabels(of: document, literal: literal)
        for (line, text) in document.texts() where !literal[line] {
            let found = MarkdownText.placeholders(in: text, definitions: definitions)
            if !found.isEmpty {
                findings.add(.placeholder, line: line + 1, section: section(containing: line, in: outline),
                             message: "unfilled template placeholder\(found.count == 1 ? "" : "s") " + found.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            if let value = Stamp.value(in: text), !MarkdownText.isDate(document.bytes[value]),
               MarkdownText.placeholders(in: document.bytes[value], definitions: definitions).isEmpty {
                findings.add(.badDate, line: line + 1, section: section(containing: line, in: outline),
                             message: "Last updated value \"\(String(decoding: document.bytes[value], as: UTF8.self))\" is not a date (YYYY-MM-DD)")
            }
        }
    }

    /// Sections longer than their budget: `maxLines` for every level-2 section (or every
    /// allowed one), and each explicit budget; a section with several, the smallest.
    static func budgets(_ document: Document, outline: Outline, options: CheckOptions, into findings: inout FindingList) throws {
        let sections = document.sections
        var limits: [Int: Int] = [:]
        func limit(_ section: Int, _ limit: Int) { limits[section] = min(limit, limits[section] ?? limit) }
        if let maxLines = options.maxLines, !options.allowed.isEmpty {
            for address in options.allowed {
                if let section = try document.resolve(address).target { limit(section.index, maxLines) }
            }
        }
        // A template's budget is for the section of exactly its title (a loose twin is the
        // near-duplicate rule's), found in one pass over the sections of the budgets' levels;
        // a budget of an ambiguous name is for the duplicate-section rule to report.
        if !options.budgets.isEmpty {
            var titled: [String: (section: Int, count: Int)] = [:]
            for budget in options.budgets { titled["\(budget.address.level) \(Title.normalized(budget.address.title))"] = (0, 0) }
            let levels = Set(options.budgets.map(\.address.level))
            for index in sections.indices where levels.contains(sections.headings.level(at: index)) {
                let name = "\(sections.headings.level(at: index)) \(sections.title(at: index))"
                if let found = titled[name] { titled[name] = (index, found.count + 1) }
            }
            for budget in options.budgets {
                if let found = titled["\(budget.address.level) \(Title.normalized(budget.address.title))"], found.count == 1 {
                    limit(found.section, budget.limit)
                }
            }
        }
        let everyAgent = options.allowed.isEmpty ? options.maxLines : nil
        let budgeted = everyAgent == nil ? limits.keys.sorted() : Array(sections.indices)
        for index in budgeted {
            var limit = limits[index]
            if let everyAgent, sections.headings.level(at: index) == agentLevel { limit = min(everyAgent, limit ?? everyAgent) }
            guard let limit else { continue }
            let count = document.lineCount(of: sections[index])
            guard count > limit else { continue }
            findings.add(.overBudget, line: sections.headings[index].firstLine + 1, section: outline.plainPath(of: .section(index)),
                         message: "section \(outline.name(of: .section(index))) has \(count) lines, over its budget of \(limit)")
        }
    }

    /// Journal sections (level 2, of a journal template's exact title) with more entries, the
    /// subsections one level down, than the template keeps.
    static func journalEntries(_ document: Document, outline: Outline, keeps: [SectionBudget], into findings: inout FindingList) {
        let sections = document.sections
        for keep in keeps {
            let title = Title.normalized(keep.address.title)
            for index in sections.indices where sections.headings.level(at: index) == keep.address.level && sections.title(at: index) == title {
                let level = keep.address.level
                let count = outline.subtree(of: index).dropFirst().filter { sections.headings.level(at: $0) == level + 1 }.count
                guard count > keep.limit else { continue }
                findings.add(.journalOverKeep, line: sections.headings[index].firstLine + 1, section: outline.plainPath(of: .section(index)),
                             message: "journal \(outline.name(of: .section(index))) has \(count) entries, more than the \(keep.limit) its template keeps; `insights journal archive` moves the oldest to an archive")
            }
        }
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
    static func outsideAllowed(_ comparison: SectionComparison, allowed: [SectionAddress], into findings: inout FindingList) throws {
        guard !allowed.isEmpty else { return }
        let allowedNew = try allowedSections(allowed, in: comparison.new)
        let allowedOld = try allowedSections(allowed, in: comparison.old)
        let names = allowed.map(\.description).joined(separator: ", ")
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
            findings.add(.outsideAllowed, line: line, section: section,
                         message: "\(what) at line \(line), outside the allowed section\(allowed.count == 1 ? "" : "s") \(names)")
        }
    }

    /// A change that touched the sections of more than one agent (added, changed, moved or
    /// removed), reported at the first change in the second agent's section.
    static func multiAgent(_ scope: ChangeScope, comparison: SectionComparison, owned: [String], severity: Severity, into findings: inout FindingList) {
        let ownedTitles = Set(owned.map(Title.loose))
        var touched: [(title: String, unit: ChangeScope.Unit)] = []
        for unit in scope.units {
            guard let title = scope.agentTitle(of: unit, old: comparison.old), ownedTitles.contains(Title.loose(title)),
                  !touched.contains(where: { Title.loose($0.title) == Title.loose(title) }) else { continue }
            touched.append((title, unit))
        }
        guard touched.count > 1 else { return }
        let second = touched[1]
        let list = touched.map { "\"\($0.title)\"" }.joined(separator: ", ")
        findings.add(.multiAgent, severity: severity, line: second.unit.new == nil ? nil : second.unit.line + 1, section: second.title,
                     message: "the change touches the sections of \(touched.count) agents: \(list); an agent's change stays in its own section")
    }

    /// Agent sections (the allowed ones, else every level-2 section) whose text changed while
    /// their `Last updated` value did not (and is not `today`).
    static func staleStamps(_ comparison: SectionComparison, allowed: [SectionAddress], today: String?, into findings: inout FindingList) throws {
        let new = comparison.new
        let old = comparison.old
        let sections = new.document.sections
        var oldOfNew = [Int32](repeating: -1, count: sections.count)
        for change in comparison.changes {
            if case .section(let newIndex)? = change.new, case .section(let oldIndex)? = change.old { oldOfNew[newIndex] = Int32(oldIndex) }
        }
        func report(_ index: Int) {
            let oldIndex = Int(oldOfNew[index])
            guard oldIndex >= 0 else { return }
            let newSection = new.document.sections[index]
            let oldSection = old.document.sections[oldIndex]
            let newBytes = new.document.bytes[newSection.range]
            let oldBytes = old.document.bytes[oldSection.range]
            // The same bytes: the same text, not stale.
            guard !ByteSearch.equal(newBytes, oldBytes) else { return }
            guard let stamp = new.document.lastUpdated(of: newSection), stamp == old.document.lastUpdated(of: oldSection), stamp != today else { return }
            let newText = TextLines.splitTrailingBlankLines(newBytes).text
            let oldText = TextLines.splitTrailingBlankLines(oldBytes).text
            guard newText != oldText else { return }
            findings.add(.staleStamp, line: newSection.heading.firstLine + 1, section: new.plainPath(of: .section(index)),
                         message: "section \(new.name(of: .section(index))) changed but its Last updated value (\(stamp)) did not")
        }
        if allowed.isEmpty {
            for index in sections.indices where sections.headings.level(at: index) == agentLevel { report(index) }
        } else {
            for index in try allowed.compactMap({ try new.document.resolve($0).target?.index }) { report(index) }
        }
    }
}
