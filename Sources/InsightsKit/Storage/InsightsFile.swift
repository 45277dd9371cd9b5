/// The insights file on disk. Reads need no lock (writes replace the file atomically);
/// every read-modify-write holds an exclusive `flock` on the file's folder, which the
/// rename does not replace and the kernel releases if the process dies. Writes go to a
/// temporary file in the same folder that is flushed, given the old file's mode, and
/// renamed over the file; a symlink is followed and its target replaced.
public struct InsightsFile: Sendable {
    /// The path as given (it may be a symlink). A path is bytes and need not be UTF-8: a byte
    /// that is not is carried as the scalar U+10FF00 + byte (U+10FF80–U+10FFFF), so the path
    /// names exactly the file given (`init(pathBytes:)` takes a path as bytes).
    public let path: String

    /// The default location, relative to a project's root.
    package static let defaultRelativePath = ".superagent/memory/insights.md"

    /// A file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// A file at the path `bytes`, which need not be UTF-8 (a folder or file name may be
    /// any bytes but NUL).
    public init(pathBytes bytes: [UInt8]) {
        self.init(path: ByteText.string(bytes))
    }

    /// Chooses the file: `explicit` (`--file`), then `INSIGHTS_FILE`, then
    /// the nearest `.superagent/memory/insights.md` walking up from `workingDirectory`,
    /// else that path under `workingDirectory`. A leading `@` is dropped from a path given
    /// unless a file of that literal name exists.
    public static func locate(explicit: String?, environment: [String: String], workingDirectory: String) -> InsightsFile {
        if let explicit, !explicit.isEmpty { return InsightsFile(path: FilePath.withoutAtSign(explicit)) }
        if let fromEnvironment = environment["INSIGHTS_FILE"], !fromEnvironment.isEmpty {
            return InsightsFile(path: FilePath.withoutAtSign(fromEnvironment))
        }
        let found = FilePath.nearest(defaultRelativePath, from: workingDirectory, where: POSIX.exists)
        return InsightsFile(path: found ?? FilePath.join(workingDirectory, defaultRelativePath))
    }

    /// The session log beside the file: `sessions.md` in the same folder.
    package var sessionLogPath: String {
        FilePath.join(FilePath.folder(of: path), "sessions.md")
    }

    /// The file's bytes, or nil when it does not exist.
    package func read() throws -> [UInt8]? {
        try POSIX.readFile(path)
    }

    /// The most bytes of input `insights` takes: a body, standard input, a `--body-file` or
    /// `--fields-json`. More is `badData`, found without reading past the cap.
    package static let inputLimit = 64 << 20

    /// The file's bytes as input (a body, fields), at most `inputLimit` of them; nil when it
    /// does not exist.
    package func readInput() throws -> [UInt8]? {
        try POSIX.readFile(path, limit: Self.inputLimit)
    }

    /// The file's bytes; `noInput` when it does not exist.
    package func readExisting() throws -> [UInt8] {
        guard let bytes = try read() else { throw missing }
        return bytes
    }

    /// The error for a file that does not exist.
    var missing: InsightsError {
        InsightsError(.noInput, "no insights file at \(path)",
                      hint: "looked at the path given, INSIGHTS_FILE and .superagent/memory/insights.md in this folder and its parents; create it with `insights init`")
    }

    /// The file opened for reading; `noInput` when it does not exist.
    private func openExisting() throws -> FileDescriptor {
        do throws(SystemError) {
            return try FileDescriptor.open(path, .read)
        } catch {
            if error.isMissing { throw missing }
            throw error.reported(as: "cannot read \(path)")
        }
    }

