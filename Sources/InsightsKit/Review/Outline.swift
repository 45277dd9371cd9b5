/// A part of a document as review, diff and merge see it: the text before the first heading
/// (the preamble), or one section's own text: its heading through the line before the next
/// heading of any level. Every byte of a document belongs to exactly one part.
public enum Part: Hashable, Sendable {
    /// The text before the first heading (front matter and byte order mark included).
    case preamble
    /// The own text of the section at this index.
    case section(Int)
}

/// How a section is recognised across versions: the titles of its enclosing sections, its
/// own title and its level. Two sections with the same key are told apart by their order.
public struct SectionKey: Hashable, Sendable {
    /// Titles from the outermost enclosing section to the section itself.
    public var titles: [String]
    /// The section's heading level.
    public var level: Int

    /// Creates a key.
    public init(titles: [String], level: Int) {
        self.titles = titles
        self.level = level
    }
}

/// A document cut into parts, with each section's key and its rank among sections of the
/// same key (0 for the first), which is how duplicates are matched: in order.
public struct Outline: Sendable {
    /// The document.
    public let document: Document
    /// The key of each section, by section index.
    public let keys: [SectionKey]
    /// Each section's rank among the sections that share its key.
    public let ranks: [Int]
    /// The titles a section is named by, outermost first: its key's titles without the
    /// level-1 headings above it (a file's title), as `SECTION --sub TITLE` addresses it.
    public let names: [[String]]
    /// The sections directly inside each section, and (last) the top-level ones.
    private let childLists: [[Int]]

    /// Cuts `document` into parts.
    public init(_ document: Document) {
        self.document = document
        var keys: [SectionKey] = []
        var ranks: [Int] = []
        var names: [[String]] = []
        var seen: [SectionKey: Int] = [:]
        keys.reserveCapacity(document.sections.count)
        for section in document.sections {
            let parentTitles = section.parent.map { keys[$0].titles } ?? []
            let key = SectionKey(titles: parentTitles + [section.title], level: section.level)
            keys.append(key)
            ranks.append(seen[key, default: 0])
            let parentNames = section.parent.map { document.sections[$0].level == 1 ? [] : names[$0] } ?? []
            names.append(parentNames + [section.title])
            seen[key, default: 0] += 1
        }
        self.keys = keys
        self.ranks = ranks
        self.names = names
        var childLists = [[Int]](repeating: [], count: document.sections.count + 1)
        for section in document.sections {
            childLists[section.parent ?? document.sections.count].append(section.index)
        }
        self.childLists = childLists
    }

    /// Every part in document order: the preamble, then each section.
    public var parts: [Part] {
        [.preamble] + document.sections.indices.map(Part.section)
    }

    /// The bytes a part covers.
    public func range(of part: Part) -> Range<Int> {
        let sections = document.sections
        switch part {
        case .preamble:
            return 0..<(sections.first?.range.lowerBound ?? document.bytes.count)
        case .section(let index):
            let end = index + 1 < sections.count ? sections[index + 1].range.lowerBound : document.bytes.count
            return sections[index].range.lowerBound..<end
        }
    }

    /// The 0-based lines a part covers.
    public func lines(of part: Part) -> Range<Int> {
        let sections = document.sections
        switch part {
        case .preamble:
            return 0..<(sections.first?.heading.firstLine ?? document.lines.count)
        case .section(let index):
            let end = index + 1 < sections.count ? sections[index + 1].heading.firstLine : document.lines.count
            return sections[index].heading.firstLine..<end
        }
    }

    /// The part's bytes.
    public func bytes(of part: Part) -> ArraySlice<UInt8> {
        document.bytes[range(of: part)]
    }

    /// The part's bytes after its heading (all of the preamble).
    public func body(of part: Part) -> ArraySlice<UInt8> {
        guard case .section(let index) = part else { return bytes(of: part) }
        return document.bytes[document.sections[index].bodyRange.lowerBound..<range(of: part).upperBound]
    }

    /// How a part is named in messages: the section's title path, or "the text before the
    /// first heading".
    public func name(of part: Part) -> String {
        guard case .section(let index) = part else { return "the text before the first heading" }
        return names[index].map { "\"\($0)\"" }.joined(separator: " > ")
    }

    /// The part's title path for JSON (`Title > Sub`), null for the preamble.
    public func plainPath(of part: Part) -> String? {
        guard case .section(let index) = part else { return nil }
        return names[index].joined(separator: " > ")
    }

    /// The sections directly inside `part` (top-level sections for the preamble), in order.
    public func children(of part: Part) -> [Int] {
        guard case .section(let index) = part else { return childLists[document.sections.count] }
        return childLists[index]
    }

    /// The indices of `section` and every section inside it.
    public func subtree(of section: Int) -> Range<Int> {
        let sections = document.sections
        var end = section + 1
        while end < sections.count, sections[end].range.lowerBound < sections[section].range.upperBound { end += 1 }
        return section..<end
    }
}
