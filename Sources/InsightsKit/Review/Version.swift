/// A version of the insights file that another is compared with, and how to name it.
package struct Version {
    /// Its bytes (empty for a file that did not exist).
    package let bytes: [UInt8]
    /// `REV:PATH` or a path, for headers and JSON.
    package let label: String

    /// A version of these bytes, named `label`.
    package init(bytes: [UInt8], label: String) {
        self.bytes = bytes
        self.label = label
    }

    /// `file` as it was at `revision`, read through git with the path relative to the
    /// repository's top level; a file absent at `revision` is empty.
    package static func at(_ revision: String, of file: InsightsFile) throws -> Version {
        let repository = try GitRepository.containing(file: file.path)
        let path = repository.relativePath(of: file.path)
        return Version(bytes: try repository.file(path, at: revision) ?? [], label: "\(revision):\(path)")
    }

    /// `file` as it is staged in git's index, with its last commit (`HEAD`; empty when there
    /// is no commit yet or the file is not in it) as the version it is compared with; nil
    /// when nothing of it is staged (not in the index, or the same there as in `HEAD`).
    package static func staged(_ file: InsightsFile) throws -> (staged: [UInt8], base: Version)? {
        let repository = try GitRepository.containing(file: file.path)
        let path = repository.relativePath(of: file.path)
        let found = try repository.blobs([":" + path, "HEAD:" + path])
        guard let staged = found[0], staged != found[1] else { return nil }
        return (staged, Version(bytes: found[1] ?? [], label: "HEAD:\(path)"))
    }

    /// The file at `path`, which must exist.
    package static func file(_ path: String) throws -> Version {
        guard let bytes = try InsightsFile(path: path).read() else {
            throw InsightsError(.noInput, "\(path) does not exist")
        }
        return Version(bytes: bytes, label: path)
    }
}
