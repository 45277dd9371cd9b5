/// One top-level heading of a file, as `InsightsFile.sections()` lists it.
public struct ListedSection: Sendable, Equatable {
    /// The heading's text as written, trimmed.
    public var title: String
    /// The heading's level, 1 to 6.
    public var level: Int
    /// The section's lines, 1-based, from its heading to its last line.
    public var lines: ClosedRange<Int>
    /// The value of the section's own `Last updated:` line, if any: for a level-2 section
    /// the one that closes it (after its last subsection), for another section the last one
    /// in its own text that does not close the level-2 section around it.
    public var lastUpdated: String?
}

/// A section as `InsightsFile.read(_:)` found it.
public struct SectionContent: Sendable, Equatable {
    /// The heading's text as written, trimmed.
    public var title: String
    /// The heading's level, 1 to 6.
    public var level: Int
    /// The section's lines, 1-based, from its heading to its last line.
    public var lines: ClosedRange<Int>
    /// The value of the section's last `Last updated:` line, if any.
    public var lastUpdated: String?
    /// An opaque string that changes whenever the section's bytes change: pass it as
    /// `EditOptions.ifMatch` to write only if nobody changed the section since.
    public var fingerprint: String
    /// The headings the address matched only in its loose form, as written (`Title > Sub`);
    /// nil after an exact match.
    public var matched: String?
    /// The section's heading lines and body, byte for byte.
    package var bytes: [UInt8]
    /// Where the body starts in `bytes`.
    package var bodyStart: Int

    /// The body: everything after the heading through the section's last line, without the
    /// closing `Last updated:` line of the section the address starts from when this is its
    /// last subsection. Written back with `update`, it leaves the file as it was.
    public var body: String { String(decoding: bytes[bodyStart...], as: UTF8.self) }
}

extension SectionContent {
    /// The section `match` found in `document`, whose first line is line `lineOffset` of the
    /// file; `sectionNotFound` when it found none.
    init(_ match: AddressMatch, in document: Document, lineOffset: Int, address: SectionAddress) throws {
        guard let section = match.target, let body = document.readBody(of: match) else {
            throw InsightsError(.sectionNotFound, "section \(address) not found")
        }
        self.init(title: document.writtenTitle(of: section.heading), level: section.level,
                  lines: (lineOffset + section.heading.firstLine + 1)...(lineOffset + section.endLine + 1),
                  lastUpdated: document.lastUpdated(of: section), fingerprint: document.fingerprint(of: section),
                  matched: match.isLoose ? match.matchedTitles : nil,
                  bytes: Array(document.bytes[section.range.lowerBound..<body.upperBound]),
                  bodyStart: body.lowerBound - section.range.lowerBound)
    }
}

/// The scan of the bytes a caller read last, reused when it reads the same bytes again: a
/// server that reads its file on every call scans it only when it changed. One thread uses
/// it at a time (the server's).
package final class ScanReuse: @unchecked Sendable {
    private var last: Document?

    /// An empty store.
    package init() {}

    /// The document of `bytes`: the last one scanned when its bytes are these, else a new scan.
    func document(of bytes: [UInt8]) -> Document {
        if let last, ByteSearch.equal(last.bytes[...], bytes[...]) { return last }
        let document = Document(bytes)
        last = document
        return document
    }
}

/// The sections of a document as `InsightsFile.sections()` lists them, each made when the
/// walk reaches it.
package struct ListedSections: Sequence {
    /// The document listed.
    let document: Document

    /// A walk over the sections in document order.
    package func makeIterator() -> Iterator {
        Iterator(document: document, stamps: OwnStamps(document))
    }

    /// A walk over the sections in document order.
    package struct Iterator: IteratorProtocol {
        let document: Document
        var stamps: OwnStamps
        var position = 0

        /// The next section, or nil after the last.
        package mutating func next() -> ListedSection? {
            guard position < document.sections.count else { return nil }
            let section = document.sections[position]
            position += 1
            return ListedSection(title: document.writtenTitle(of: section.heading), level: section.level,
                                 lines: (section.heading.firstLine + 1)...(section.endLine + 1), lastUpdated: stamps.stamp(of: section))
        }
    }
}
