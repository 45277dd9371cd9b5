#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension POSIX {
    /// `rename(2)`: moves `source` over `destination` atomically.
    static func rename(_ source: String, to destination: String) throws(SystemError) {
        guard renamePath(source, destination) == 0 else { throw SystemError("rename", source) }
    }

    /// `unlink(2)`, ignoring a failure: for removing a temporary file that may be gone.
    static func removeFile(_ path: String) {
        _ = POSIX.withCPath(path) { unlink($0) }
    }

    /// Where the symlink at `path` points (`readlink(2)`), as written in the link.
    static func symlinkDestination(_ path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = POSIX.withCPath(path) { readlink($0, &buffer, buffer.count - 1) }
        guard length > 0 else { throw SystemError("readlink", path).reported(as: "cannot read the symlink \(path)") }
        return ByteText.string(buffer[..<length].map { UInt8(bitPattern: $0) })
    }

    /// The process's file creation mask (`umask(2)`), read without changing it.
    static func creationMask() -> UInt32 {
        let mask = umask(0)
        umask(mask)
        return UInt32(mask)
    }
}

/// The C `rename`, under a name the wrapper does not shadow.
@inline(__always)
private func renamePath(_ source: String, _ destination: String) -> Int32 {
    POSIX.withCPath(source) { source in POSIX.withCPath(destination) { rename(source, $0) } }
}
