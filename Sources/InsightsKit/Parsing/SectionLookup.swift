// The byte search behind the scan that stops at a section's end (`BlockScanner.scan(_:options:stop:)`):
// it lives with the parser because the scan's stop rule asks it whether a heading may have
// the wanted title; `Document.excerpt(at:in:)` asks it whether a later heading could.

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
