#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system layer: the files in `System/` are the only ones in the library that call the C
/// library, so that the differences between glibc, musl and Darwin stay in one folder. The
/// rest of the package calls the small wrappers here and in the types beside it.
package enum POSIX {
    /// The message of the current `errno` (or of `code`).
    package static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// Runs a system call that returns -1 and sets `errno` on failure, again for as long as it
    /// fails with `EINTR`: the one place where an interrupted call is retried.
    @inline(__always)
    static func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) -> Result {
        while true {
            let result = call()
            if result != -1 || errno != EINTR { return result }
        }
    }

    /// Reads the whole file at `path`; nil when it does not exist. One `fstat` sizes the
    /// buffer, so a file that does not change while it is read takes one `read` (and one
    /// more that sees its end).
    static func readFile(_ path: String, limit: Int = .max) throws -> [UInt8]? {
        let file: FileDescriptor
        do throws(SystemError) {
            file = try FileDescriptor.open(path, .read)
        } catch {
            if error.isMissing { return nil }
            throw error.reported(as: "cannot read \(path)")
        }
        defer { file.close() }
        return try file.readAll(info: file.info(), limit: limit)
    }

    /// Whether something exists at `path` (a dangling symlink counts).
    static func exists(_ path: String) -> Bool {
        FileInfo.ofLink(path) != nil
    }

    /// Whether `path` is a folder (following symlinks).
    static func isDirectory(_ path: String) -> Bool {
        FileInfo.of(path)?.isDirectory ?? false
    }

    /// Creates `path` and its missing parent folders.
    static func makeFolders(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if POSIX.withCPath(prefix, { mkdir($0, 0o777) }) != 0, errno != EEXIST {
                throw SystemError("mkdir", prefix).reported(.cannotCreate, as: "cannot create the folder \(prefix)")
            }
            if let info = FileInfo.of(prefix), !info.isDirectory {
                throw InsightsError(.cannotCreate, "cannot create the folder \(prefix): a file of that name is in the way")
            }
            prefix += "/"
        }
    }

    /// The current working directory.
    package static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return ByteText.string(buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
    }
}

/// A system call that failed: which call, on which path (or other thing it names), and the
/// `errno` it left. Callers that care about the cause (a missing file, one that exists) look
/// at it; the rest turn it into an `InsightsError` with `reported`.
package struct SystemError: Error, Sendable, CustomStringConvertible {
    /// The call that failed, such as `open`.
    package let call: String
    /// What it was called on: a path, or a name such as "standard input".
    package let path: String
    /// The `errno` it left.
    package let number: Int32

    /// The failure of `call` on `path`, with the current `errno` unless `number` is given.
    init(_ call: String, _ path: String, number: Int32 = errno) {
        self.call = call
        self.path = path
        self.number = number
    }

    /// The system's text for the cause.
    package var reason: String { POSIX.errorText(number) }
    /// Whether the path does not exist (`ENOENT`).
    package var isMissing: Bool { number == ENOENT }
    /// Whether the path already exists (`EEXIST`).
    package var alreadyExists: Bool { number == EEXIST }

    /// The call, what it was called on and the cause, for debugging.
    package var description: String { "\(call) \(path): \(reason)" }

    /// The error as `insights` reports it: `message` (by default "cannot CALL PATH"), a colon
    /// and the cause, with exit code `code`.
    package func reported(_ code: InsightsError.Code = .ioError, as message: String? = nil) -> InsightsError {
        InsightsError(code, "\(message ?? "cannot \(call) \(path)"): \(reason)")
    }
}
