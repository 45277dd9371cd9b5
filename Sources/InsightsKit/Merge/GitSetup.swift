/// Installing `insights merge` as git's merge driver for the insights file: a
/// `.gitattributes` line and a `merge.insights.driver` setting.
package enum GitSetup {
    /// The git config key of the driver's command.
    package static let driverKey = "merge.insights.driver"
    /// The driver's command line, with git's placeholders, for the `insights` binary at the
    /// absolute path `program`: when that binary is missing (another machine, a client whose
    /// environment differs, a binary moved away), git's own line merge runs instead, so a
    /// conflict still leaves markers and never one side's text alone.
    package static func driverCommand(program: String) -> String {
        let quoted = shellQuoted(program)
        return "if test -x \(quoted); then \(quoted) merge %O %A %B %P; else git merge-file -L ours -L base -L theirs %A %O %B; fi"
    }

    /// `text` in single quotes for a POSIX shell (a `'` inside written `'\''`).
    package static func shellQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// The shell command that sets the driver: `git config KEY "COMMAND"`, in
    /// double quotes when nothing in the command is special there, else in single quotes.
    package static func configCommand(program: String) -> String {
        let command = driverCommand(program: program)
        let plain = !command.contains { "$`\\\"!".contains($0) }
        return "git config \(driverKey) " + (plain ? "\"\(command)\"" : shellQuoted(command))
    }

    /// Where the driver is configured: the repository, or the user's global config.
    package enum Scope: String, Sendable {
        /// `git config --local`.
        case local
        /// `git config --global`.
        case global
    }

    /// The `.gitattributes` pattern for the insights file at `path` (relative to the
    /// repository's top level): every `.md` in a `.superagent/memory` folder (the session
    /// log merges section by section too), else the file itself. Quoted when it holds
    /// white space, a quote or a backslash.
    package static func pattern(forFile path: String) -> String {
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
    package static func attributesLine(forFile path: String) -> String {
        pattern(forFile: path) + " merge=insights"
    }

    /// `existing` `.gitattributes` bytes with `line` added at the end, or nil when a line
    /// with the same pattern already sets `merge=insights`.
    package static func addingLine(_ line: String, to existing: [UInt8]?) -> [UInt8]? {
        let existing = existing ?? []
        let wanted = line.split(separator: " ").map(String.init)
        let present = Lines.split(existing).contains { raw in
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
    package struct Outcome: Sendable, Equatable {
        /// The `.gitattributes` file.
        package var attributesFile: String
        /// The line for the insights file.
        package var line: String
        /// Whether the line had to be added.
        package var added: Bool
    }

    /// Adds the attributes line for `file` to the `.gitattributes` at the top of its
    /// repository (atomically, under the folder lock) and, with a `scope`, sets the driver of
    /// the binary at `program` in that git config. `noInput` outside a git repository.
    package static func install(forFile file: String, scope: Scope?, program: String, lockTimeout: Double = 10) throws -> Outcome {
        let repository = try GitRepository.containing(file: file)
        let line = attributesLine(forFile: repository.relativePath(of: file))
        let attributes = InsightsFile(path: FilePath.join(repository.topLevel, ".gitattributes"))
        let added = try attributes.modify(lockTimeout: lockTimeout) { current -> ([UInt8]?, Bool) in
            let updated = addingLine(line, to: current)
            return (updated, updated != nil)
        }
        if let scope {
            let outcome = try repository.run(["config", "--" + scope.rawValue, driverKey, driverCommand(program: program)])
            guard outcome.status == 0 else {
                throw InsightsError(.ioError, "git could not set \(driverKey) in the \(scope.rawValue) config: \(outcome.errorText)")
            }
        }
        return Outcome(attributesFile: attributes.path, line: line, added: added)
    }
}
