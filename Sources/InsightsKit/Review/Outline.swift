/// A part of a document as review, diff and merge see it: the text before the first heading
/// (the preamble), or one section's own text: its heading through the line before the next
/// heading of any level. Every byte of a document belongs to exactly one part.
package enum Part: Hashable, Sendable {
    /// The text before the first heading (front matter and byte order mark included).
    case preamble
    /// The own text of the section at this index.
    case section(Int)
}

/// How a section is recognised across versions: the titles of its enclosing sections, its
/// own title and its level. Two sections with the same key are told apart by their order.
package struct SectionKey: Hashable, Sendable {
    /// Titles from the outermost enclosing section to the section itself.
    package var titles: [String]
    /// The section's heading level.
    package var level: Int

    /// Creates a key.
    package init(titles: [String], level: Int) {
        self.titles = titles
        self.level = level
    }
}

/// A document cut into parts, with each section's key and its rank among sections of the
/// same key (0 for the first), which is how duplicates are matched: in order. Keys are kept
/// as small numbers (equal numbers, equal keys); titles and names are read from the
/// document's sections when asked for.
package struct Outline: Sendable {
    /// The document.
    package let document: Document
    /// For each section, a number standing for its titles path (its own title and those of
    /// the sections enclosing it): equal numbers, equal paths.
    let pathIDs: [Int]
    /// Each section's rank among the sections that share its key; empty when every rank is
    /// 0 (no two sections share a key).
    private let rankList: [Int]
    /// For each section, the index after its last subsection.
    private let subtreeEnds: [Int]

    /// Cuts `document` into parts.
    package init(_ document: Document) {
        self.document = document
        let sections = document.sections
        var paths: [PathStep: Int] = [:]
        var pathIDs: [Int] = []
        var subtreeEnds = [Int](repeating: sections.count, count: sections.count)
        pathIDs.reserveCapacity(sections.count)
        var pathRepeats = false
        var open: [Int] = []
        let headings = sections.headings
        for index in sections.indices {
            let parent = headings.parent(of: index)
            let level = headings.level(at: index)
            let step = PathStep(parent: parent.map { pathIDs[$0] } ?? -1, title: sections.title(at: index))
            // One lookup for a new path; a second only for a path seen before.
            var pathID = paths.count
            if let known = paths.updateValue(pathID, forKey: step) {
                paths[step] = known
                pathID = known
                pathRepeats = true
            }
            pathIDs.append(pathID)
            while let last = open.last, headings.level(at: last) >= level {
                subtreeEnds[last] = index
                open.removeLast()
            }
            open.append(index)
        }
        paths = [:]
        self.pathIDs = pathIDs
        self.subtreeEnds = subtreeEnds
        rankList = pathRepeats ? Self.ranks(of: sections.indices.map { Self.keyID(path: pathIDs[$0], level: headings.level(at: $0)) }) : []
    }

    /// Each key's rank among the equal keys before it.
    private static func ranks(of keys: [Int]) -> [Int] {
        var seen: [Int: Int] = [:]
        return keys.map { key in
            defer { seen[key, default: 0] += 1 }
            return seen[key, default: 0]
        }
    }

    /// Each section's rank among the sections that share its key (0 for the first).
    package var ranks: [Int] {
        rankList.isEmpty ? [Int](repeating: 0, count: document.sections.count) : rankList
    }

    /// The section's rank among the sections that share its key.
    func rank(of section: Int) -> Int {
        rankList.isEmpty ? 0 : rankList[section]
    }

    /// Whether two sections share a key.
    var hasRepeatedKeys: Bool { !rankList.isEmpty && rankList.contains { $0 > 0 } }

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
    static func keyID(path: Int, level: Int) -> Int {
        path * 8 + level
    }

    /// The key of each section, by section index.
    package var keys: [SectionKey] {
        document.sections.map { SectionKey(titles: titles(of: $0.index), level: $0.level) }
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
    func pathIDs(in other: Outline) -> [Int] {
        var paths: [PathStep: Int] = [:]
        for section in other.document.sections {
            paths[PathStep(parent: section.parent.map { other.pathIDs[$0] } ?? -1, title: section.title)] = other.pathIDs[section.index]
        }
        var mapped: [Int] = []
        mapped.reserveCapacity(document.sections.count)
        for section in document.sections {
            let parent = section.parent.map { mapped[$0] } ?? -1
            if section.parent != nil && parent < 0 {
                mapped.append(-1)
            } else {
                mapped.append(paths[PathStep(parent: parent, title: section.title)] ?? -1)
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
        case .section(let index): (child, end) = (index + 1, subtreeEnds[index])
        }
        while child < end {
            children.append(child)
            child = subtreeEnds[child]
        }
        return children
    }

    /// The indices of `section` and every section inside it.
    package func subtree(of section: Int) -> Range<Int> {
        section..<subtreeEnds[section]
    }
}
