/// Reading one section without scanning the whole file: the scan keeps only the section's
/// own heading and those after it, and stops where the section ends once a byte search shows
/// that no later heading can have the section's title (which would make the name ambiguous;
/// `SectionLookup`, beside the parser, does that search).
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
