/// How a command names a section: a title at a level (2 unless said otherwise), then
/// `--sub` titles descending into subsections.
public struct SectionAddress: Sendable, Equatable, CustomStringConvertible {
    /// The section's title.
    public var title: String
    /// The section's heading level.
    public var level: Int
    /// Titles of subsections to descend into, outermost first.
    public var subsections: [String]
    /// The agent whose template names the section, when the title comes from one. Such a
    /// title is the section's own spelling, not a near miss: a heading of another level
    /// (another agent's subsection of the same name) is never taken for it.
    package var owner: String?
    /// The template a missing section is created from (its skeleton) and whose `limit:` is
    /// the section's line budget: the owner's, or one chosen by name.
    public var template: AgentTemplate?

    /// Creates an address: a section `title` of `level`, and the `subsections` in it to
    /// descend into; `template` gives a created section its skeleton.
    public init(title: String, level: Int = 2, subsections: [String] = [], template: AgentTemplate? = nil) {
        self.init(title: title, level: level, subsections: subsections, owner: nil, template: template)
    }

    /// Creates an address whose title comes from agent `owner`'s template.
    package init(title: String, level: Int = 2, subsections: [String] = [], owner: String?, template: AgentTemplate? = nil) {
        self.title = title
        self.level = level
        self.subsections = subsections
        self.owner = owner
        self.template = template
    }

    /// The section agent `name` owns, as its template in `templates` names it, and
    /// `subsections` in it. Fails with `usage` when there is no such agent.
    public static func agent(_ name: String, subsections: [String] = [],
                             templates: TemplateCatalog = TemplateCatalog(projectFolder: nil)) throws -> SectionAddress {
        let template = try templates.agent(named: name)
        return SectionAddress(title: template.section, subsections: subsections, owner: name, template: template)
    }

    /// `"Title" > "Sub"`, for messages.
    public var description: String {
        ([title] + subsections).map { "\"\($0)\"" }.joined(separator: " > ")
    }
}

/// Where an address leads in a document: the sections found along it, outermost first,
/// and the titles of those that do not exist yet.
package struct AddressMatch: Sendable, Equatable {
    /// The sections found: the addressed section and then each `--sub` found.
    package var found: [Section]
    /// Titles, outermost first, of the sections along the address that are missing.
    package var missing: [String]
    /// Whether a title along the address matched a heading only in its loose form.
    package var isLoose: Bool = false

    /// The addressed (sub)section, when it exists.
    package var target: Section? { missing.isEmpty ? found.last : nil }

    /// The titles found, as written, joined with " > ": what a loose match matched.
    package var matchedTitles: String {
        found.map(\.title).joined(separator: " > ")
    }
}

extension Document {
    /// Follows `address`: at each step an exact match (white space collapsed) first, then
    /// one in the loose form (`Title.loose`). A section title matches only headings of the
    /// address's level; a `--sub` title the shallowest matching heading inside its parent.
    /// Throws `ambiguous` when a name matches several headings, and `otherLevel` when a
    /// section title matches no heading of its level but does match one of another level
    /// (a write must not create a twin of it).
    package func resolve(_ address: SectionAddress) throws -> AddressMatch {
        guard let (outer, outerIsLoose) = try matching(address.title, in: sections[...], level: address.level) else {
            try refuseOtherLevels(address)
            return AddressMatch(found: [], missing: [address.title] + address.subsections)
        }
        var match = AddressMatch(found: [outer], missing: [], isLoose: outerIsLoose)
        for (position, sub) in address.subsections.enumerated() {
            guard let (next, isLoose) = try matching(sub, in: sections(inside: match.found[match.found.count - 1]), level: nil) else {
                match.missing = Array(address.subsections[position...])
                return match
            }
            match.found.append(next)
            match.isLoose = match.isLoose || isLoose
        }
        return match
    }

    /// The sections inside `parent`: its subsections at every depth.
    func sections(inside parent: Section) -> Slice<SectionList> {
        sections[(parent.index + 1)..<sections.headings.sectionEnd(of: parent.index)]
    }

    /// The one section of `pool` titled `title` at `level` (nil: the shallowest level that
    /// has one), exactly or else in the loose form, and whether the match was loose.
    private func matching(_ title: String, in pool: Slice<SectionList>, level: Int?) throws -> (Section, Bool)? {
        let exact = Title.normalized(title)
        if let found = try unique(shallowest(titled(pool) { $0 == exact }, level: level), name: title) {
            return (found, false)
        }
        return try unique(shallowest(titled(pool, Self.looselyTitled(title)), level: level), name: title).map { ($0, true) }
    }

