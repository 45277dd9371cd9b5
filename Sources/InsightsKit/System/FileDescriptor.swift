#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file descriptor and the path it was opened from, which its errors name. It does
/// not close itself: its owner calls `close` (usually in a `defer`).
package struct FileDescriptor: Sendable {
    /// The descriptor number.
    let raw: Int32
    /// The path (or a name such as "standard input") used in messages.
    let path: String

    /// Standard input, descriptor 0.
    package static let standardInput = FileDescriptor(raw: 0, path: "standard input")
    /// Standard output, descriptor 1.
    package static let standardOutput = FileDescriptor(raw: 1, path: "standard output")
    /// Standard error, descriptor 2.
    package static let standardError = FileDescriptor(raw: 2, path: "standard error")

    /// What a file is opened for. Every descriptor is closed on `exec`.
    enum Access {
        /// Reading.
        case read
        /// A folder, read-only: for `flock` and `fsync` on the folder itself.
        case folder
        /// Writing a file that must not exist yet, created with `permissions`.
        case createNew(permissions: UInt32)
    }

    /// `open(2)` of `path` for `access`.
    static func open(_ path: String, _ access: Access) throws(SystemError) -> FileDescriptor {
        let flags: Int32
        var permissions: mode_t = 0
        switch access {
        case .read: flags = O_RDONLY | O_CLOEXEC
        case .folder: flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC
        case .createNew(let mode):
            flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
            permissions = mode_t(truncatingIfNeeded: mode)
        }
        let raw = POSIX.retryingInterrupts { openPath(path, flags, permissions) }
        guard raw >= 0 else { throw SystemError("open", path) }
        return FileDescriptor(raw: raw, path: path)
    }

    /// `close(2)`, ignoring a failure: for descriptors only read from, or already failed.
    /// Not retried on `EINTR`: the descriptor is gone by then.
    func close() {
        _ = closeDescriptor(raw)
    }

    /// `close(2)`, reporting a failure (a write the kernel could not complete can show here).
    func closeChecked() throws(SystemError) {
        guard closeDescriptor(raw) == 0 else { throw SystemError("close", path) }
    }

    /// `fstat(2)`: what the descriptor refers to, or nil when that cannot be found out.
    func info() -> FileInfo? {
        var status = stat()
        return fstat(raw, &status) == 0 ? FileInfo(status) : nil
    }

    /// Whether the descriptor is a terminal (`isatty(3)`).
    package var isTerminal: Bool { isatty(raw) == 1 }

    /// `read(2)` into `buffer`: the number of bytes read, 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let got = POSIX.retryingInterrupts { readDescriptor(raw, base, buffer.count) }
        guard got >= 0 else { throw SystemError("read", path) }
        return got
    }

    /// Fills `buffer` from its start with the next bytes of the file: how many were read, 0
    /// at the end of the file.
    func read(into buffer: inout [UInt8]) throws -> Int {
        let got = buffer.withUnsafeMutableBytes { bytes in
            POSIX.retryingInterrupts { readDescriptor(raw, bytes.baseAddress!, bytes.count) }
        }
        guard got >= 0 else { throw SystemError("read", path).reported() }
        return got
    }

    /// Reads what is left of the file up to its end; `info` (its `fstat` facts, when known)
    /// sizes the buffer so that a regular file takes one `read`. More than `limit` bytes is
    /// `badData`, found without reading (or keeping) more than `limit` + 1 of them: an
    /// endless stream such as `/dev/zero` is refused, not read until memory runs out.
    package func readAll(info: FileInfo?, limit: Int = .max) throws -> [UInt8] {
        var capacity = 64 * 1024
        if let info {
            if info.isDirectory { throw InsightsError(.ioError, "cannot read \(path): it is a folder") }
            if info.isRegular {
                if info.size > limit { throw tooLarge(limit) }
                capacity = info.size
            }
        }
        var bytes: [UInt8] = []
        while true {
            let (chunk, filled) = try readChunk(capacity: min(capacity, limit - bytes.count) + 1)
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if bytes.count > limit { throw tooLarge(limit) }
            if !filled { return bytes }
            // The file grew since `fstat`: read on.
            capacity = max(64 * 1024, bytes.count) - 1
        }
    }

    /// The error for more than `limit` bytes.
    private func tooLarge(_ limit: Int) -> InsightsError {
        InsightsError(.badData, "\(path) is larger than \(limit >> 20) MiB, the most insights reads",
                      hint: "split the text, or write it to the file in smaller edits")
    }

    /// Reads up to `capacity` bytes into a new buffer; `filled` when the buffer filled up
    /// before the end of the file.
    private func readChunk(capacity: Int) throws -> (bytes: [UInt8], filled: Bool) {
        var failure: SystemError?
        var filled = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress), count: buffer.count)
            while initialized < buffer.count {
                let got: Int
                do throws(SystemError) {
                    got = try read(into: UnsafeMutableRawBufferPointer(start: buffer.baseAddress! + initialized, count: buffer.count - initialized))
                } catch {
                    failure = error
                    return
                }
                if got == 0 { return }
                initialized += got
            }
            filled = true
        }
        if let failure { throw failure.reported() }
        return (bytes, filled)
    }

    /// Writes all of `bytes`, surviving short writes and `EINTR`.
    package func writeAll(_ bytes: ArraySlice<UInt8>) throws {
        try bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = POSIX.retryingInterrupts {
                    writeDescriptor(raw, buffer.baseAddress! + written, buffer.count - written)
                }
                if result < 0 { throw SystemError("write", path).reported() }
                written += result
            }
        }
    }

    /// Flushes the file (or folder) to disk, so that it survives a crash of the machine. On
    /// Darwin `fsync` only hands the data to the drive, so `F_FULLFSYNC` asks the drive to
    /// write it out too; where that is not supported, `fsync` is used.
    func sync() throws {
        #if canImport(Darwin)
        if POSIX.retryingInterrupts({ fcntl(raw, F_FULLFSYNC) }) == 0 { return }
        #endif
        if POSIX.retryingInterrupts({ fsync(raw) }) == 0 { return }
        // Some file systems cannot sync folders; that is not a failed write.
        if errno == EINVAL || errno == EROFS { return }
        throw SystemError("fsync", path).reported(as: "cannot flush \(path) to disk")
    }

    /// Takes an exclusive `flock(2)` without waiting: false when another process holds it.
    func tryLockExclusively() throws(SystemError) -> Bool {
        if POSIX.retryingInterrupts({ flock(raw, LOCK_EX | LOCK_NB) }) == 0 { return true }
        if errno == EWOULDBLOCK { return false }
        throw SystemError("flock", path)
    }

    /// `fchmod(2)`: sets the permission bits.
    func setPermissions(_ permissions: UInt32) throws(SystemError) {
        guard fchmod(raw, mode_t(truncatingIfNeeded: permissions)) == 0 else { throw SystemError("fchmod", path) }
    }

    /// Gives the file the owner and group of `info` when running as root (`fchown(2)`),
    /// where the file would otherwise belong to root; best effort.
    func copyOwnerIfRoot(from info: FileInfo) {
        if geteuid() == 0 { _ = fchown(raw, uid_t(info.owner), gid_t(info.group)) }
    }
}

// The C functions under names that the methods above do not shadow.
@inline(__always)
private func openPath(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { POSIX.withCPath(path) { open($0, flags, mode) } }
@inline(__always)
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
@inline(__always)
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(descriptor, buffer, count) }
@inline(__always)
private func writeDescriptor(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, buffer, count) }
