/// How a command names a section: a title at a level (2 unless said otherwise), then
/// `--sub` titles descending into subsections.
public struct SectionAddress: Sendable, Equatable, CustomStringConvertible {
    /// The section's title.
    public var title: String
    /// The section's heading level.
    public var level: Int
    /// Titles of subsections to descend into, outermost first.
    public var subsections: [String]

    /// Creates an address.
    public init(title: String, level: Int = 2, subsections: [String] = []) {
        self.title = title
        self.level = level
        self.subsections = subsections
    }

    /// `"Title" > "Sub"`, for messages.
    public var description: String {
        ([title] + subsections).map { "\"\($0)\"" }.joined(separator: " > ")
    }
}

/// Where an address leads in a document: the sections found along it, outermost first,
/// and the titles of those that do not exist yet.
public struct AddressMatch: Sendable, Equatable {
    /// The sections found: the addressed section and then each `--sub` found.
    public var found: [Section]
    /// Titles, outermost first, of the sections along the address that are missing.
    public var missing: [String]

    /// The addressed (sub)section, when it exists.
    public var target: Section? { missing.isEmpty ? found.last : nil }
}

extension Document {
    /// Follows `address`. Throws `badData` when a name is ambiguous (naming both lines).
    public func resolve(_ address: SectionAddress) throws -> AddressMatch {
        let wanted = Title.normalized(address.title)
        let candidates = sections.filter { $0.level == address.level && $0.title == wanted }
        guard let outer = try unique(candidates, name: address.title) else {
            return AddressMatch(found: [], missing: [address.title] + address.subsections)
        }
        var found = [outer]
        for (position, sub) in address.subsections.enumerated() {
            let parent = found[found.count - 1]
            let wantedSub = Title.normalized(sub)
            let inside = sections[(parent.index + 1)...].prefix { $0.range.lowerBound < parent.range.upperBound }
            let matches = inside.filter { $0.title == wantedSub }
            let shallowest = matches.map(\.level).min()
            guard let next = try unique(matches.filter { $0.level == shallowest }, name: sub) else {
                return AddressMatch(found: found, missing: Array(address.subsections[position...]))
            }
            found.append(next)
        }
        return AddressMatch(found: found, missing: [])
    }

    /// Follows `address` and requires the section to exist: `notFound` otherwise, naming
    /// what is missing, a near miss ignoring case, and the sections that do exist.
    public func section(at address: SectionAddress) throws -> AddressMatch {
        let match = try resolve(address)
        guard match.target == nil else { return match }
        let missingTitle = match.missing[0]
        let scope = match.found.last
        let pool = scope.map { parent in
            sections[(parent.index + 1)...].prefix { $0.range.lowerBound < parent.range.upperBound }
        } ?? sections[...]
        let wanted = Title.normalized(missingTitle).lowercased()
        let nearMiss = pool.first { $0.title.lowercased() == wanted }
        var message = "section \(address) not found"
        if let scope {
            message = "subsection \"\(missingTitle)\" not found in \"\(scope.title)\" (line \(scope.heading.firstLine + 1))"
        }
        if let nearMiss, scope == nil, nearMiss.level != address.level {
            message += "; there is a level-\(nearMiss.level) heading \"\(nearMiss.title)\" at line \(nearMiss.heading.firstLine + 1) (--level \(nearMiss.level))"
        } else if let nearMiss {
            message += "; did you mean \"\(nearMiss.title)\" (line \(nearMiss.heading.firstLine + 1))?"
        }
        let existing = pool.filter { scope != nil || $0.level == address.level }.map { "\"\($0.title)\"" }
        let hint = existing.isEmpty
            ? "the file has no \(scope == nil ? "level-\(address.level) " : "")sections yet"
            : "sections that exist: " + existing.joined(separator: ", ")
        throw InsightsError(.notFound, message, hint: hint)
    }

    private func unique(_ candidates: [Section], name: String) throws -> Section? {
        guard candidates.count > 1 else { return candidates.first }
        let lines = candidates.map { "line \($0.heading.firstLine + 1)" }.joined(separator: " and ")
        throw InsightsError(.badData, "section name \"\(name)\" is ambiguous: it is the title of the headings at \(lines)",
                            hint: "rename one of them, or address the one you mean through its parent with --level and --sub")
    }
}
