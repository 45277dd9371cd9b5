#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// System calls used at the edges (storage, terminal), each retried on `EINTR`.
package enum POSIX {
    /// The message of the current `errno`.
    package static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// `open(2)`, retried on `EINTR`.
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        while true {
            let descriptor = Glibc.open(path, flags, mode)
            if descriptor >= 0 || errno != EINTR { return descriptor }
        }
    }

    /// Reads the whole file at `path`; nil when it does not exist. One `fstat` sizes the
    /// buffer, so a file that does not change while it is read takes one `read` (and one
    /// more that sees its end).
    static func readFile(_ path: String) throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw InsightsError(.ioError, "cannot read \(path): \(errorText())")
        }
        defer { _ = close(descriptor) }
        var info = stat()
        return try readAll(descriptor, info: fstat(descriptor, &info) == 0 ? info : nil, path: path)
    }

    /// Reads what is left of the open file `descriptor` (whose `fstat` facts are `info`, when
    /// known) up to its end; `path` names it in errors.
    static func readAll(_ descriptor: Int32, info: stat?, path: String) throws -> [UInt8] {
        var capacity = 64 * 1024
        if let info {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw InsightsError(.ioError, "cannot read \(path): it is a folder") }
            if (info.st_mode & S_IFMT) == S_IFREG { capacity = Int(info.st_size) + 1 }
        }
        var bytes: [UInt8] = []
        while true {
            let (chunk, filled) = try readChunk(descriptor, capacity: capacity, path: path)
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if !filled { return bytes }
            // The file grew since `fstat`: read on.
            capacity = max(64 * 1024, bytes.count)
        }
    }

    /// Reads up to `capacity` bytes into a new buffer, retrying on `EINTR`; `filled` when
    /// the buffer filled up before the end of the file.
    private static func readChunk(_ descriptor: Int32, capacity: Int, path: String) throws -> (bytes: [UInt8], filled: Bool) {
        var failure: Int32 = 0
        var filled = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress), count: buffer.count)
            while initialized < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { return }
                initialized += got
            }
            filled = true
        }
        if failure != 0 { throw InsightsError(.ioError, "cannot read \(path): \(errorText(failure))") }
        return (bytes, filled)
    }

    /// Writes all of `bytes`, surviving short writes and `EINTR`.
    static func writeAll(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>, path: String) throws {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw InsightsError(.ioError, "cannot write \(path): \(errorText())")
            }
            written += result
        }
    }

    /// `fsync(2)`, retried on `EINTR`.
    static func sync(_ descriptor: Int32, path: String) throws {
        while fsync(descriptor) != 0 {
            if errno == EINTR { continue }
            // Some file systems cannot sync folders; that is not a failed write.
            if errno == EINVAL || errno == EROFS { return }
            throw InsightsError(.ioError, "cannot flush \(path) to disk: \(errorText())")
        }
    }

    /// Whether something exists at `path` (a dangling symlink counts).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Creates `path` and its missing parent folders.
    static func makeFolders(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o777) != 0, errno != EEXIST {
                throw InsightsError(.cannotCreate, "cannot create the folder \(prefix): \(errorText())")
            }
            var info = stat()
            if stat(prefix, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                throw InsightsError(.cannotCreate, "cannot create the folder \(prefix): a file of that name is in the way")
            }
            prefix += "/"
        }
    }

    /// The current working directory.
    package static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sleeps `milliseconds`.
    static func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }

    /// Monotonic time in milliseconds.
    static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
