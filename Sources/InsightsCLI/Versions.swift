import InsightsKit

/// A version of the insights file that another is compared with, and how to name it.
struct Version {
    /// Its bytes (empty for a file that did not exist).
    let bytes: [UInt8]
    /// `REV:PATH` or a path, for headers and JSON.
    let label: String

    /// `file` as it was at `revision`, read through git with the path relative to the
    /// repository's top level; a file absent at `revision` is empty.
    static func at(_ revision: String, of file: InsightsFile) throws -> Version {
        let repository = try GitRepository.containing(file: file.path)
        let path = repository.relativePath(of: file.path)
        return Version(bytes: try repository.file(path, at: revision) ?? [], label: "\(revision):\(path)")
    }

    /// The file at `path`, which must exist.
    static func file(_ path: String) throws -> Version {
        guard let bytes = try InsightsFile(path: path).read() else {
            throw InsightsError(.noInput, "\(path) does not exist")
        }
        return Version(bytes: bytes, label: path)
    }
}

/// Colour for unified diffs on a terminal, as git shows them.
enum DiffColor {
    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"

    /// `hunks` with `@@` lines cyan, removed lines red and added lines green; unchanged
    /// when `enabled` is false.
    static func hunks(_ hunks: [UInt8], enabled: Bool) -> [UInt8] {
        guard enabled else { return hunks }
        var output: [UInt8] = []
        for line in Lines.split(hunks) {
            let color: String? = switch line.first {
            case UInt8(ascii: "@"): "\u{1B}[36m"
            case UInt8(ascii: "-"): "\u{1B}[31m"
            case UInt8(ascii: "+"): "\u{1B}[32m"
            default: nil
            }
            guard let color else {
                output += line
                continue
            }
            let end = line.last == UInt8(ascii: "\n") ? line.endIndex - 1 : line.endIndex
            output += Array(color.utf8) + line[line.startIndex..<end] + Array(reset.utf8) + line[end...]
        }
        return output
    }

    /// `text` in bold when `enabled`.
    static func bold(_ text: String, enabled: Bool) -> String {
        enabled ? bold + text + reset : text
    }
}
