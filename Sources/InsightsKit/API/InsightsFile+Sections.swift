/// What a program does with a memory file: list its sections, read one, and change one
/// (update, set, replace, remove) under the lock, with an atomic write and every byte outside
/// the section kept; and check the whole file.
extension InsightsFile {
    /// Every top-level heading of the file, in document order. Fails with `fileMissing`
    /// when the file does not exist.
    public func sections() throws -> [ListedSection] {
        Array(try listedSections())
    }

    /// `sections()` made one at a time as they are walked: a file of a million headings is
    /// listed without a million entries held at once.
    package func listedSections() throws -> ListedSections {
        ListedSections(document: Document(try readExisting()))
    }

    /// The section at `address`. Fails with `sectionNotFound` (or `otherLevel`, when its title
    /// is only that of a heading of another level), `ambiguous` or `fileMissing`.
    public func read(_ address: SectionAddress) throws -> SectionContent {
        try withMappedBytes { bytes in
            let excerpt = try Document.excerpt(at: address, in: bytes)
            return try SectionContent(excerpt.match, in: excerpt.document, lineOffset: excerpt.lineOffset, address: address)
        }
    }

    /// `read(_:)` for a caller that reads the file again and again (a server): the file is
    /// read each time, and its scan is reused while its bytes are the ones scanned last.
    package func read(_ address: SectionAddress, reusing scans: ScanReuse) throws -> SectionContent {
        let document = scans.document(of: try readExisting())
        return try SectionContent(try document.section(at: address), in: document, lineOffset: 0, address: address)
    }

    /// Replaces the section's body with `body`, or adds it at its end or start. A missing
    /// section is created at the end of its parent (or of the file, from the address's
    /// template when it has one), and a missing file with its folders (starting with the
    /// `# Insights` title and note `init` writes). A body that would
    /// reach outside the section fails with `bodyEscapesSection`, and nothing is written.
    @discardableResult
    public func update(_ address: SectionAddress, body: String, mode: UpdateMode = .replace,
                       options: EditOptions = EditOptions()) throws -> EditResult {
        try update(address, body: ByteText.bytes(of: body), mode: mode, options: options)
    }

    /// `update` with the body as bytes, which must be UTF-8 (else `invalidInput`).
    package func update(_ address: SectionAddress, body: [UInt8], mode: UpdateMode, options: EditOptions) throws -> EditResult {
        let change: SectionEdit = switch mode {
        case .replace: .replace(body)
        case .append: .append(body)
        case .prepend: .prepend(body)
        }
        return try edit(EditRequest(address: address, edit: change), options: options)
    }

    /// Sets the keyed entry `key` (a list item `- **Key**: value`) of the section to `value`:
    /// the first entry whose key matches exactly, else in the loose form, keeps its spelling
    /// and gets the value; without one, the entry is added after the section's last list item.
    @discardableResult
    public func set(_ address: SectionAddress, key: String, value: String, options: EditOptions = EditOptions()) throws -> EditResult {
        try edit(EditRequest(address: address, edit: .set(key: key, value: value)), options: options)
    }

    /// Replaces the one occurrence of `old` in the section's body (as `read` gives it) with
    /// `new`. Fails with `textNotFound` when there is none, `ambiguous` when there are
    /// several, and `fileMissing` or `sectionNotFound` when there is nothing to change.
    @discardableResult
    public func replace(_ address: SectionAddress, old: String, new: String, options: EditOptions = EditOptions()) throws -> EditResult {
        try edit(EditRequest(address: address, edit: .substitute(old: ByteText.bytes(of: old), new: ByteText.bytes(of: new))), options: options)
    }

    /// Deletes the section, heading and subsections included; the title must match exactly.
    /// Removing a subsection stamps the section the address starts from.
    @discardableResult
    public func remove(_ address: SectionAddress, options: EditOptions = EditOptions()) throws -> EditResult {
        var options = options
        if address.subsections.isEmpty { options.stamp = false }
        return try edit(EditRequest(address: address, edit: .remove), options: options)
    }

    /// Checks the file: conflict markers, duplicate and near-duplicate sections, placeholders,
    /// dates, budgets, and, with a base, changes outside the allowed sections and changes that
    /// touch several agents' sections. With a base, placeholders, dates, budgets, stamps and
    /// keys are reported only inside the level-2 sections the change touched.
    public func check(_ options: CheckOptions = CheckOptions()) throws -> CheckReport {
        try check(options, contents: nil)
    }

    /// `check(_:)` of `contents` as the file's text (such as the version staged in git's
    /// index), or of the file when nil.
    package func check(_ options: CheckOptions, contents: [UInt8]?) throws -> CheckReport {
        var options = options
        if options.budgets.isEmpty { options.budgets = options.templates.budgets() }
        if options.today == nil { options.today = CalendarDate.today() }
        return try Check.run(Document(try contents ?? readExisting()), options: options)
    }

    /// The start of a new insights file, which `init` and the first write create: the
    /// file's `# Insights` title and a note on how it is shared.
    package static let newFileStart = Array("""
        # Insights

        Shared memory of the agents working on this project: each agent owns one `##` section
        and rewrites only that one, with `insights update`.

        """.utf8)

    /// Runs `request` with `options`: under the lock, validated, written atomically, nothing
    /// written when nothing changes (or with `dryRun`). `remove` and `replace` need the file.
    package func edit(_ request: EditRequest, options: EditOptions) throws -> EditResult {
        var request = request
        let address = request.address
        request.stampDate = try options.stampDate()
        request.ifMatch = options.ifMatch
        request.maxLines = options.maxLines
        request.skeleton = address.template?.skeleton ?? []
        if request.edit != .remove {
            request.budget = address.template?.limit ?? (address.level == 2 ? options.templates.budget(ofSection: address.title) : nil)
        }
        let needsFile = request.edit == .remove || { if case .substitute = request.edit { return true } else { return false } }()
        // Checked before the lock too, which would make the file's folder.
        if needsFile, !POSIX.exists(path) { throw missing }
        if options.dryRun {
            let current = try read()
            if needsFile, current == nil { throw missing }
            return try Document(current ?? Self.newFileStart).applying(request)
        }
        return try modifyPieces(lockTimeout: options.lockTimeout) { current in
            if needsFile, current == nil { throw missing }
            let result = try Document(current ?? Self.newFileStart).applying(request)
            return (result.changed || current == nil ? result.pieces : nil, result)
        }
    }
}
