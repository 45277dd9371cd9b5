#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat(2)` says about a file, in Swift types: the facts `insights` uses, so that
/// `struct stat` and `mode_t` (whose widths differ between Linux and Darwin) stay in `System/`.
package struct FileInfo: Sendable {
    /// A regular file.
    package let isRegular: Bool
    /// A folder.
    package let isDirectory: Bool
    /// A symbolic link (only `ofLink` can see one).
    package let isSymlink: Bool
    /// The size in bytes.
    package let size: Int
    /// The permission bits (`st_mode & 0o7777`).
    package let permissions: UInt32
    /// The owner's user id.
    package let owner: UInt32
    /// The group id.
    package let group: UInt32
    /// The device and inode: equal for two paths of one file or folder.
    package let identity: [UInt64]

    /// The facts of `status`.
    init(_ status: stat) {
        let type = status.st_mode & S_IFMT
        isRegular = type == S_IFREG
        isDirectory = type == S_IFDIR
        isSymlink = type == S_IFLNK
        size = Int(status.st_size)
        permissions = UInt32(status.st_mode & 0o7777)
        owner = UInt32(status.st_uid)
        group = UInt32(status.st_gid)
        identity = [UInt64(status.st_dev), UInt64(status.st_ino)]
    }

    /// `stat(2)` of `path`, following symlinks; nil when it cannot be examined.
    package static func of(_ path: String) -> FileInfo? {
        var status = stat()
        return POSIX.withCPath(path) { stat($0, &status) } == 0 ? FileInfo(status) : nil
    }

    /// `lstat(2)` of `path`: a symlink itself, not what it points to; nil when it cannot be
    /// examined.
    package static func ofLink(_ path: String) -> FileInfo? {
        var status = stat()
        return POSIX.withCPath(path) { lstat($0, &status) } == 0 ? FileInfo(status) : nil
    }
}