    /// Passes the file's bytes to `body` without copying them: a regular file is mapped
    /// into memory, read-only (anything else is read into a buffer). The bytes are valid only
    /// during `body`. `noInput` when the file does not exist. A file that another program
    /// truncates in place while it is mapped ends the process with `SIGBUS`; `insights`
    /// itself never does that (every write replaces the file).
    package func withMappedBytes<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        let file = try openExisting()
        defer { file.close() }
        let info = file.info()
        guard let info, info.isRegular, let mapped = file.mapReadOnly(count: info.size) else {
            // Read from the descriptor already open: a pipe's bytes are there only once.
            return try file.readAll(info: info).withUnsafeBufferPointer(body)
        }
        defer { POSIX.unmap(mapped) }
        return try body(mapped)
    }

    /// Passes the file's bytes to `body` in chunks of at most 128 KiB, read into one reused
    /// buffer: printing a whole file costs what `cat` costs. `noInput` when it does not exist.
    package func streamExisting(_ body: (ArraySlice<UInt8>) throws -> Void) throws {
        let file = try openExisting()
        defer { file.close() }
        if let info = file.info(), info.isDirectory {
            throw InsightsError(.ioError, "cannot read \(path): it is a folder")
        }
        var buffer = [UInt8](repeating: 0, count: 128 * 1024)
        while true {
            let got = try file.read(into: &buffer)
            if got == 0 { return }
            try body(buffer[..<got])
        }
    }

    /// Runs a read-modify-write under the folder lock. `change` gets the current bytes (nil
    /// when the file does not exist) and returns the new bytes, or nil to write nothing.
    /// Waiting longer than `lockTimeout` seconds for the lock throws `tryAgain`.
    package func modify<Value>(lockTimeout: Double, _ change: ([UInt8]?) throws -> (bytes: [UInt8]?, value: Value)) throws -> Value {
        try modifyPieces(lockTimeout: lockTimeout) { current in
            let (bytes, value) = try change(current)
            return (bytes.map { [$0[...]] }, value)
        }
    }

    /// `modify` for a new file given as pieces written one after the other (an edit's
    /// untouched bytes before the section, its new text, the untouched bytes after it), so
    /// that no joined copy of the file is made.
    package func modifyPieces<Value>(lockTimeout: Double, _ change: ([UInt8]?) throws -> (pieces: [ArraySlice<UInt8>]?, value: Value)) throws -> Value {
        try Self.modifyAll([self], lockTimeout: lockTimeout) { current in
            let (pieces, value) = try change(current[0])
            return ([pieces], value)
        }
    }

    /// A read-modify-write of several files at once: their folders are locked in path order
    /// (a folder two of them share, once), `change` gets every file's current bytes (nil for
    /// one that does not exist) and returns the new pieces of each (nil: leave it as it is),
    /// and the files are replaced one by one in the order given, each atomically. A crash
    /// between two replacements leaves the earlier ones written and the later ones as they
    /// were.
    package static func modifyAll<Value>(_ files: [InsightsFile], lockTimeout: Double,
                                         _ change: ([[UInt8]?]) throws -> (pieces: [[ArraySlice<UInt8>]?], value: Value)) throws -> Value {
        let targets = try files.map { try $0.resolvedTarget() }
        let folders = targets.map(FilePath.folder(of:))
        // Path order: absolute paths, so that every process takes two locks in one order.
        let workingDirectory = folders.count > 1 ? POSIX.currentDirectory() : ""
        func absolute(_ folder: String) -> String { folder.hasPrefix("/") ? folder : FilePath.join(workingDirectory, folder) }
        var opened: [(folder: String, file: FileDescriptor, identity: [UInt64]?, owned: Bool)] = []
        defer { for entry in opened where entry.owned { entry.file.close() } }
        for folder in Set(folders).sorted(by: { absolute($0) < absolute($1) }) {
            // The folder usually exists: it is made (and its problems reported) only when it
            // cannot be opened.
            let folderFile: FileDescriptor
            do throws(SystemError) {
                folderFile = try FileDescriptor.open(folder, .folder)
            } catch {
                try POSIX.makeFolders(folder)
                do throws(SystemError) {
                    folderFile = try FileDescriptor.open(folder, .folder)
                } catch {
                    throw error.reported(as: "cannot open the folder \(folder)")
                }
            }
            let identity = folders.count > 1 ? FileInfo.of(folder)?.identity : nil
            if let identity, let same = opened.first(where: { $0.identity == identity }) {
                // Another path of a folder already locked: a second lock would wait for the first.
                opened.append((folder, same.file, identity, false))
                folderFile.close()
                continue
            }
            opened.append((folder, folderFile, identity, true))
            try lock(folderFile, timeout: lockTimeout)
        }
        let current = try targets.map { try POSIX.readFile($0) }
        let (pieces, value) = try change(current)
        for (index, target) in targets.enumerated() {
            let folder = opened.first { $0.folder == folders[index] }!.file
            if let written = pieces[index] {
                try replace(target, of: files[index].path, in: folder, with: written, existed: current[index] != nil)
            } else {
                // Nothing to write: a temporary file a killed writer left is still removed (only
                // the lock holder writes it, and that is us).
                POSIX.removeFile(temporaryPath(for: target, in: FilePath.folder(of: target)))
            }
        }
        return value
    }

    /// The temporary file a write of `target` goes through, in its folder.
    private static func temporaryPath(for target: String, in folder: String) -> String {
        FilePath.join(folder, "." + FilePath.name(of: target) + ".insights-tmp")
    }

    /// The file a write replaces: `path` with symlinks followed, even a dangling one.
    package func resolvedTarget() throws -> String {
        var current = path
        for _ in 0..<40 {
            guard let info = FileInfo.ofLink(current), info.isSymlink else { return current }
            let destination = try POSIX.symlinkDestination(current)
            current = destination.hasPrefix("/") ? destination : FilePath.join(FilePath.folder(of: current), destination)
        }
        throw InsightsError(.ioError, "cannot follow \(path): too many levels of symlinks")
    }

    /// Takes the exclusive `flock` on the open `folder`, waiting at most `timeout` seconds.
    private static func lock(_ folder: FileDescriptor, timeout: Double) throws {
        // At most a day: any longer (or not a number) would overflow the deadline.
        let deadline = POSIX.monotonicMilliseconds() + Int((timeout >= 0 ? min(timeout, 86_400) : 0) * 1000)
        var pause = 1
        while true {
            do throws(SystemError) {
                if try folder.tryLockExclusively() { return }
            } catch {
                throw error.reported(as: "cannot lock the folder \(folder.path)")
            }
            let now = POSIX.monotonicMilliseconds()
            guard now < deadline else {
                throw InsightsError(.locked, "another insights process held the lock on \(folder.path) for more than \(timeout) s",
                                    hint: "try again, or wait longer for the lock")
            }
            POSIX.sleep(milliseconds: min(pause, deadline - now))
            pause = min(pause * 2, 50)
        }
    }

    /// Writes `bytes` to a temporary file beside `target` and renames it over `target`;
    /// errors name `path`, the file as given (`/dev/stdin`, not where it leads).
    private static func replace(_ target: String, of path: String, in folder: FileDescriptor, with pieces: [ArraySlice<UInt8>], existed: Bool) throws {
        let temporary = temporaryPath(for: target, in: folder.path)
        let failure: InsightsError.Code = existed ? .ioError : .cannotCreate
        let old = FileInfo.of(target)
        let file: FileDescriptor
        do throws(SystemError) {
            do throws(SystemError) {
                file = try FileDescriptor.open(temporary, .createNew(permissions: 0o600))
            } catch let error where error.alreadyExists {
                // Left by a writer that died: only the lock holder writes it, and that is us.
                POSIX.removeFile(temporary)
                file = try FileDescriptor.open(temporary, .createNew(permissions: 0o600))
            }
        } catch {
            if error.alreadyExists, FileInfo.ofLink(temporary)?.isDirectory == true {
                throw InsightsError(.ioError, "cannot write \(path): a folder is in the way at \(temporary)", hint: "remove or rename that folder")
            }
            // Messages name the path as given: `/dev/stdin`, not `/proc/self/fd/pipe:[...]`.
            throw error.reported(failure, as: "cannot write \(path): cannot create a file in " + (target == path ? folder.path : "the folder it leads to"))
        }
        var renamed = false
        defer {
            if !renamed { POSIX.removeFile(temporary) }
        }
        do {
            for piece in pieces {
                try file.writeAll(piece)
            }
            let permissions: UInt32
            if let old {
                permissions = old.permissions
                file.copyOwnerIfRoot(from: old)
            } else {
                permissions = 0o666 & ~POSIX.creationMask()
            }
            do throws(SystemError) {
                try file.setPermissions(permissions)
            } catch {
                throw error.reported(failure, as: "cannot set the mode of \(temporary)")
            }
            try file.sync()
        } catch {
            file.close()
            throw error
        }
        do throws(SystemError) {
            try file.closeChecked()
        } catch {
            throw error.reported(failure, as: "cannot write \(path)")
        }
        do throws(SystemError) {
            try POSIX.rename(temporary, to: target)
        } catch {
            throw error.reported(failure, as: "cannot replace \(path)")
        }
        renamed = true
        try folder.sync()
    }
}
