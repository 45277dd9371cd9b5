/// The git repository that holds a file, read through the `git` program: what `check
/// --base`, `diff`, `history` and `init --git` need, and nothing else.
package struct GitRepository: Sendable {
    /// The folder git runs in (`git -C`): the folder of the file in question.
    package let folder: String
    /// The repository's top-level folder.
    package let topLevel: String
    /// `folder` relative to `topLevel`, with a trailing `/` (empty at the top level).
    package let prefix: String
    /// The repository's git folder (`.git`, or a linked work tree's own), absolute.
    package let gitFolder: String

    /// The repository that contains `folder`; `noInput` when there is none.
    package static func containing(folder: String) throws -> GitRepository {
        let questions = ["--show-toplevel", "--show-prefix", "--absolute-git-dir"]
        // Each answer ends with a line break. More line breaks than questions mean that a
        // path holds one: then each is asked on its own, so that it stays whole.
        let together = try answer(folder, questions)
        let values = together.count(where: { $0 == ASCII.lf }) == questions.count
            ? together.dropLast().split(separator: ASCII.lf, omittingEmptySubsequences: false).map(ByteText.string)
            : try questions.map { ByteText.string(try answer(folder, [$0]).dropLast()) }
        return GitRepository(folder: folder, topLevel: values[0], prefix: values[1], gitFolder: values[2])
    }

    /// The answers of `git rev-parse QUESTIONS` in `folder`, each ending with a line break.
    private static func answer(_ folder: String, _ questions: [String]) throws -> [UInt8] {
        let outcome = try Subprocess.run("git", ["-C", folder, "rev-parse"] + questions)
        guard outcome.status == 0, outcome.stdout.last == ASCII.lf else {
            throw InsightsError(.noInput, "\(folder) is not inside a git repository (\(outcome.errorText))",
                                hint: "run it inside a git work tree")
        }
        return outcome.stdout
    }

    /// The repository that contains the file at `path` (asked from its folder, or from the
    /// nearest folder above that exists when the file's folder does not exist yet).
    package static func containing(file path: String) throws -> GitRepository {
        var folder = FilePath.folder(of: path)
        while !POSIX.isDirectory(folder), folder != "/", folder != "." { folder = FilePath.folder(of: folder) }
        let found = try containing(folder: folder)
        return folder == FilePath.folder(of: path) ? found
            : GitRepository(folder: found.folder, topLevel: found.topLevel, prefix: found.prefix + relativeFolder(FilePath.folder(of: path), below: folder),
                            gitFolder: found.gitFolder)
    }

    /// `inner` relative to `outer` (which it starts with), with a trailing `/`.
    private static func relativeFolder(_ inner: String, below outer: String) -> String {
        var rest = inner.dropFirst(outer.count)
        while rest.first == "/" { rest = rest.dropFirst() }
        return rest.isEmpty ? "" : String(rest) + "/"
    }

    /// The path of `file` (a path to a file in `folder`) relative to the repository's top level.
    package func relativePath(of file: String) -> String {
        prefix + FilePath.name(of: file)
    }

    /// Runs `git -C folder ARGUMENTS` with literal pathspecs.
    package func run(_ arguments: [String], input: [UInt8] = []) throws -> Subprocess.Outcome {
        try Subprocess.run("git", ["--literal-pathspecs", "-C", folder] + arguments, input: input)
    }

    /// Runs git and returns its standard output; a failure is an error naming `what`.
    func output(_ arguments: [String], input: [UInt8] = [], what: String) throws -> [UInt8] {
        let outcome = try run(arguments, input: input)
        guard outcome.status == 0 else {
            throw InsightsError(.ioError, "git could not \(what): \(outcome.errorText)")
        }
        return outcome.stdout
    }

    /// The full hash of the commit `revision` names; `noInput` when it names none.
    package func commit(_ revision: String) throws -> String {
        let outcome = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        guard outcome.status == 0 else {
            throw InsightsError(.noInput, "\"\(revision)\" is not a commit in the repository at \(topLevel)",
                                hint: "check the name; in a shallow CI checkout, fetch the base first (actions/checkout with fetch-depth: 0)")
        }
        return String(decoding: outcome.stdout, as: UTF8.self).trimmingLineEnd
    }

    /// The bytes of `path` (relative to the top level) at `revision`, or nil when the file
    /// does not exist there. `noInput` when `revision` is not a commit.
    package func file(_ path: String, at revision: String) throws -> [UInt8]? {
        let hash = try commit(revision)
        return try blobs(["\(hash):\(path)"])[0]
    }

    /// The contents of each named blob (`REV:PATH`), nil for one that does not exist or is
    /// not a file; read through one `git cat-file --batch`.
    package func blobs(_ names: [String]) throws -> [[UInt8]?] {
        try objects(names).map { $0?.type == "blob" ? $0?.bytes : nil }
    }

    /// Each named object (`REV`, `REV:PATH`, `REV^{tree}`), nil for one that does not exist;
    /// read through one `git cat-file --batch`.
    package func objects(_ names: [String]) throws -> [GitObject?] {
        guard !names.isEmpty else { return [] }
        // A name with a line break in it needs NUL-ended names (`-z`, git 2.38 and later).
        let ended = names.contains { $0.contains("\n") || $0.contains("\r") }
        let request = names.flatMap { ByteText.bytes(of: $0) + [ended ? 0 : ASCII.lf] }
        let output = try output(["cat-file", "--batch"] + (ended ? ["-z"] : []), input: request, what: "read files from the repository")
        var results: [GitObject?] = []
        var position = 0
        while results.count < names.count {
            guard let headerEnd = output[position...].firstIndex(of: ASCII.lf) else {
                throw InsightsError(.ioError, "git cat-file gave a short answer")
            }
            let header = String(decoding: output[position..<headerEnd], as: UTF8.self).split(separator: " ")
            position = headerEnd + 1
            guard header.count == 3, let size = Int(header[2]) else {
                results.append(nil)
                continue
            }
            guard position + size <= output.count else { throw InsightsError(.ioError, "git cat-file gave a short answer") }
            results.append(GitObject(id: String(header[0]), type: String(header[1]), bytes: Array(output[position..<(position + size)])))
            position += size + 1
        }
        return results
    }

    /// The commits reachable from `revision` that changed `file` (a file in `folder`), newest
    /// first, as `git log` lists them (history simplification included; renames are not
    /// followed).
    package func commits(touching file: String, from revision: String = "HEAD") throws -> [GitCommit] {
        let format = "%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%ae%x1f%s"
        let outcome = try run(["-C", topLevel, "log", "--format=" + format, "--end-of-options", revision, "--", relativePath(of: file)])
        guard outcome.status == 0 else {
            if revision == "HEAD", (try? commit("HEAD")) == nil {
                throw InsightsError(.noInput, "the repository at \(topLevel) has no commits yet", hint: "commit the file first")
            }
            _ = try commit(revision)
            throw InsightsError(.ioError, "git could not list the commits of \(file): \(outcome.errorText)")
        }
        let output = outcome.stdout
        return output.split(separator: 0x1E).compactMap { record in
            let fields = record.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 6 else { return nil }
            return GitCommit(hash: fields[0], parents: fields[1].split(separator: " ").map(String.init), date: fields[2],
                             author: fields[3], email: fields[4], subject: fields[5].trimmingLineEnd)
        }
    }
}

