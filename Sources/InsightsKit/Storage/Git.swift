/// The git repository that holds a file, read through the `git` program: what `check
/// --base`, `diff`, `history` and `init --git` need, and nothing else.
package struct GitRepository: Sendable {
    /// The folder git runs in (`git -C`): the folder of the file in question.
    package let folder: String
    /// The repository's top-level folder.
    package let topLevel: String
    /// `folder` relative to `topLevel`, with a trailing `/` (empty at the top level).
    package let prefix: String

    /// The repository that contains `folder`; `noInput` when there is none.
    package static func containing(folder: String) throws -> GitRepository {
        // One value per call, so that a folder name with a line break in it stays whole.
        var values: [String] = []
        for question in ["--show-toplevel", "--show-prefix"] {
            let outcome = try Subprocess.run("git", ["-C", folder, "rev-parse", question])
            guard outcome.status == 0, outcome.stdout.last == ASCII.lf else {
                throw InsightsError(.noInput, "\(folder) is not inside a git repository (\(outcome.errorText))",
                                    hint: "run it inside a git work tree, or compare with a file instead of a revision")
            }
            values.append(ByteText.string(outcome.stdout.dropLast()))
        }
        return GitRepository(folder: folder, topLevel: values[0], prefix: values[1])
    }

    /// The repository that contains the file at `path` (asked from its folder, or from the
    /// nearest folder above that exists when the file's folder does not exist yet).
    package static func containing(file path: String) throws -> GitRepository {
        var folder = FilePath.folder(of: path)
        while !POSIX.isDirectory(folder), folder != "/", folder != "." { folder = FilePath.folder(of: folder) }
        let found = try containing(folder: folder)
        return folder == FilePath.folder(of: path) ? found
            : GitRepository(folder: found.folder, topLevel: found.topLevel, prefix: found.prefix + relativeFolder(FilePath.folder(of: path), below: folder))
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
        guard !names.isEmpty else { return [] }
        // A name with a line break in it needs NUL-ended names (`-z`, git 2.38 and later).
        let ended = names.contains { $0.contains("\n") || $0.contains("\r") }
        let request = names.flatMap { ByteText.bytes(of: $0) + [ended ? 0 : ASCII.lf] }
        let output = try output(["cat-file", "--batch"] + (ended ? ["-z"] : []), input: request, what: "read files from the repository")
        var results: [[UInt8]?] = []
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
            results.append(header[1] == "blob" ? Array(output[position..<(position + size)]) : nil)
            position += size + 1
        }
        return results
    }

    /// The commits that changed `file` (a file in `folder`), newest first, as `git log`
    /// lists them (history simplification included; renames are not followed).
    package func commits(touching file: String) throws -> [GitCommit] {
        let format = "%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%ae%x1f%s"
        let outcome = try run(["-C", topLevel, "log", "--format=" + format, "--end-of-options", "HEAD", "--", relativePath(of: file)])
        guard outcome.status == 0 else {
            if (try? commit("HEAD")) == nil {
                throw InsightsError(.noInput, "the repository at \(topLevel) has no commits yet", hint: "commit the file first")
            }
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
