/// What `insights sync` is asked to do.
package struct SyncOptions: Sendable {
    /// The branch the memory lives on unless told otherwise.
    package static let defaultBranch = "insights/memory"
    /// How many rounds of fetch, merge and push are tried unless told otherwise.
    package static let defaultAttempts = 8

    /// The configured remote to sync through; nil: `origin`, else the only remote.
    package var remote: String?
    /// The memory branch on the remote.
    package var branch: String
    /// Rounds tried before giving up (each one after another clone pushed first).
    package var attempts: Int
    /// The side that wins the sections whose merge conflicts; nil: a conflict stops the sync.
    package var prefer: MergeSide?
    /// How long to wait for the file lock, in seconds.
    package var lockTimeout: Double

    /// Creates options.
    package init(remote: String? = nil, branch: String = defaultBranch, attempts: Int = defaultAttempts,
                 prefer: MergeSide? = nil, lockTimeout: Double = EditOptions.defaultLockTimeout) {
        self.remote = remote
        self.branch = branch
        self.attempts = attempts
        self.prefer = prefer
        self.lockTimeout = lockTimeout
    }
}

/// What a sync did.
package struct SyncReport: Sendable {
    /// One memory file.
    package struct File: Sendable {
        /// Its path as `insights` uses it.
        package var path: String
        /// Its path in the repository (and on the memory branch).
        package var repositoryPath: String
        /// Whether the local file was rewritten.
        package var updated: Bool
        /// The sections whose merge conflicts (nothing was written or pushed then).
        package var conflicts: [ConflictResolution.Conflict]
    }

    /// The remote.
    package var remote: String
    /// The memory branch.
    package var branch: String
    /// The memory branch's commit this clone is now synced with (nil when there is none yet:
    /// no memory file anywhere, or a conflict).
    package var commit: String?
    /// Whether a commit was pushed.
    package var pushed: Bool
    /// The rounds it took.
    package var attempts: Int
    /// The memory files: the insights file, then the session log.
    package var files: [File]
    /// Set when the local file changed during the sync in a way that conflicts with what came
    /// from the remote: the push was made, the local file was left as it is, and the next
    /// sync merges the two.
    package var interrupted: Bool = false

    /// Whether a merge conflicted.
    package var hasConflicts: Bool { files.contains { !$0.conflicts.isEmpty } }
}