// MARK: Plumbing for `sync`: refs, objects and the remote, never the index, HEAD or the work tree

extension GitRepository {
    /// The identity a commit is made with when git has none configured.
    package static let fallbackIdentity = (name: "insights", email: "insights@localhost")

    /// Runs git at the top level; a failure is an error naming `what`.
    private func plumbing(_ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:], what: String) throws -> String {
        let outcome = try Subprocess.run("git", ["--literal-pathspecs", "-C", topLevel] + arguments, input: input, environment: environment)
        guard outcome.status == 0 else {
            throw InsightsError(.ioError, "git could not \(what): \(outcome.errorText)")
        }
        return String(decoding: outcome.stdout, as: UTF8.self).trimmingLineEnd
    }

    /// The names of the configured remotes.
    package func remotes() throws -> [String] {
        try plumbing(["remote"], what: "list the remotes").split(separator: "\n").map(String.init)
    }

    /// The branches (`refs/heads/...`) checked out in the work trees of the repository, this
    /// one included.
    package func checkedOutBranches() throws -> [String] {
        try plumbing(["worktree", "list", "--porcelain"], what: "list the work trees").split(separator: "\n").compactMap { line in
            line.hasPrefix("branch ") ? String(line.dropFirst("branch ".count)) : nil
        }
    }

    /// Whether `name` is a valid branch name (`git check-ref-format`).
    package func isValidBranchName(_ name: String) throws -> Bool {
        try run(["check-ref-format", "refs/heads/" + name]).status == 0
    }

    /// Fetches `branch` of `remote` into `trackingRef` (forced, as a remote-tracking ref is);
    /// false when the remote has no such branch. Nothing else is fetched: no tags, no
    /// `FETCH_HEAD`, no submodules.
    package func fetch(branch: String, from remote: String, into trackingRef: String) throws -> Bool {
        var failure = ""
        for _ in 1...3 {
            let outcome = try run(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--no-recurse-submodules",
                                   remote, "+refs/heads/\(branch):\(trackingRef)"])
            if outcome.status == 0 { return true }
            failure = outcome.errorText
            // A missing branch is told apart from a failure only when the fetch fails: one
            // more round trip then. A branch that is there now was created meanwhile (by
            // another clone's first sync): fetch again.
            let listed = try run(["ls-remote", "--exit-code", remote, "refs/heads/" + branch])
            if listed.status == 2 { return false }
            if listed.status != 0 { break }
        }
        throw InsightsError(.ioError, "git could not fetch \(branch) from \(remote): \(failure)",
                            hint: "check the remote's address and your access to it (git fetch \(remote))")
    }

    /// Writes `bytes` as a blob (no filters) and returns its id.
    package func writeBlob(_ bytes: [UInt8]) throws -> String {
        try Self.writeBlob(bytes, from: topLevel)
    }

    /// Writes `bytes` as a blob (no filters) into the repository that contains `folder`, and
    /// returns its id.
    package static func writeBlob(_ bytes: [UInt8], from folder: String) throws -> String {
        let outcome = try Subprocess.run("git", ["-C", folder, "hash-object", "-w", "--no-filters", "--stdin"], input: bytes)
        guard outcome.status == 0 else {
            throw InsightsError(.ioError, "git could not store a file in the repository: \(outcome.errorText)")
        }
        return String(decoding: outcome.stdout, as: UTF8.self).trimmingLineEnd
    }

    /// Writes the tree of the commit `base` with each of `files` (a path from the top level and
    /// a blob id) set as a regular file, through a temporary index: the repository's own index
    /// is never touched; without a base, the tree that holds only `files`. Returns its id.
    package func writeTree(from base: String?, setting files: [(path: String, blob: String)]) throws -> String {
        guard let base else { return try makeTree(files.map { (Substring($0.path), $0.blob) }) }
        let index = FilePath.join(gitFolder, "insights-sync-\(UInt64.random(in: 0...UInt64.max)).index")
        defer {
            POSIX.removeFile(index)
            POSIX.removeFile(index + ".lock")
        }
        let environment = ["GIT_INDEX_FILE": index]
        _ = try plumbing(["read-tree", "--end-of-options", base], environment: environment, what: "read the tree of \(base)")
        let entries = files.map { "100644 \($0.blob)\t\($0.path)\n" }.joined()
        _ = try plumbing(["update-index", "--add", "--index-info"], input: Array(entries.utf8), environment: environment, what: "build a tree")
        return try plumbing(["write-tree"], environment: environment, what: "write a tree")
    }

    /// Writes the tree that holds only `files` (a path from the top level and a blob id), each
    /// folder's tree before the one that holds it, through one `git mktree --batch`.
    private func makeTree(_ files: [(path: Substring, blob: String)]) throws -> String {
        let mktree = try Coprocess("git", ["-C", topLevel, "mktree", "-z", "--batch"])
        func tree(_ files: [(path: Substring, blob: String)]) throws -> String {
            var entries = files.filter { !$0.path.contains("/") }.map { "100644 blob \($0.blob)\t\($0.path)" }
            let inFolders = Dictionary(grouping: files.filter { $0.path.contains("/") }) { $0.path.prefix { $0 != "/" } }
            for (folder, inside) in inFolders {
                entries.append("040000 tree \(try tree(inside.map { ($0.path.dropFirst(folder.count + 1), $0.blob) }))\t\(folder)")
            }
            // Each entry ends with a NUL, and so does the tree.
            guard let id = mktree.ask(entries.flatMap { ByteText.bytes(of: $0) + [0] } + [0]) else {
                throw InsightsError(.ioError, "git could not write a tree: \(mktree.finish().errorText)")
            }
            return String(decoding: id, as: UTF8.self)
        }
        let id = try tree(files)
        let outcome = mktree.finish()
        guard outcome.status == 0 else { throw InsightsError(.ioError, "git could not write a tree: \(outcome.errorText)") }
        return id
    }

    /// Makes a commit of `tree` with `parents` and `message` (no ref moves). It is made with
    /// git's identity (`user.name`, `user.email`, `GIT_AUTHOR_*`, `GIT_COMMITTER_*`), or
    /// with `fallbackIdentity` when git has none.
    package func commitTree(_ tree: String, parents: [String], message: String) throws -> String {
        let arguments = ["commit-tree"] + parents.flatMap { ["-p", $0] } + ["--end-of-options", tree]
        let outcome = try Subprocess.run("git", ["-C", topLevel] + arguments, input: Array(message.utf8))
        if outcome.status == 0 { return String(decoding: outcome.stdout, as: UTF8.self).trimmingLineEnd }
        let hasIdentity = try ["GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"].allSatisfy { try run(["var", $0]).status == 0 }
        guard !hasIdentity else { throw InsightsError(.ioError, "git could not make a commit: \(outcome.errorText)") }
        let identity = Self.fallbackIdentity
        return try plumbing(arguments, input: Array(message.utf8), environment: [
            "GIT_AUTHOR_NAME": identity.name, "GIT_AUTHOR_EMAIL": identity.email,
            "GIT_COMMITTER_NAME": identity.name, "GIT_COMMITTER_EMAIL": identity.email,
        ], what: "make a commit")
    }

    /// What became of a push.
    package enum PushOutcome: Sendable, Equatable {
        /// The remote branch is now the commit.
        case pushed
        /// The remote refused because its branch moved (or is being moved) since it was
        /// fetched: fetch, merge and push again. The reason as git gave it.
        case moved(String)
    }

    /// Pushes `commit` to `branch` of `remote`, without force (and without tags or
    /// submodules); with `expecting`, only while the branch is at that commit (a lease, which
    /// a missing branch fails too). Any refusal other than a moved branch is an error.
    package func push(_ commit: String, to branch: String, of remote: String, expecting: String? = nil) throws -> PushOutcome {
        let lease = expecting.map { ["--force-with-lease=refs/heads/\(branch):\($0)"] } ?? []
        let outcome = try run(["push", "--porcelain", "--no-follow-tags", "--recurse-submodules=no"] + lease + [remote, "\(commit):refs/heads/\(branch)"])
        if outcome.status == 0 { return .pushed }
        // `--porcelain`: `FLAG \t FROM:TO \t SUMMARY (REASON)`; `!` is a refusal.
        let lines = String(decoding: outcome.stdout, as: UTF8.self).split(separator: "\n")
        if let refused = lines.first(where: { $0.hasPrefix("!\t") }) {
            let summary = refused.split(separator: "\t", omittingEmptySubsequences: false).dropFirst(2).joined(separator: " ")
            // A concurrent push that holds the remote's ref lock, or moved the ref under it,
            // is a moved branch too.
            let raced = ["cannot lock ref", "failed to update ref", "but expected", "incorrect old value"].contains { summary.contains($0) }
            if summary.hasPrefix("[rejected]") || raced { return .moved(summary) }
            throw InsightsError(.ioError, "\(remote) refused the push to \(branch): \(summary)")
        }
        throw InsightsError(.ioError, "git could not push to \(branch) of \(remote): \(outcome.errorText)",
                            hint: "check the remote's address and your access to it (git push \(remote))")
    }

    /// Points each ref at its commit, all in one transaction.
    package func updateRefs(_ updates: [(ref: String, commit: String)]) throws {
        let input = updates.map { "update \($0.ref) \($0.commit)\n" }.joined()
        _ = try plumbing(["update-ref", "--stdin"], input: Array(input.utf8), what: "update " + updates.map(\.ref).joined(separator: " and "))
    }
}

