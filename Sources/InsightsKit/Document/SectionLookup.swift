/// Reading one section without scanning the whole file: the scan keeps only the section's
/// own heading and those after it, and stops where the section ends once a byte search shows
/// that no later heading can have the section's title (which would make the name ambiguous).
/// The section found is always the one a full scan finds.
extension Document {
    /// Scans `bytes` far enough to follow `address`, then follows it as `section(at:)` does:
    /// the same section, or the same error. The excerpt's document holds only the bytes
    /// from the addressed top-level section's heading to its end where the scan could stop
    /// there (the rest of the file is never copied), else the whole file.
    package static func excerpt(at address: SectionAddress, in bytes: UnsafeBufferPointer<UInt8>,
                               options: ScanOptions = ScanOptions()) throws -> SectionExcerpt {
        let wanted = Title.normalized(address.title)
        let words = SectionLookup.proofWords(of: wanted)
        guard !words.isEmpty else { return try whole(bytes, at: address, options: options) }
        // Where each word last occurs, searched from the end of a large file on a second
        // thread while the scan goes on from its start.
        var lastWords: [Int?] = []
        let search = { lastWords = words.map { SectionLookup.lastTitleWord($0, in: bytes) } }
        let background = bytes.count >= SectionLookup.backgroundSearchSize ? BackgroundWork(search) : nil
        let found = BlockScanner.scan(bytes, options: options, stop: StopRule(level: address.level, title: wanted, words: words))
        if let background { background.wait() } else if found != nil { search() }
        if let scan = found, lastWords.contains(where: { ($0 ?? -1) < scan.rest }) {
            let document = Document(Array(bytes[scan.section]), options: options)
            // A missing or ambiguous subsection is reported from the whole file, whose line
            // numbers the message gives.
            if let match = try? document.resolve(address), match.target != nil {
                return SectionExcerpt(document: document, match: match, byteOffset: scan.section.lowerBound,
                                      lineOffset: scan.structure.headings[0].firstLine)
            }
        }
        return try whole(bytes, at: address, options: options)
    }

    /// `address` followed in the whole of `bytes`.
    private static func whole(_ bytes: UnsafeBufferPointer<UInt8>, at address: SectionAddress,
                              options: ScanOptions) throws -> SectionExcerpt {
        let document = Document(Array(bytes), options: options)
        return SectionExcerpt(document: document, match: try document.section(at: address), byteOffset: 0, lineOffset: 0)
    }
}

/// A section found by `Document.excerpt(at:in:)`, in a document that may hold only part of
/// the file: the section's own bytes.
package struct SectionExcerpt: Sendable {
    /// The part of the file scanned: the addressed top-level section, or the whole file.
    package let document: Document
    /// What the address matched in `document`.
    package let match: AddressMatch
    /// Where `document` starts in the file, in bytes.
    package let byteOffset: Int
    /// The 0-based line of the file where `document` starts: add it to a line of `document`.
    package let lineOffset: Int
}

/// The byte search that shows no heading after a point can have a given title.
enum SectionLookup {
    /// Files at least this large are searched on a second thread.
    static let backgroundSearchSize = 1 << 20

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

    /// Where the last occurrence of `word` in `bytes` as a whole word starts (with white
    /// space or an end of the bytes on each side), searched from the end. A heading's title
    /// words all occur so in its source (a title is its source text with white space runs
    /// collapsed); any other occurrence, even in a code block, also counts, which only makes
    /// the answer safe.
    static func lastTitleWord(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !word.isEmpty else { return nil }
        // A chunk at a time from the end, each searched forward for its last occurrence
        // (which may run on into the next chunk).
        let chunk = 64 * 1024
        var end = bytes.count
        while end > 0 {
            let start = max(0, end - chunk)
            let searched = start..<min(bytes.count, end + word.count - 1)
            var last: Int?
            var position = start
            while let found = ByteSearch.first(word, in: bytes, range: position..<searched.upperBound) {
                let after = found + word.count
                if found == 0 || ASCII.isWhitespace(bytes[found - 1]), after == bytes.count || ASCII.isWhitespace(bytes[after]) {
                    last = found
                }
                position = found + 1
            }
            if let last { return last }
            end = start
        }
        return nil
    }
}
