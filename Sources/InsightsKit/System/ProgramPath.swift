#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension POSIX {
    /// The absolute path this program was started by, as the shell found it: its name as
    /// typed, made absolute against the working directory when it holds a `/`, else looked
    /// up in the folders of `PATH`. Symbolic links are not resolved (a path through a link
    /// keeps working when what it points to is replaced). Nil when it cannot be told.
    package static func invokedProgramPath() -> String? {
        guard let name = CommandLine.arguments.first, !name.isEmpty else { return nil }
        if name.contains("/") {
            return absolute(name)
        }
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
        for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
            let directory = folder.isEmpty ? currentDirectory() : String(folder)
            let candidate = FilePath.join(directory, name)
            if access(candidate, X_OK) == 0, FileInfo.of(candidate).map({ !$0.isDirectory }) ?? false {
                return absolute(candidate)
            }
        }
        return nil
    }

    /// `path` made absolute against the working directory, without `.` components.
    private static func absolute(_ path: String) -> String {
        FilePath.normalized(path.hasPrefix("/") ? path : FilePath.join(currentDirectory(), path))
    }
}