/// A transaction on refs through one `git update-ref --stdin`, started before it is needed:
/// `prepare` locks each ref for its new commit, `commit` moves them all. Nothing moves on
/// `abort`, nor when this process ends first (git aborts a transaction that its input ends in).
package final class RefTransaction {
    private let process: Coprocess
    private var prepared = false

    /// Starts git in `repository`.
    package init(in repository: GitRepository) throws {
        process = try Coprocess("git", ["-C", repository.topLevel, "update-ref", "--stdin"])
    }

    /// Asks git to lock each ref for its commit (without waiting for the answer).
    package func prepare(_ updates: [(ref: String, commit: String)]) {
        let input = "start\n" + updates.map { "update \($0.ref) \($0.commit)\n" }.joined() + "prepare\n"
        prepared = process.send(ByteText.bytes(of: input))
    }

    /// Moves the prepared refs; false when they could not be locked or moved (nothing moved).
    package func commit() -> Bool {
        guard prepared else { return false }
        let answers = [process.line(), process.line(), process.send(ByteText.bytes(of: "commit\n")) ? process.line() : nil]
        let done = answers.map { $0.map { String(decoding: $0, as: UTF8.self) } } == ["start: ok", "prepare: ok", "commit: ok"]
        return process.finish().status == 0 && done
    }

    /// Leaves the refs as they were.
    package func abort() {
        if prepared { _ = process.send(ByteText.bytes(of: "abort\n")) }
        _ = process.finish()
    }
}