/// `insights sync`: the memory files travel on a branch of their own (`insights/memory`)
/// through any git remote, merged section by section, using only plumbing: the user's
/// index, HEAD, checked-out branch and work tree are never touched.
///
/// One round: fetch the branch; three-way merge each memory file (base: the file as of the
/// last sync, kept at `refs/insights/synced/REMOTE/BRANCH`, else as of `HEAD`, else empty;
/// ours: the local file; theirs: the branch's) with `SectionMerge`; if the remote lacks
/// something, commit (the local snapshot on the last sync and the remote tip as parents)
/// and push without force; a push refused because the branch moved starts a new round after
/// a jittered pause. When this clone changed something since the last sync, the first round
/// starts with a push of that change onto the last sync's commit, with a lease on it: the
/// remote takes it only while its branch is still there, when there is nothing to fetch or
/// merge; else the round goes on from the fetch. The network steps hold no lock; the file
/// lock covers only re-reading, merging and replacing the local file, which is replaced only
/// with a merge that includes its current content.
package enum MemorySync {
    /// The ref that remembers the last sync through `remote`'s `branch`.
    static func syncedRef(remote: String, branch: String) -> String { "refs/insights/synced/\(remote)/\(branch)" }

    /// Syncs `file` and the session log beside it.
    package static func run(_ file: InsightsFile, options: SyncOptions) throws -> SyncReport {
        let paths = [file.path, file.sessionLogPath]
        // The local files are stored as blobs while the repository, the remote and the branch
        // are checked and the last sync is read: a push needs them, most often as they are.
        let ((repository, remote, files, last, refs), local) = try BackgroundWork.both({
            () throws -> (GitRepository, String, [MemoryFile], LastSync, RefTransaction?) in
            let repository = try GitRepository.containing(file: file.path)
            let files = try MemoryFile.both(paths, in: repository)
            // A push onto the last sync moves the refs that record it with no git started after.
            let refs = try? RefTransaction(in: repository)
            let lastSync = { (remote: String) in try LastSync.read(syncedRef(remote: remote, branch: options.branch), files: files, in: repository) }
            // The last sync through the remote most likely chosen is read meanwhile (through
            // another one, again after).
            let likely = options.remote ?? "origin"
            let ((remote, _), last) = try BackgroundWork.both({
                try BackgroundWork.both({ try chooseRemote(options.remote, in: repository) }, { try checkBranch(options.branch, in: repository) })
            }, { try lastSync(likely) })
            return (repository, remote, files, remote == likely ? last : try lastSync(remote), refs)
        }, {
            try paths.map { path in
                try InsightsFile(path: path).read().map { LocalFile(bytes: $0, blob: try GitRepository.writeBlob($0, from: FilePath.folder(of: path))) }
            }
        })
        var session = Session(repository: repository, remote: remote, options: options, files: files, last: last, local: local, refs: refs)
        return try session.run()
    }

    /// The remote to use: `name` when it is configured; else `origin`, else the only one.
    static func chooseRemote(_ name: String?, in repository: GitRepository) throws -> String {
        if let name, name.hasPrefix("-") {
            throw InsightsError(.usage, "--remote takes the name of a configured remote, not \"\(name)\"")
        }
        let remotes = try repository.remotes()
        let listed = remotes.isEmpty ? "none is configured" : "configured: " + remotes.joined(separator: ", ")
        if let name {
            guard remotes.contains(name) else {
                let closest = Closest.match(name, in: remotes).map { "did you mean --remote \($0)? " } ?? ""
                throw InsightsError(.usage, "\"\(name)\" is not a configured remote (\(listed))",
                                    hint: closest + "add it with `git remote add \(name) URL`, or name another with --remote")
            }
            return name
        }
        if remotes.contains("origin") { return "origin" }
        if remotes.count == 1 { return remotes[0] }
        throw InsightsError(.usage, "no remote named origin and not exactly one remote (\(listed))",
                            hint: remotes.isEmpty ? "add one with `git remote add origin URL`" : "name one with --remote")
    }

    /// Refuses a branch name that is not one, or that is checked out in a work tree.
    static func checkBranch(_ branch: String, in repository: GitRepository) throws {
        let valid = try branch == SyncOptions.defaultBranch || (!branch.hasPrefix("-") && repository.isValidBranchName(branch))
        guard valid else {
            throw InsightsError(.usage, "--branch takes a branch name, not \"\(branch)\"")
        }
        if try repository.checkedOutBranches().contains("refs/heads/" + branch) {
            throw InsightsError(.usage, "the branch \(branch) is checked out; sync keeps the memory on a branch of its own",
                                hint: "check out another branch, or name another memory branch with --branch")
        }
    }
}

/// One memory file in a sync.
private struct MemoryFile {
    /// The local path.
    let path: String
    /// The path in the repository and on the memory branch.
    let repositoryPath: String
    /// The file as of the last sync (else `HEAD`, else empty), read in the first round that
    /// fetches.
    var base: [UInt8] = []

    /// Its name, the last part of its path.
    var name: String { String(repositoryPath.split(separator: "/").last ?? "") }

    /// The files at `paths`: the insights file and the session log beside it.
    static func both(_ paths: [String], in repository: GitRepository) throws -> [MemoryFile] {
        let repositoryPaths = paths.map(repository.relativePath(of:))
        if let odd = repositoryPaths.first(where: { $0.contains("\n") || $0.contains("\r") }) {
            throw InsightsError(.badData, "cannot sync \(odd): its path holds a line break")
        }
        return paths.indices.map { MemoryFile(path: paths[$0], repositoryPath: repositoryPaths[$0]) }
    }
}

/// The folders above the memory files (which share one), from the top: `a`, `a/b`, ...
private func folders(of files: [MemoryFile]) -> [String] {
    let components = files[0].repositoryPath.split(separator: "/").dropLast().map(String.init)
    return components.indices.map { components[...$0].joined(separator: "/") }
}

/// A local memory file as read before the first round, stored as a blob.
private struct LocalFile {
    var bytes: [UInt8]
    var blob: String
}

/// A commit of the memory branch, as far as a commit on top of it needs.
private struct BranchCommit {
    /// Its id.
    var id: String
    /// The memory files' blob ids there (nil where absent or not a regular file).
    var blobs: [String?]
    /// Whether its tree holds nothing but memory files, so that a tree can be made without
    /// reading it first.
    var onlyMemoryFiles: Bool
    /// The memory folder's entries (none when it is absent).
    var entries: [GitTree.Entry]

