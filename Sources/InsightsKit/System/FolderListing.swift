#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension POSIX {
    /// The names in folder `path`, without `.` and `..`, sorted (`opendir(3)`, `readdir(3)`;
    /// `d_name` is a fixed array of a size that differs between systems, read up to its NUL).
    static func fileNames(in path: String) throws -> [String] {
        guard let folder = POSIX.withCPath(path, { opendir($0) }) else {
            throw SystemError("opendir", path).reported(as: "cannot list the folder \(path)")
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                ByteText.string(raw.prefix { $0 != 0 })
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
