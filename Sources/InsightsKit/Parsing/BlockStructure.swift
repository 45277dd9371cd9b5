/// What the block scan tells about a document: its top-level headings, in order, and the
/// facts validation needs.
package struct BlockStructure: Sendable, Equatable {
    /// Top-level headings in document order.
    package var headings: HeadingList
    /// The lines of a YAML front matter block, if one was skipped.
    package var frontMatter: Range<Int>?
    /// 0-based first line of the last block opened at the top level, if any: when a line is
    /// swallowed by an unclosed code fence or HTML block, this is where that block began.
    package var lastTopLevelBlockLine: Int?
    /// The items of the lists at the top level, in document order.
    package var listItems: [ListItemSpan] = []
}

/// A list item at the top level of a document (in a list that is not inside another block).
package struct ListItemSpan: Sendable, Equatable {
    /// 0-based index of the item's first line: the one with its marker.
    package var firstLine: Int
    /// 0-based index of the item's last line (blank lines that end it included).
    package var lastLine: Int
    /// Byte offset where the item's content starts on its first line, after the marker.
    package var contentStart: Int
}

/// Options of the block scan.
package struct ScanOptions: Sendable, Equatable {
    /// Skip a YAML front matter block (`---` on the first line to the next `---` or `...`).
    /// On for insights files; off for strict CommonMark.
    package var frontMatter: Bool
    /// Record the items of top-level lists (`BlockStructure.listItems`), which keyed
    /// entries need (in the scan of the section they are set in): every line goes through the
    /// block parser. Without them, the default, the scan skims: it skips the lines that cannot
    /// change which lines are top-level headings (`SkippedLine`), looking only at their first
    /// bytes.
    package var listItems: Bool

    /// Creates scan options: an insights file, skimmed, unless said otherwise.
    package init(frontMatter: Bool = true, listItems: Bool = false) {
        self.frontMatter = frontMatter
        self.listItems = listItems
    }

    /// Every block of an insights file parsed, its list items recorded.
    package static let full = ScanOptions(listItems: true)

    /// Strict CommonMark 0.31.2, with no extension, every block parsed.
    package static let commonMark = ScanOptions(frontMatter: false, listItems: true)

    /// Strict CommonMark 0.31.2, with no extension, for its headings and how it ends (the
    /// same as `commonMark` finds): list items are not recorded and lines that cannot change
    /// those are skimmed.
    package static let commonMarkHeadings = ScanOptions(frontMatter: false, listItems: false)
}
