/// Reading one section without scanning the whole file: the scan keeps only the section's
/// own heading and those after it, and stops where the section ends once a byte search shows
/// that no later heading can have the section's title (which would make the name ambiguous).
/// The section found is always the one a full scan finds.
extension Document {
    /// Scans `bytes` far enough to follow `address`, then follows it as `section(at:)` does:
    /// the same section, or the same error. The document returned may hold only the
    /// addressed top-level section, its subsections and the heading after it, and the lines
    /// only some way past that heading: use it to read that section only.
    public static func scanned(through address: SectionAddress, in bytes: [UInt8], options: ScanOptions = .sectionsOnly)
        throws -> (document: Document, match: AddressMatch) {
        let wanted = Title.normalized(address.title)
        let words = SectionLookup.proofWords(of: wanted)
        if !words.isEmpty, let (structure, lines, stoppedAfter) = BlockScanner.scan(
            bytes, options: options, stop: StopRule(level: address.level, title: wanted, words: words)) {
            let rest = stoppedAfter.map { lines.end(ofLine: $0) } ?? bytes.count
            let unique = bytes.withUnsafeBufferPointer { buffer in
                words.contains { !SectionLookup.mayHoldTitleWord($0, in: buffer, range: rest..<buffer.count) }
            }
            if unique {
                let document = Document(bytes, lines: lines, structure: structure, options: options)
                return (document, try document.section(at: address))
            }
        }
        let document = Document(bytes, options: options)
        return (document, try document.section(at: address))
    }
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