    /// The commit `objects` describe: the commit, its root tree, then each folder down to the
    /// memory files' own (nil where absent). Throws `badData` naming `place` when one of
    /// those folders is not one.
    init(_ objects: ArraySlice<GitObject?>, files: [MemoryFile], place: String) throws {
        let objects = Array(objects)
        guard let id = objects[0]?.id else { throw InsightsError(.ioError, "cannot read the commit \(place)") }
        let folders = folders(of: files)
        let idLength = id.utf8.count / 2
        let trees = Array(objects[1...])
        for (folder, tree) in zip(folders, trees.dropFirst()) where tree != nil && tree?.type != "tree" {
            throw InsightsError(.badData, "\(folder) is not a folder \(place)", hint: "only the memory files may be there; fix the branch with git")
        }
        self.id = id
        guard let folder = trees.last ?? nil, folder.type == "tree" else {
            blobs = files.map { _ in nil }
            onlyMemoryFiles = trees[0].map { GitTree.entries($0.bytes, idLength: idLength).isEmpty } ?? true
            entries = []
            return
        }
        // Only the path to the memory folder in each tree above it, only memory files in it.
        let names = files.map(\.name)
        let components = folders.map { String($0.split(separator: "/").last ?? "") }
        let entries = GitTree.entries(folder.bytes, idLength: idLength)
        onlyMemoryFiles = zip(trees.dropLast(), components).allSatisfy { tree, next in
            tree.map { GitTree.entries($0.bytes, idLength: idLength).map(\.name) == [next] } ?? false
        } && entries.allSatisfy { names.contains($0.name) }
        blobs = names.map { name in entries.first { $0.name == name && ($0.mode == "100644" || $0.mode == "100755") }?.id }
        self.entries = entries
    }
}

/// The fetched tip of the memory branch.
private struct Tip {
    /// Its commit.
    var commit: BranchCommit
    /// The memory files on it (nil where absent).
    var files: [[UInt8]?]
}

/// The last sync, as read before the first round.
private struct LastSync {
    /// Its commit (nil before a first sync).
    var commit: String?
    /// Its commit as a parent; nil when there is none or its tree cannot be one's.
    var parent: BranchCommit?
    /// The blob ids of the bases: the memory files as of the last sync, else as of `HEAD`
    /// (nil where absent: an empty base).
    var bases: [String?]

    /// Reads, in one batch, the last sync's commit, its root tree and each folder down to the
    /// memory files' own, and `HEAD`'s commit and memory folder.
    static func read(_ syncedRef: String, files: [MemoryFile], in repository: GitRepository) throws -> LastSync {
        let folders = folders(of: files)
        let syncedNames = [syncedRef + "^{commit}", syncedRef + "^{tree}"] + folders.map { "\(syncedRef):\($0)" }
        let headNames = ["HEAD^{commit}", folders.last.map { "HEAD:\($0)" } ?? "HEAD^{tree}"]
        let objects = try repository.objects(syncedNames + headNames)
        if let commit = objects[0]?.id {
            let parent = try? BranchCommit(objects[..<syncedNames.count], files: files, place: "at \(syncedRef)")
            return LastSync(commit: commit, parent: parent, bases: parent?.blobs ?? files.map { _ in nil })
        }
        let (head, folder) = (objects[syncedNames.count]?.id, objects[syncedNames.count + 1])
        let entries = head.flatMap { head in folder.flatMap { $0.type == "tree" ? GitTree.entries($0.bytes, idLength: head.utf8.count / 2) : nil } } ?? []
        return LastSync(commit: nil, parent: nil, bases: files.map { file in
            entries.first { $0.name == file.name && ($0.mode == "100644" || $0.mode == "100755") }?.id
        })
    }
}

/// Whether two files (nil: absent) hold the same bytes.
private func same(_ first: [UInt8]?, _ second: [UInt8]?) -> Bool {
    guard let first, let second else { return first == nil && second == nil }
    return ByteSearch.equal(first[...], second[...])
}

/// The state of one `insights sync` run.
private struct Session {
    let repository: GitRepository
    let remote: String
    let options: SyncOptions
    let trackingRef: String
    let syncedRef: String
    var files: [MemoryFile]
    /// The last sync.
    let last: LastSync
    /// The local files as read before the first round (nil where absent).
    let local: [LocalFile?]
    /// The transaction that records a push onto the last sync (nil: git could not be started).
    let refs: RefTransaction?
    /// Whether the files' bases have been read.
    var basesRead = false
    /// The local snapshot commit made for the local bytes it holds (reused from round to round).
    var snapshot: (bytes: [[UInt8]?], commit: String)?

