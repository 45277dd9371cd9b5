/// A heading at the top level of a document (not inside a block quote, list item, code block
/// or HTML block): the only headings that open sections.
package struct Heading: Sendable, Equatable {
    /// How the heading is written.
    package enum Style: Sendable, Equatable {
        /// `#` to `######` at the start of the line.
        case atx
        /// Paragraph text underlined with `===` (level 1) or `---` (level 2).
        case setext
    }

    /// 1 to 6.
    package let level: Int
    /// ATX or setext.
    package let style: Style
    /// 0-based index of the heading's first line.
    package let firstLine: Int
    /// 0-based index of the heading's last line (the underline of a setext heading).
    package let lastLine: Int
    /// The heading's raw inline text: trimmed, closing `#`s removed, runs of white space
    /// (line breaks of a setext heading included) collapsed to one space.
    package let title: String
}
