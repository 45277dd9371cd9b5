/// One commit's change to one section.
package struct SectionRevision: Sendable {
    /// The commit.
    package var commit: GitCommit
    /// `added`, `removed` or `modified`.
    package var status: SectionStatus
    /// The section's 0-based lines after the commit (nil once removed).
    package var lines: Range<Int>?
    /// The section's unified diff hunks, numbered with the file's lines.
    package var hunks: [UInt8]
}

/// The commits that changed one section, found by following the section by its address
/// through every version of the file.
package enum SectionHistory {
    /// How one version changed the section against its parents' versions, or nil when it did
    /// not: a commit changes a section when the section's text (without trailing blank lines)
    /// differs from that of every parent (a merge that took one side's text changed nothing).
    /// The diff is against the first parent. A version without the file is nil; a version
    /// where the name is ambiguous counts as not having the section.
    package static func change(of address: SectionAddress, in version: Document?, parents: [Document?])
        -> (status: SectionStatus, lines: Range<Int>?, hunks: [UInt8])? {
        func find(_ document: Document?) -> (document: Document, section: Section)? {
            guard let document, let section = (try? document.resolve(address))?.target else { return nil }
            return (document, section)
        }
        func text(_ found: (document: Document, section: Section)?) -> [UInt8]? {
            found.map { TextLines.splitTrailingBlankLines($0.document.bytes[$0.section.range]).text }
        }
        let new = find(version)
        let olds = (parents.isEmpty ? [nil] : parents).map(find)
        let newText = text(new)
        guard olds.allSatisfy({ text($0) != newText }) else { return nil }
        let old = olds[0]
        func lines(_ found: (document: Document, section: Section)?) -> ([ArraySlice<UInt8>], Int) {
            guard let found else { return ([], 0) }
            return (Lines.split(Array(found.document.bytes[found.section.range])), found.section.heading.firstLine)
        }
        let (oldLines, oldOffset) = lines(old)
        let (newLines, newOffset) = lines(new)
        let hunks = UnifiedDiff.hunks(old: oldLines, new: newLines, oldLineOffset: oldOffset, newLineOffset: newOffset)
        let status: SectionStatus = old == nil ? .added : new == nil ? .removed : .modified
        return (status, new.map { $0.section.heading.firstLine..<($0.section.endLine + 1) }, hunks)
    }

    /// The commits reachable from `revision`, newest first, that changed the section at
    /// `address` in `file` (a path in `repository.folder`), at most `limit` of them.
    package static func revisions(of address: SectionAddress, file: String, repository: GitRepository, limit: Int?,
                                  from revision: String = "HEAD") throws -> [SectionRevision] {
        let commits = try repository.commits(touching: file, from: revision)
        let path = repository.relativePath(of: file)
        var documents: [String: Document?] = [:]
        var revisions: [SectionRevision] = []
        var start = 0
        while start < commits.count, revisions.count < (limit ?? Int.max) {
            let chunk = commits[start..<min(start + 64, commits.count)]
            start += chunk.count
            let wanted = Array(Set(chunk.flatMap { [$0.hash] + $0.parents }).filter { documents[$0] == nil })
            for (hash, bytes) in zip(wanted, try repository.blobs(wanted.map { "\($0):\(path)" })) {
                documents[hash] = .some(bytes.map { Document($0) })
            }
            for commit in chunk where revisions.count < (limit ?? Int.max) {
                let version = documents[commit.hash] ?? nil
                let parents = commit.parents.map { documents[$0] ?? nil }
                guard let change = change(of: address, in: version, parents: parents) else { continue }
                revisions.append(SectionRevision(commit: commit, status: change.status, lines: change.lines, hunks: change.hunks))
            }
        }
        return revisions
    }
}
