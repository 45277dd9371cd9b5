/// What to do to the addressed section.
package enum SectionEdit: Sendable, Equatable {
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
    /// Set the keyed entry `key` (a list item starting `**key**:`) to `value`, adding it
    /// after the section's last list item when there is none.
    case set(key: String, value: String)
    /// Replace the one occurrence of `old` (not empty) in the body as `read` prints it with
    /// `new`. The section must exist; no occurrence is `textNotFound`, several `ambiguous`.
    case substitute(old: [UInt8], new: [UInt8])
}

/// One edit of one section, with everything that decides its outcome.
package struct EditRequest: Sendable, Equatable {
    /// The section to edit.
    package var address: SectionAddress
    /// The change to make.
    package var edit: SectionEdit
    /// The body a missing section (the address without its `--sub` titles) is created with,
    /// before the edit: a template's skeleton. Unused when that section exists.
    package var skeleton: [UInt8]
    /// The date for the section's `Last updated:` line; nil leaves stamps alone.
    package var stampDate: String?
    /// The fingerprint the section must still have (`Fingerprint.absent` for one that must
    /// not exist yet).
    package var ifMatch: String?
    /// The top-level section's line budget (a template's `limit:`): a result over it is
    /// written with a warning.
    package var budget: Int?
    /// The most lines the top-level section may have: a result over it that is longer than
    /// the section was is refused (`overBudget`), so a section can always be trimmed.
    package var maxLines: Int?

    /// Creates a request.
    package init(address: SectionAddress, edit: SectionEdit, skeleton: [UInt8] = [], stampDate: String? = nil, ifMatch: String? = nil,
                budget: Int? = nil, maxLines: Int? = nil) {
        self.address = address
        self.edit = edit
        self.skeleton = skeleton
        self.stampDate = stampDate
        self.ifMatch = ifMatch
        self.budget = budget
        self.maxLines = maxLines
    }
}

extension EditRequest {
    /// The request with its text checked: titles, a key and its value, and a replaced text
    /// must be UTF-8 without NUL bytes (`badData` naming which is not), as a body must.
    func withCheckedText() throws -> EditRequest {
        var request = self
        request.address.title = try UTF8Validation.checked(address.title, what: "the title")
        request.address.subsections = try address.subsections.map { try UTF8Validation.checked($0, what: "the --sub title") }
        switch edit {
        case .set(let key, let value):
            request.edit = .set(key: try UTF8Validation.checked(key, what: "the key"), value: try UTF8Validation.checked(value, what: "the value"))
        case .substitute(let old, let new):
            try UTF8Validation.check(old, what: "the text to replace,")
            try UTF8Validation.check(new, what: "the new text,")
        case .replace, .append, .prepend, .keep, .remove:
            break
        }
        return request
    }
}

/// The outcome of an edit: the new file, as the pieces it is made of, and where the section
/// is in it.
public struct EditResult: Sendable {
    /// The new file, piece after piece: the untouched bytes before the edited top-level
    /// section, its new text, and the untouched bytes after it. Written out as they are, with
    /// no copy of the whole file.
    package var pieces: [ArraySlice<UInt8>]
    /// Whether the section had to be created.
    public var created: Bool
    /// Whether the file's bytes changed.
    public var changed: Bool
    /// The edited section in the new file (nil once removed), found without scanning the
    /// whole new file.
    package var section: Section?

    /// The edited section's lines in the new file, 1-based (nil once removed).
    public var lines: ClosedRange<Int>? {
        section.map { ($0.heading.firstLine + 1)...($0.endLine + 1) }
    }
    /// The headings a title matched only in its loose form, as written (`Title > Sub`);
    /// nil after an exact match.
    public var matched: String?
    /// What the caller should know about a write that succeeded (a section over its line
    /// budget, a body that looks mistyped).
    public var warnings: [EditWarning] = []
    /// The options the new file is scanned with.
    let options: ScanOptions

    /// The new file's bytes, joined into one buffer.
    package var bytes: [UInt8] {
        var joined: [UInt8] = []
        joined.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { joined += piece }
        return joined
    }

    /// The new file, scanned in full. `bytes`, `section` and `fingerprint` answer the usual
    /// questions without that scan.
    package var document: Document {
        Document(bytes, options: options)
    }

    /// The edited section's fingerprint in the new file, or `Fingerprint.absent` once it
    /// is removed.
    public var fingerprint: String {
        guard let section else { return Fingerprint.absent }
        return Fingerprint.of(bytes(in: section.range)[...])
    }

    /// The new file's bytes in `range`.
    package func bytes(in range: Range<Int>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        var pieceStart = 0
        for piece in pieces {
            let pieceEnd = pieceStart + piece.count
            let low = max(range.lowerBound, pieceStart)
            let high = min(range.upperBound, pieceEnd)
            if low < high {
                result += piece[(piece.startIndex + low - pieceStart)..<(piece.startIndex + high - pieceStart)]
            }
            pieceStart = pieceEnd
        }
        return result
    }
}

/// Something about an edit that succeeded which its caller should know.
public struct EditWarning: Sendable, Equatable {
    /// What the warning is about.
    package enum Kind: String, Sendable {
        /// The body holds the two characters `\n` but no line break: a caller that meant
        /// several lines quoted them so that they arrived as one.
        case literalLineBreak = "literal-line-break"
        /// The section is longer than its line budget.
        case overBudget = "over-budget"
    }

    /// What the warning is about.
    package var kind: Kind
    /// One line saying what was noticed.
    public var message: String

    /// Creates a warning.
    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A warning when `body` holds a literal `\n` and no line break.
    static func literalLineBreak(in body: [UInt8]) -> EditWarning? {
        guard !body.contains(ASCII.lf), !body.contains(ASCII.cr),
              zip(body, body.dropFirst()).contains(where: { $0 == UInt8(ascii: "\\") && $1 == UInt8(ascii: "n") })
        else { return nil }
        return EditWarning(.literalLineBreak, "the body holds a literal \\n and no line break, so it was written as one line")
    }
}
