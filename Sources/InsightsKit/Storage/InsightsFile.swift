#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The insights file on disk. Reads need no lock (writes replace the file atomically);
/// every read-modify-write holds an exclusive `flock` on the file's folder, which the
/// rename does not replace and the kernel releases if the process dies. Writes go to a
/// temporary file in the same folder that is flushed, given the old file's mode, and
/// renamed over the file; a symlink is followed and its target replaced.
public struct InsightsFile: Sendable {
    /// The path as given (it may be a symlink).
    public let path: String

    /// The default location, relative to a project's root.
    package static let defaultRelativePath = ".superagent/memory/insights.md"

    /// A file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// Chooses the file as SPEC §1 says: `explicit` (`--file`), then `INSIGHTS_FILE`, then
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
    private func openExisting() throws -> Int32 {
        let descriptor = POSIX.open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { throw missing }
            throw InsightsError(.ioError, "cannot read \(path): \(POSIX.errorText())")
        }
        return descriptor
    }

    /// Passes the file's bytes to `body` without copying them: a regular file is mapped
    /// into memory, read-only (anything else is read into a buffer). The bytes are valid only
    /// during `body`. `noInput` when the file does not exist. A file that another program
    /// truncates in place while it is mapped ends the process with `SIGBUS`; `insights`
    /// itself never does that (every write replaces the file).
    package func withMappedBytes<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        let descriptor = try openExisting()
        defer { _ = close(descriptor) }
        var info = stat()
        let known = fstat(descriptor, &info) == 0
        let size = known && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        let mapped = size > 0 ? mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0) : MAP_FAILED
        guard let mapped, mapped != MAP_FAILED else {
            // Read from the descriptor already open: a pipe's bytes are there only once.
            return try POSIX.readAll(descriptor, info: known ? info : nil, path: path).withUnsafeBufferPointer(body)
        }
        defer { _ = munmap(mapped, size) }
        return try body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// Passes the file's bytes to `body` in chunks of at most 128 KiB, read into one reused
    /// buffer: printing a whole file costs what `cat` costs. `noInput` when it does not exist.
    package func streamExisting(_ body: (ArraySlice<UInt8>) throws -> Void) throws {
        let descriptor = try openExisting()
        defer { _ = close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw InsightsError(.ioError, "cannot read \(path): it is a folder")
        }
        var buffer = [UInt8](repeating: 0, count: 128 * 1024)
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw InsightsError(.ioError, "cannot read \(path): \(POSIX.errorText())")
            }
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
        let target = try resolvedTarget()
        let folder = FilePath.folder(of: target)
        // The folder usually exists: it is made (and its problems reported) only when it
        // cannot be opened.
        var folderDescriptor = POSIX.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor < 0 {
            try POSIX.makeFolders(folder)
            folderDescriptor = POSIX.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard folderDescriptor >= 0 else {
            throw InsightsError(.ioError, "cannot open the folder \(folder): \(POSIX.errorText())")
        }
        defer { _ = close(folderDescriptor) }
        try lock(folderDescriptor, folder: folder, timeout: lockTimeout)
        let current = try POSIX.readFile(target)
        let (pieces, value) = try change(current)
        if let pieces {
            try replace(target, in: folder, folderDescriptor: folderDescriptor, with: pieces, existed: current != nil)
        }
        return value
    }

    /// The file a write replaces: `path` with symlinks followed, even a dangling one.
    func resolvedTarget() throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { throw InsightsError(.ioError, "cannot read the symlink \(current): \(POSIX.errorText())") }
            let destination = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : FilePath.join(FilePath.folder(of: current), destination)
        }
        throw InsightsError(.ioError, "cannot follow \(path): too many levels of symlinks")
    }

    private func lock(_ descriptor: Int32, folder: String, timeout: Double) throws {
        let deadline = POSIX.monotonicMilliseconds() + Int(max(0, timeout) * 1000)
        var pause = 1
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw InsightsError(.ioError, "cannot lock the folder \(folder): \(POSIX.errorText())")
            }
            let now = POSIX.monotonicMilliseconds()
            guard now < deadline else {
                throw InsightsError(.locked, "another insights process held the lock on \(folder) for more than \(timeout) s",
                                    hint: "try again, or wait longer for the lock")
            }
            POSIX.sleep(milliseconds: min(pause, deadline - now))
            pause = min(pause * 2, 50)
        }
    }

    /// Writes `bytes` to a temporary file beside `target` and renames it over `target`.
    private func replace(_ target: String, in folder: String, folderDescriptor: Int32, with pieces: [ArraySlice<UInt8>], existed: Bool) throws {
        let temporary = FilePath.join(folder, "." + FilePath.name(of: target) + ".insights-tmp")
        let failure: InsightsError.Code = existed ? .ioError : .cannotCreate
        var old = stat()
        let hasOld = stat(target, &old) == 0
        var descriptor = POSIX.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0, errno == EEXIST {
            // Left by a writer that died: only the lock holder writes it, and that is us.
            _ = unlink(temporary)
            descriptor = POSIX.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        }
        guard descriptor >= 0 else {
            throw InsightsError(failure, "cannot write \(target): cannot create a file in \(folder): \(POSIX.errorText())")
        }
        var renamed = false
        defer {
            if !renamed { _ = unlink(temporary) }
        }
        do {
            for piece in pieces {
                try POSIX.writeAll(descriptor, piece, path: temporary)
            }
            let mode: mode_t
            if hasOld {
                mode = old.st_mode & 0o7777
                if geteuid() == 0 { _ = fchown(descriptor, old.st_uid, old.st_gid) }
            } else {
                let mask = umask(0)
                umask(mask)
                mode = 0o666 & ~mask
            }
            guard fchmod(descriptor, mode) == 0 else {
                throw InsightsError(failure, "cannot set the mode of \(temporary): \(POSIX.errorText())")
            }
            try POSIX.sync(descriptor, path: temporary)
        } catch {
            _ = close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else {
            throw InsightsError(failure, "cannot write \(target): \(POSIX.errorText())")
        }
        guard rename(temporary, target) == 0 else {
            throw InsightsError(failure, "cannot replace \(target): \(POSIX.errorText())")
        }
        renamed = true
        try POSIX.sync(folderDescriptor, path: folder)
    }
}