    init(repository: GitRepository, remote: String, options: SyncOptions, files: [MemoryFile], last: LastSync, local: [LocalFile?],
         refs: RefTransaction?) {
        self.refs = refs
        self.repository = repository
        self.remote = remote
        self.options = options
        self.files = files
        self.last = last
        self.local = local
        trackingRef = "refs/remotes/\(remote)/\(options.branch)"
        syncedRef = MemorySync.syncedRef(remote: remote, branch: options.branch)
    }

    mutating func run() throws -> SyncReport {
        if let pushed = try pushOntoLastSync() { return pushed }
        let branch = options.branch
        for attempt in 1...max(1, options.attempts) {
            let found = try repository.fetch(branch: branch, from: remote, into: trackingRef)
            let tip = try read(tipFetched: found)
            let theirs = tip?.files ?? files.map { _ in nil }
            let ours = try files.map { try InsightsFile(path: $0.path).read() }
            var merged: [[UInt8]] = []
            var conflicts: [[ConflictResolution.Conflict]] = []
            for (index, file) in files.enumerated() {
                let outcome = Self.merge(base: file.base, ours: ours[index] ?? file.base, theirs: theirs[index] ?? file.base,
                                         prefer: options.prefer)
                merged.append(outcome.bytes)
                conflicts.append(outcome.conflicts)
            }
            if conflicts.contains(where: { !$0.isEmpty }) {
                return report(commit: nil, pushed: false, attempts: attempt, updated: files.map { _ in false }, conflicts: conflicts)
            }
            for (index, file) in files.enumerated() {
                try UTF8Validation.check(merged[index], what: "the merged \(file.repositoryPath)")
            }
            // What the remote lacks: a file whose merge differs from the branch's (a file
            // absent there and empty here is not lacking).
            let lacking = files.indices.filter { index in theirs[index].map { !same($0, merged[index]) } ?? !merged[index].isEmpty }
            guard !lacking.isEmpty else {
                return try settle(read: ours, merged: merged, commit: tip?.commit.id, pushed: false, attempts: attempt)
            }
            let commit = try makeCommit(merged: merged, lacking: lacking, ours: ours, onto: tip?.commit)
            switch try repository.push(commit, to: branch, of: remote) {
            case .pushed:
                return try settle(read: ours, merged: merged, commit: commit, pushed: true, attempts: attempt)
            case .moved:
                if attempt < options.attempts { POSIX.sleep(milliseconds: Self.pause(after: attempt)) }
            }
        }
        throw InsightsError(.tryAgain, "\(remote) \(branch) moved under every one of \(options.attempts) attempts to push to it",
                            hint: "other clones are syncing at the same time: run it again, or raise --attempts")
    }

    /// The start of the first round when this clone changed something since the last sync:
    /// the change pushed onto the last sync's commit with a lease on it, so that the remote
    /// takes it only while its branch is still there. Then no other clone pushed since, and
    /// a fetch would bring nothing to merge: this is the round a fetch of the last sync would
    /// make. Nil when it does not apply (no last sync, nothing changed here, a memory file
    /// gone here that the fetch brings back) or the branch moved: the round goes on from the
    /// fetch.
    mutating func pushOntoLastSync() throws -> SyncReport? {
        guard let parent = last.parent, files.indices.allSatisfy({ local[$0] != nil || parent.blobs[$0] == nil }) else { return nil }
        let lacking = files.indices.filter { index in
            guard let file = local[index] else { return false }
            return parent.blobs[index].map { $0 != file.blob } ?? !file.bytes.isEmpty
        }
        guard !lacking.isEmpty else { return nil }
        let ours = local.map { $0?.bytes }
        let merged = ours.map { $0 ?? [] }
        for index in lacking {
            try UTF8Validation.check(merged[index], what: "the merged \(files[index].repositoryPath)")
        }
        let commit = try makeCommit(merged: merged, lacking: lacking, ours: ours, onto: parent)
        // The refs that record the sync are locked while the push runs, and moved once it is made.
        refs?.prepare(refUpdates(to: commit))
        guard try repository.push(commit, to: options.branch, of: remote, expecting: parent.id) == .pushed else {
            refs?.abort()
            return nil
        }
        // The local files hold what was pushed: nothing is written to them (a change made since
        // stays as it is, for the next sync to push).
        try record(commit, through: refs)
        return report(commit: commit, pushed: true, attempts: 1, updated: files.map { _ in false }, conflicts: files.map { _ in [] })
    }