/// The entries of a tree object, as `sync` reads them to tell a regular file from a symlink,
/// a folder or a submodule.
package enum GitTree {
    /// One entry: its mode (`100644`, `100755`, `120000`, `40000`, `160000`), name and id.
    package struct Entry: Sendable, Equatable {
        package var mode: String
        package var name: String
        package var id: String
    }

    /// The entries of the tree object `bytes`; `idLength` is the length in bytes of an object
    /// id (20 for SHA-1, 32 for SHA-256).
    package static func entries(_ bytes: [UInt8], idLength: Int) -> [Entry] {
        var entries: [Entry] = []
        var position = 0
        // Each entry: MODE SP NAME NUL ID.
        while position < bytes.count {
            guard let space = bytes[position...].firstIndex(of: ASCII.space),
                  let nul = bytes[space...].firstIndex(of: 0), nul + 1 + idLength <= bytes.count else { break }
            let id = bytes[(nul + 1)..<(nul + 1 + idLength)].map { byte in
                let hex = String(byte, radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined()
            entries.append(Entry(mode: String(decoding: bytes[position..<space], as: UTF8.self),
                                 name: String(decoding: bytes[(space + 1)..<nul], as: UTF8.self), id: id))
            position = nul + 1 + idLength
        }
        return entries
    }
}

/// An object read from the repository.
package struct GitObject: Sendable, Equatable {
    /// The object's id (hexadecimal).
    package var id: String
    /// `blob`, `tree`, `commit` or `tag`.
    package var type: String
    /// Its contents.
    package var bytes: [UInt8]
}

/// One commit as `history` shows it.
package struct GitCommit: Sendable, Equatable {
    /// The full hash.
    package var hash: String
    /// The parents' full hashes (none for a root commit).
    package var parents: [String]
    /// The author date, strict ISO 8601.
    package var date: String
    /// The author's name.
    package var author: String
    /// The author's email.
    package var email: String
    /// The first line of the message.
    package var subject: String

    /// Creates a commit record.
    package init(hash: String, parents: [String], date: String, author: String, email: String, subject: String) {
        self.hash = hash
        self.parents = parents
        self.date = date
        self.author = author
        self.email = email
        self.subject = subject
    }
}

extension String {
    /// The string without trailing line endings.
    var trimmingLineEnd: String {
        var text = self
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
        return text
    }
}