    /// The sections of `pool` whose title `isWanted` accepts: only titles are read, and a
    /// section is made for those accepted.
    private func titled(_ pool: Slice<SectionList>, _ isWanted: (String) -> Bool) -> [Section] {
        pool.indices.filter { isWanted(sections.title(at: $0)) }.map { sections[$0] }
    }

    /// The sections of `candidates` at `level`, or at the shallowest level among them.
    private func shallowest(_ candidates: [Section], level: Int?) -> [Section] {
        guard let wanted = level ?? candidates.map(\.level).min() else { return [] }
        return candidates.filter { $0.level == wanted }
    }

    /// Throws `otherLevel` when headings of another level than the address's have its
    /// title's loose form, naming each.
    private func refuseOtherLevels(_ address: SectionAddress) throws {
        let others = otherLevels(address)
        guard !others.isEmpty, address.owner == nil else { return }
        let named = others.prefix(5).map { "\(String(repeating: "#", count: $0.level)) \($0.title) (line \($0.heading.firstLine + 1))" }
        throw InsightsError(.otherLevel, "no level-\(address.level) section \"\(address.title)\"; the title is that of "
                            + (others.count == 1 ? "the heading " : "\(others.count) headings: ") + named.joined(separator: ", "),
                            hint: "address one of them at its own level, or choose another title",
                            candidates: others.map(candidate))
    }

    /// The headings whose title has the loose form of the address's title, at any level.
    private func otherLevels(_ address: SectionAddress) -> [Section] {
        titled(sections[...], Self.looselyTitled(address.title))
    }

    /// Whether a title has the loose form of `title` (a hash of the loose form
    /// first, so that most titles are never put in loose form).
    private static func looselyTitled(_ title: String) -> (String) -> Bool {
        let loose = Title.loose(title)
        let hash = Title.looseHash(loose.utf8)
        return { Title.looseHash($0.utf8) == hash && Title.loose($0) == loose }
    }

    /// `section` as a candidate of an error: title, level, line, and an address that
    /// reaches it through the sections it lies in (from the outermost of level 2 or deeper,
    /// the level agents' sections have, so that a file's `# Title` is not part of it).
    func candidate(_ section: Section) -> InsightsError.Candidate {
        let headings = sections.headings
        var path = [section.index]
        while let parent = headings.parent(of: path[0]), headings.level(at: parent) >= 2 || headings.level(at: path[0]) < 2 {
            path.insert(parent, at: 0)
        }
        let titles = path.map(sections.title(at:))
        let address = SectionAddress(title: titles[0], level: headings.level(at: path[0]), subsections: Array(titles.dropFirst()))
        return InsightsError.Candidate(title: section.title, level: section.level, line: section.heading.firstLine + 1, address: address)
    }

    /// Follows `address` and requires the section to exist: `sectionNotFound` otherwise (or
    /// `otherLevel`, with the not-found exit code), naming what is missing and the sections
    /// that do exist.
    package func section(at address: SectionAddress) throws -> AddressMatch {
        let match: AddressMatch
        do {
            match = try resolve(address)
        } catch var error as InsightsError where error.kind == .otherLevel {
            error.code = .notFound
            throw error
        }
        guard match.target == nil else { return match }
        let missingTitle = match.missing[0]
        let scope = match.found.last
        let pool = scope.map(sections(inside:)) ?? sections[...]
        var message = "section \(address) not found"
        if let scope {
            message = "subsection \"\(missingTitle)\" not found in \"\(scope.title)\" (line \(scope.heading.firstLine + 1))"
        }
        let existing = pool.indices.filter { scope != nil || sections.headings.level(at: $0) == address.level }.map(sections.title(at:))
        if scope == nil, let other = otherLevels(address).first {
            message += "; there is a level-\(other.level) heading \"\(other.title)\" at line \(other.heading.firstLine + 1) (level \(other.level))"
        } else if let typo = Closest.match(missingTitle, in: existing) {
            message += "; did you mean \"\(typo)\"?"
        }
        let existingList = existing.map { "\"\($0)\"" }
        let hint = existing.isEmpty
            ? "the file has no \(scope == nil ? "level-\(address.level) " : "")sections yet"
            : "sections that exist: " + existingList.joined(separator: ", ")
        throw InsightsError(.sectionNotFound, message, hint: hint)
    }

    private func unique(_ candidates: [Section], name: String) throws -> Section? {
        guard candidates.count > 1 else { return candidates.first }
        let lines = candidates.map { "line \($0.heading.firstLine + 1)" }.joined(separator: " and ")
        throw InsightsError(.ambiguous, "section name \"\(name)\" is ambiguous: it is the title of the headings at \(lines)",
                            hint: "rename one of them, or address the one you mean through the sections it lies in",
                            candidates: candidates.map(candidate))
    }
}
