/// What to do to the addressed section.
public enum SectionEdit: Sendable, Equatable {
    /// Replace the body with this text.
    case replace([UInt8])
    /// Add this text at the end of the body (before a closing `Last updated:` line).
    case append([UInt8])
    /// Add this text at the start of the body (after its leading blank lines).
    case prepend([UInt8])
    /// Leave the body as it is: create the section if it is missing, and stamp it.
    case keep
    /// Delete the section, heading and subsections included.
    case remove
}

/// One edit of one section, with everything that decides its outcome.
public struct EditRequest: Sendable, Equatable {
    /// The section to edit.
    public var address: SectionAddress
    /// The change to make.
    public var edit: SectionEdit
    /// Body of a section that has to be created (a template's skeleton), before the edit.
    public var skeleton: [UInt8]
    /// The date for the section's `Last updated:` line; nil leaves stamps alone.
    public var stampDate: String?
    /// The fingerprint the section must still have (`Fingerprint.absent` for one that must
    /// not exist yet).
    public var ifMatch: String?

    /// Creates a request.
    public init(address: SectionAddress, edit: SectionEdit, skeleton: [UInt8] = [], stampDate: String? = nil, ifMatch: String? = nil) {
        self.address = address
        self.edit = edit
        self.skeleton = skeleton
        self.stampDate = stampDate
        self.ifMatch = ifMatch
    }
}

/// The outcome of an edit: the whole new file and where the section is in it.
public struct EditResult: Sendable {
    /// The new file.
    public var document: Document
    /// Whether the section had to be created.
    public var created: Bool
    /// Whether the file's bytes changed.
    public var changed: Bool
    /// The edited section in the new file (nil once removed).
    public var section: Section?
}
