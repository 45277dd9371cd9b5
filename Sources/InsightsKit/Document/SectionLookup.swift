/// Reading one section without scanning the whole file: the scan keeps only the section's
/// own heading and those after it, and stops where the section ends once a byte search shows
/// that no later heading can have the section's title (which would make the name ambiguous).
/// The section found is always the one a full scan finds.
extension Document {
    /// Scans `bytes` far enough to follow `address`, then follows it as `section(at:)` does:
    /// the same section, or the same error. The excerpt's document holds only the bytes
    /// from the addressed top-level section's heading to its end where the scan could stop
    /// there (the rest of the file is never copied), else the whole file.
    public static func excerpt(at address: SectionAddress, in bytes: UnsafeBufferPointer<UInt8>,
                               options: ScanOptions = .sectionsOnly) throws -> SectionExcerpt {
        let wanted = Title.normalized(address.title)
        let words = SectionLookup.proofWords(of: wanted)
        if !words.isEmpty, let (structure, lines, stoppedAfter) = BlockScanner.scan(
            bytes, options: options, stop: StopRule(level: address.level, title: wanted, words: words)) {
            let rest = stoppedAfter.map { lines.end(ofLine: $0) } ?? bytes.count
            let unique = words.contains { !SectionLookup.mayHoldTitleWord($0, in: bytes, range: rest..<bytes.count) }
            let first = structure.headings[0].firstLine
            let start = first == 0 ? 0 : lines.starts[first]
            // The section ends where the heading that stopped the scan starts.
            let end = stoppedAfter == nil ? bytes.count : lines.starts[structure.headings[structure.headings.count - 1].firstLine]
            if unique {
                let document = Document(Array(bytes[start..<end]), options: options)
                // A missing or ambiguous subsection is reported from the whole file, whose
                // line numbers the message gives.
                if let match = try? document.resolve(address), match.target != nil {
                    return SectionExcerpt(document: document, match: match, byteOffset: start, lineOffset: first)
                }
            }
        }
        let document = Document(Array(bytes), options: options)
        return SectionExcerpt(document: document, match: try document.section(at: address), byteOffset: 0, lineOffset: 0)
    }
}

/// A section found by `Document.excerpt(at:in:)`, in a document that may hold only part of
/// the file: the section's own bytes.
public struct SectionExcerpt: Sendable {
    /// The part of the file scanned: the addressed top-level section, or the whole file.
    public let document: Document
    /// What the address matched in `document`.
    public let match: AddressMatch
    /// Where `document` starts in the file, in bytes.
    public let byteOffset: Int
    /// The 0-based line of the file where `document` starts: add it to a line of `document`.
    public let lineOffset: Int
}

/// The byte search that shows no heading after a point can have a given title.
enum SectionLookup {
    /// Words of `title` (runs between white space) that a heading with an equal title must
    /// hold byte for byte, longest first, at most four: those made only of ASCII letters and
    /// digits, without `K` (the Kelvin sign U+212A is canonically equal to it, and Swift
    /// compares strings by canonical equivalence).
    static func proofWords(of title: String) -> [[UInt8]] {
        let words = title.utf8.split(whereSeparator: ASCII.isWhitespace).filter { word in
            word.allSatisfy { (ASCII.isLetter($0) || ASCII.isDigit($0)) && $0 != UInt8(ascii: "K") }
        }
        return words.map { Array($0) }.sorted { $0.count > $1.count }.prefix(4).map { $0 }
    }

    /// Whether `word` occurs in `range` of `bytes` as a whole word: with white space or an
    /// end of the range on each side. A heading's title words all occur so in its source (a
    /// title is its source text with white space runs collapsed); any other occurrence, even
    /// in a code block, also counts, which only makes the answer safe.
    static func mayHoldTitleWord(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
        var position = range.lowerBound
        while let found = ByteSearch.first(word, in: bytes, range: position..<range.upperBound) {
            let end = found + word.count
            let before = found == range.lowerBound || ASCII.isWhitespace(bytes[found - 1])
            let after = end == range.upperBound || ASCII.isWhitespace(bytes[end])
            if before && after { return true }
            position = found + 1
        }
        return false
    }
}
