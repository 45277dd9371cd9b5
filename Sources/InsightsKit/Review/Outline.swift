/// A part of a document as review, diff and merge see it: the text before the first heading
/// (the preamble), or one section's own text: its heading through the line before the next
/// heading of any level. Every byte of a document belongs to exactly one part.
package enum Part: Hashable, Sendable {
    /// The text before the first heading (front matter and byte order mark included).
    case preamble
    /// The own text of the section at this index.
    case section(Int)
}

/// A document cut into parts, with each section's key (its titles path, the titles of the
/// sections enclosing it and its own, and its level) and its rank among sections of the same
/// key (0 for the first), which is how duplicates are matched: in order. Keys are kept as
/// small numbers (equal numbers, equal keys), four bytes a section, and ranks four more when
/// two sections share a key; titles and names are read from the document's sections when
/// asked for. Keys are made only for an outline that is compared with another (`keyed`).
package struct Outline: Sendable {
    /// The document.
    package let document: Document
    /// For each section, a number standing for its titles path (its own title and those of
    /// the sections enclosing it): equal numbers, equal paths. Empty when not `keyed`.
    let pathIDs: [Int32]
    /// Each section's rank among the sections that share its key; empty when every rank is
    /// 0 (no two sections share a key).
    private let rankList: [Int32]

    /// Cuts `document` into parts, with each section's key and rank when `keyed` (as
    /// comparing it with another version needs: `keyID(of:)`, `rank(of:)`, `pathIDs(in:)`).
    package init(_ document: Document, keyed: Bool = true) {
        self.document = document
        guard keyed else {
            (pathIDs, rankList) = ([], [])
            return
        }
        let sections = document.sections
        let headings = sections.headings
        // Each path seen, with its number and the level of its first section (`keyID`).
        var paths: [PathStep: Int] = [:]
        // For the keys seen more than once, the rank the next section of that key takes.
        var nextRanks: [Int: Int32] = [:]
        var pathIDs: [Int32] = []
        pathIDs.reserveCapacity(sections.count)
        var rankList: [Int32] = []
        for index in sections.indices {
            let level = headings.level(at: index)
            let step = PathStep(parent: headings.parent(of: index).map { Int(pathIDs[$0]) } ?? -1, title: sections.title(at: index))
            // One lookup for a new path; a second only for a path seen before.
            let firstKey = Self.keyID(path: paths.count, level: level)
            guard let known = paths.updateValue(firstKey, forKey: step) else {
                pathIDs.append(Int32(truncatingIfNeeded: firstKey >> 3))
                continue
            }
            paths[step] = known
            let path = known >> 3
            pathIDs.append(Int32(truncatingIfNeeded: path))
            let key = Self.keyID(path: path, level: level)
            let rank = nextRanks[key] ?? (key == known ? 1 : 0)
            nextRanks[key] = rank + 1
            if rank > 0 {
                if rankList.isEmpty { rankList = [Int32](repeating: 0, count: sections.count) }
                rankList[index] = rank
            }
        }
        self.pathIDs = pathIDs
        self.rankList = rankList
    }

    /// The section's rank among the sections that share its key.
    func rank(of section: Int) -> Int {
        rankList.isEmpty ? 0 : Int(rankList[section])
    }

    /// A number standing for the section's key (titles path and level): equal numbers, equal
    /// keys.
    func keyID(of section: Int) -> Int {
        Self.keyID(path: pathIDs[section], level: document.sections.headings.level(at: section))
    }

    /// A titles path: the path of the enclosing section (-1 for none) and a title.
    struct PathStep: Hashable {
        var parent: Int
        var title: String
    }

    /// The number standing for the key of a section with this path number and level.
    static func keyID(path: some BinaryInteger, level: Int) -> Int {
        Int(path) * 8 + level
    }

    /// The titles a section's key is made of: those of the sections enclosing it, outermost
    /// first, then its own.
    func titles(of section: Int) -> [String] {
        var titles: [String] = []
        var current: Int? = section
        while let index = current {
            titles.append(document.sections.title(at: index))
            current = document.sections.headings.parent(of: index)
        }
        return titles.reversed()
    }

    /// For each section, the path number in `other` of the same titles path, or -1 when
    /// `other` has no section with that path.
    func pathIDs(in other: Outline) -> [Int32] {
        var paths: [PathStep: Int32] = [:]
        let otherSections = other.document.sections
        for index in otherSections.indices {
            let parent = otherSections.headings.parent(of: index).map { Int(other.pathIDs[$0]) } ?? -1
            paths[PathStep(parent: parent, title: otherSections.title(at: index))] = other.pathIDs[index]
        }
        let sections = document.sections
        var mapped: [Int32] = []
        mapped.reserveCapacity(sections.count)
        for index in sections.indices {
            let parentIndex = sections.headings.parent(of: index)
            let parent = parentIndex.map { Int(mapped[$0]) } ?? -1
            if parentIndex != nil && parent < 0 {
                mapped.append(-1)
            } else {
                mapped.append(paths[PathStep(parent: parent, title: sections.title(at: index))] ?? -1)
            }
        }
        return mapped
    }

    /// The titles a section is named by, outermost first: its key's titles without the
    /// level-1 headings above it (a file's title), as `SECTION --sub TITLE` addresses it.
    package func names(of section: Int) -> [String] {
        var names: [String] = []
        var current: Int? = section
        while let index = current {
            if index != section && document.sections.headings.level(at: index) == 1 { break }
            names.append(document.sections.title(at: index))
            current = document.sections.headings.parent(of: index)
        }
        return names.reversed()
    }

    /// Every part in document order: the preamble, then each section.
    package var parts: [Part] {
        [.preamble] + document.sections.indices.map(Part.section)
    }

    /// The bytes a part covers.
    package func range(of part: Part) -> Range<Int> {
        let sections = document.sections
        switch part {
        case .preamble:
            return 0..<(sections.isEmpty ? document.bytes.count : sections.start(at: 0))
        case .section(let index):
            let end = index + 1 < sections.count ? sections.start(at: index + 1) : document.bytes.count
            return sections.start(at: index)..<end
        }
    }

    /// The 0-based lines a part covers.
    package func lines(of part: Part) -> Range<Int> {
        let headings = document.sections.headings
        switch part {
        case .preamble:
            return 0..<(headings.first?.firstLine ?? document.lines.count)
        case .section(let index):
            let end = index + 1 < headings.count ? headings[index + 1].firstLine : document.lines.count
            return headings[index].firstLine..<end
        }
    }

    /// The part's bytes.
    package func bytes(of part: Part) -> ArraySlice<UInt8> {
        document.bytes[range(of: part)]
    }

    /// The part's bytes after its heading (all of the preamble).
    package func body(of part: Part) -> ArraySlice<UInt8> {
        guard case .section(let index) = part else { return bytes(of: part) }
        return document.bytes[document.lines.end(ofLine: document.sections.headings[index].lastLine)..<range(of: part).upperBound]
    }

    /// How a part is named in messages: the section's title path, or "the text before the
    /// first heading".
    package func name(of part: Part) -> String {
        guard case .section(let index) = part else { return "the text before the first heading" }
        return names(of: index).map { "\"\($0)\"" }.joined(separator: " > ")
    }

    /// The part's title path for JSON (`Title > Sub`), null for the preamble.
    package func plainPath(of part: Part) -> String? {
        guard case .section(let index) = part else { return nil }
        return names(of: index).joined(separator: " > ")
    }

    /// The sections directly inside `part` (top-level sections for the preamble), in order.
    package func children(of part: Part) -> [Int] {
        var children: [Int] = []
        var child: Int
        let end: Int
        switch part {
        case .preamble: (child, end) = (0, document.sections.count)
        case .section(let index): (child, end) = (index + 1, document.sections.headings.sectionEnd(of: index))
        }
        while child < end {
            children.append(child)
            child = document.sections.headings.sectionEnd(of: child)
        }
        return children
    }

    /// The indices of `section` and every section inside it.
    package func subtree(of section: Int) -> Range<Int> {
        section..<document.sections.headings.sectionEnd(of: section)
    }
}