    /// The merge of one file. A side equal to the base, or both sides equal, need no parse.
    static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8], prefer: MergeSide?) -> ConflictResolution.Outcome {
        if same(ours, base) || same(ours, theirs) { return ConflictResolution.Outcome(bytes: theirs, conflicts: []) }
        if same(theirs, base) { return ConflictResolution.Outcome(bytes: ours, conflicts: []) }
        return ConflictResolution.merge(base: base, ours: ours, theirs: theirs, prefer: prefer)
    }

    /// A jittered pause before round `attempt + 1`: up to 50 ms doubled each round, at most
    /// 2 s, at least half of that.
    static func pause(after attempt: Int) -> Int {
        let ceiling = min(2000, 50 << min(attempt - 1, 10))
        return Int.random(in: (ceiling / 2)...ceiling)
    }

    /// Reads the fetched tip (when there is one: its commit, root tree, each folder of the
    /// memory path and each file) in one batch and, in the first round that does so, the
    /// bases: a base that is not the tip's version of its file is read in a second batch.
    /// Only the memory paths are read from the tip, and only as regular files: a symlink, a
    /// folder or a submodule there, or a file where one of their folders should be, is bad data.
    mutating func read(tipFetched: Bool) throws -> Tip? {
        let tipNames = tipFetched ? [trackingRef + "^{commit}", trackingRef + "^{tree}"] + (folders(of: files) + files.map(\.repositoryPath)).map { "\(trackingRef):\($0)" } : []
        let tip = tipFetched ? try tip(try repository.objects(tipNames)) : nil
        guard !basesRead else { return tip }
        basesRead = true
        var missing: [(index: Int, id: String)] = []
        for (index, id) in last.bases.enumerated() {
            if let id, let tip, tip.commit.blobs[index] == id, let bytes = tip.files[index] {
                files[index].base = bytes
            } else if let id {
                missing.append((index, id))
            }
        }
        for (item, object) in zip(missing, try repository.objects(missing.map(\.id))) {
            files[item.index].base = object?.type == "blob" ? object!.bytes : []
        }
        return tip
    }

    /// The fetched tip from `objects`: its commit, root tree, each folder down to the memory
    /// files' own, and each file.
    func tip(_ objects: [GitObject?]) throws -> Tip {
        let place = "on \(remote) \(options.branch)"
        guard objects[0] != nil else { throw InsightsError(.ioError, "git fetched \(options.branch) but cannot read \(trackingRef)") }
        let fileObjects = objects.suffix(files.count)
        let commit = try BranchCommit(objects.dropLast(files.count), files: files, place: place)
        var tip = Tip(commit: commit, files: [])
        for (index, object) in fileObjects.enumerated() {
            guard let object else {
                tip.files.append(nil)
                continue
            }
            let entry = commit.entries.first { $0.name == files[index].name }
            guard object.type == "blob", let entry, entry.mode == "100644" || entry.mode == "100755" else {
                let what = switch entry?.mode {
                case "120000": "a symlink"
                case "160000": "a submodule"
                default: object.type == "tree" ? "a folder" : "not a regular file"
                }
                throw InsightsError(.badData, "\(files[index].repositoryPath) is \(what) \(place); sync reads only regular files there",
                                    hint: "replace it with the file on that branch, with git")
            }
            try UTF8Validation.check(object.bytes, what: "\(files[index].repositoryPath) \(place),")
            tip.files.append(object.bytes)
        }
        return tip
    }

    /// The id of a blob holding `bytes`: the local file's stored before the first round
    /// when it holds them, else a new one.
    func blob(_ bytes: [UInt8]) throws -> String {
        try local.lazy.compactMap { $0 }.first { same($0.bytes, bytes) }?.blob ?? repository.writeBlob(bytes)
    }

    /// The commit to push: the merged files on the tree of `onto` (the fetched tip, or the
    /// last sync's commit). When the tip moved since the last sync and this clone changed
    /// something, its parents are a snapshot of the local files on the last sync and the tip;
    /// else `onto` alone (none on a first push).
    mutating func makeCommit(merged: [[UInt8]], lacking: [Int], ours: [[UInt8]?], onto: BranchCommit?) throws -> String {
        var blobs = onto?.blobs ?? files.map { _ in nil }
        for index in lacking { blobs[index] = try blob(merged[index]) }
        // A tip of nothing but memory files needs no reading: its tree is made afresh.
        let tree = if let onto, !onto.onlyMemoryFiles {
            try repository.writeTree(from: onto.id, setting: lacking.map { (files[$0].repositoryPath, blobs[$0]!) })
        } else {
            try repository.writeTree(from: nil, setting: files.indices.compactMap { index in blobs[index].map { (files[index].repositoryPath, $0) } })
        }
        let names = lacking.map { files[$0].repositoryPath }.joined(separator: ", ")
        guard let onto else {
            return try repository.commitTree(tree, parents: last.commit.map { [$0] } ?? [], message: "insights sync: \(names)\n")
        }
        let changedHere = files.indices.filter { index in ours[index].map { !same($0, files[index].base) } ?? false }
        guard let synced = last.commit, synced != onto.id, !changedHere.isEmpty else {
            return try repository.commitTree(tree, parents: [onto.id], message: "insights sync: \(names)\n")
        }
        if let snapshot, zip(snapshot.bytes, ours).allSatisfy(same) {
            // Made in an earlier round from the same local files.
        } else {
            let snapshotTree = try repository.writeTree(from: synced, setting: try changedHere.map { index in
                (files[index].repositoryPath, try blob(ours[index] ?? []))
            })
            let changedNames = changedHere.map { files[$0].repositoryPath }.joined(separator: ", ")
            snapshot = (ours, try repository.commitTree(snapshotTree, parents: [synced], message: "insights sync: \(changedNames)\n"))
        }
        return try repository.commitTree(tree, parents: [snapshot!.commit, onto.id],
                                         message: "insights sync: merge \(remote) \(options.branch)\n")
    }

    /// Writes the merged files locally, each under the file lock and only as a merge that
    /// includes what the file holds then (it may have changed since it was read), and
    /// records `commit` as the last sync, in the ref and in the local memory branch.
    func settle(read: [[UInt8]?], merged: [[UInt8]], commit: String?, pushed: Bool, attempts: Int) throws -> SyncReport {
        var updated: [Bool] = []
        var interrupted = false
        for (index, file) in files.enumerated() {
            let (written, clean) = try InsightsFile(path: file.path).modify(lockTimeout: options.lockTimeout) { current -> ([UInt8]?, (Bool, Bool)) in
                var result = merged[index]
                if !same(current, read[index]) {
                    // Changed during the network steps: merged onto what it holds now.
                    let before = read[index] ?? file.base
                    let again = SectionMerge.merge(base: before, ours: current ?? before, theirs: merged[index])
                    guard again.conflicts == 0 else { return (nil, (false, false)) }
                    result = again.bytes
                }
                guard !same(result, current), current != nil || !result.isEmpty else { return (nil, (false, true)) }
                return (result, (true, true))
            }
            updated.append(written)
            interrupted = interrupted || !clean
        }
        if let commit, !interrupted, commit != last.commit { try record(commit) }
        var result = report(commit: commit, pushed: pushed, attempts: attempts, updated: updated, conflicts: files.map { _ in [] })
        result.interrupted = interrupted
        return result
    }

    /// The refs that record a sync of `commit`: the last sync's, and the local memory branch.
    func refUpdates(to commit: String) -> [(ref: String, commit: String)] {
        [(syncedRef, commit), ("refs/heads/" + options.branch, commit)]
    }

    /// Records `commit` as the last sync, in the ref and in the local memory branch (through
    /// `refs` when it has them locked).
    func record(_ commit: String, through refs: RefTransaction? = nil) throws {
        guard refs?.commit() != true else { return }
        do {
            try repository.updateRefs(refUpdates(to: commit))
        } catch {
            // A local name that cannot be a branch (`insights` already is one): the sync is
            // remembered all the same.
            try repository.updateRefs([(syncedRef, commit)])
        }
    }

    func report(commit: String?, pushed: Bool, attempts: Int, updated: [Bool], conflicts: [[ConflictResolution.Conflict]]) -> SyncReport {
        SyncReport(remote: remote, branch: options.branch, commit: commit, pushed: pushed, attempts: attempts,
                   files: files.indices.map { SyncReport.File(path: files[$0].path, repositoryPath: files[$0].repositoryPath,
                                                             updated: updated[$0], conflicts: conflicts[$0]) })
    }
}
