/// A part of a document as review, diff and merge see it: the text before the first heading
/// (the preamble), or one section's own text: its heading through the line before the next
/// heading of any level. Every byte of a document belongs to exactly one part.
package enum Part: Hashable, Sendable {
    /// The text before the first heading (front matter and byte order mark included).
    case preamble
    /// The own text of the section at this index.
    case section(Int)
}

/// A document cut into parts. A section's key (its titles path, the titles of the sections
/// enclosing it and its own, and its level) is what a comparison matches sections by; the
/// comparison makes the keys it needs itself, for as long as it needs them, so an outline
/// holds nothing but its document and costs nothing per section.
package struct Outline: Sendable {
    /// The document.
    package let document: Document

    /// Cuts `document` into parts.
    package init(_ document: Document) {
        self.document = document
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
