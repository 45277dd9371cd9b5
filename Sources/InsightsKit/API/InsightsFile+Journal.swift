/// Journals in a file: dated entries added at the end of a journal section, listed, read, and
/// the oldest moved to an archive file so that the file an agent loads stays small.
extension InsightsFile {
    /// The journal of `scope`: the title of its section (nil for a session log without a
    /// title) and its entries, oldest first. `fileMissing` when the file does not exist,
    /// `sectionNotFound` when the journal's section does not.
    package func journal(_ scope: JournalScope) throws -> (section: String?, entries: [JournalEntry]) {
        guard let bytes = try read() else { throw missingJournal }
        let document = Document(bytes)
        let journal = try document.existingJournal(scope)
        return (journal.container.map { document.writtenTitle(of: $0.heading) }, journal.entries.map(document.journalEntry))
    }

    /// Adds the entry `render` makes for the level its heading has in this file (one below the
    /// journal section's) at the end of the journal section `address`, which is created at the
    /// end of the file when missing, under the lock, written atomically. Nothing before the
    /// new entry changes, and nothing is stamped.
    package func addJournalEntry(to address: SectionAddress, lockTimeout: Double, render: (Int) throws -> [UInt8]) throws -> EditResult {
        try modifyPieces(lockTimeout: lockTimeout) { current in
            // A new file starts with a title: its name.
            let document = Document(current ?? Array("# \(FilePath.stem(of: path))\n".utf8))
            let journal = try document.journal(.section(address))
            let entry = try render(JournalScope.section(address).entryLevel(container: journal.container))
            let result = try document.appendingEntries(entry, to: address)
            return (result.pieces, result)
        }
    }

    /// Moves all but the newest `keep` entries of the journal of `scope` to the end of the
    /// same section in `archive` (created with the title `Archive of NAME` when missing),
    /// oldest first. Both files are locked; the archive is written first, then this file: a
    /// crash between the two leaves the moved entries in both, and the next run drops from
    /// this file the entries the archive already holds byte for byte instead of adding them
    /// again. `fileMissing` when this file does not exist, `sectionNotFound` when it has no
    /// such journal section, `usage` when the archive is this file.
    package func archiveJournal(_ scope: JournalScope, keep: Int, into archive: InsightsFile, lockTimeout: Double) throws -> JournalArchive {
        if !POSIX.exists(path) { throw missingJournal }
        guard try archive.resolvedTarget() != resolvedTarget() else {
            throw InsightsError(.usage, "the archive \(archive.path) is the journal's own file", hint: "give another --archive PATH")
        }
        return try Self.modifyAll([archive, self], lockTimeout: lockTimeout) { current in
            guard let source = current[1] else { throw missingJournal }
            let plan = try JournalArchive.plan(source: Document(source), archive: current[0].map { Document($0) }, scope: scope, keep: keep,
                                               archiveTitle: "Archive of " + FilePath.name(of: path))
            return ([plan.archive.map { [$0[...]] }, plan.source.map { [$0[...]] }], plan)
        }
    }

    /// The error for a journal's file that does not exist.
    private var missingJournal: InsightsError {
        InsightsError(.noInput, "no journal file at \(path)",
                      hint: "give the file that holds the journal with --file PATH; `insights journal add` creates it")
    }

    /// Where `journal archive` puts this file's old entries unless told: `NAME.archive.md`
    /// beside it; for an agent's definition under `.claude/agents/`,
    /// `.superagent/memory/archive/NAME.md` in the project around it, where no agent is
    /// loaded from.
    package var defaultArchive: InsightsFile {
        let stem = FilePath.stem(of: path)
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if let agents = components.indices.dropLast(2).last(where: { components[$0] == ".claude" && components[$0 + 1] == "agents" }) {
            let archive = ".superagent/memory/archive/" + stem + ".md"
            return InsightsFile(path: agents == 0 ? archive : components[..<agents].joined(separator: "/") + "/" + archive)
        }
        return InsightsFile(path: FilePath.join(FilePath.folder(of: path), stem + ".archive.md"))
    }
}
