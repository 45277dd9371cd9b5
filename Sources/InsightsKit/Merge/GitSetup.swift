/// Installing `insights merge` as git's merge driver for the insights file: a
/// `.gitattributes` line and a `merge.insights.driver` setting.
public enum GitSetup {
    /// The git config key of the driver's command.
    public static let driverKey = "merge.insights.driver"
    /// The driver's command line, with git's placeholders.
    public static let driverCommand = "insights merge %O %A %B %P"

    /// Where the driver is configured: the repository, or the user's global config.
    public enum Scope: String, Sendable {
        /// `git config --local`.
        case local
        /// `git config --global`.
        case global
    }

    /// The `.gitattributes` pattern for the insights file at `path` (relative to the
    /// repository's top level): every `.md` in a `.superagent/memory` folder (the session
    /// log merges section by section too), else the file itself. Quoted when it holds
    /// white space, a quote or a backslash.
    public static func pattern(forFile path: String) -> String {
        let folder = FilePath.folder(of: path)
        var pattern = path
        if folder == ".superagent/memory" || folder.hasSuffix("/.superagent/memory") { pattern = folder + "/*.md" }
        guard pattern.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "\\" }) else { return pattern }
        var quoted = "\""
        for character in pattern {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\t": quoted += "\\t"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }

    /// The attributes line for the insights file at `path`.
    public static func attributesLine(forFile path: String) -> String {
        pattern(forFile: path) + " merge=insights"
    }

    /// `existing` `.gitattributes` bytes with `line` added at the end, or nil when a line
    /// with the same pattern already sets `merge=insights`.
    public static func addingLine(_ line: String, to existing: [UInt8]?) -> [UInt8]? {
        let existing = existing ?? []
        let wanted = line.split(separator: " ").map(String.init)
        let present = splitLines(existing).contains { raw in
            let fields = String(decoding: raw, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                .map(String.init)
            return fields.first == wanted.first && fields.dropFirst().contains("merge=insights")
        }
        guard !present else { return nil }
        let ending = Document(existing).lineEnding
        var result = existing
        if let last = result.last, last != ASCII.lf, last != ASCII.cr { result += ending }
        return result + Array(line.utf8) + ending
    }

    /// What `install` did.
    public struct Outcome: Sendable, Equatable {
        /// The `.gitattributes` file.
        public var attributesFile: String
        /// The line for the insights file.
        public var line: String
        /// Whether the line had to be added.
        public var added: Bool
    }

    /// Adds the attributes line for `file` to the `.gitattributes` at the top of its
    /// repository (atomically, under the folder lock) and, with a `scope`, sets the driver in
    /// that git config. `noInput` outside a git repository.
    public static func install(forFile file: String, scope: Scope?, lockTimeout: Double = 10) throws -> Outcome {
        let repository = try GitRepository.containing(file: file)
        let line = attributesLine(forFile: repository.relativePath(of: file))
        let attributes = InsightsFile(path: FilePath.join(repository.topLevel, ".gitattributes"))
        let added = try attributes.modify(lockTimeout: lockTimeout) { current -> ([UInt8]?, Bool) in
            let updated = addingLine(line, to: current)
            return (updated, updated != nil)
        }
        if let scope {
            let outcome = try repository.run(["config", "--" + scope.rawValue, driverKey, driverCommand])
            guard outcome.status == 0 else {
                throw InsightsError(.ioError, "git could not set \(driverKey) in the \(scope.rawValue) config: \(outcome.errorText)")
            }
        }
        return Outcome(attributesFile: attributes.path, line: line, added: added)
    }
}
