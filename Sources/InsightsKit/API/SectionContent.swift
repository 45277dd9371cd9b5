/// One top-level heading of a file, as `InsightsFile.sections()` lists it.
public struct ListedSection: Sendable, Equatable {
    /// The heading's text as written, trimmed.
    public var title: String
    /// The heading's level, 1 to 6.
    public var level: Int
    /// The section's lines, 1-based, from its heading to its last line.
    public var lines: ClosedRange<Int>
    /// The value of the section's last `Last updated:` line, if any.
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
