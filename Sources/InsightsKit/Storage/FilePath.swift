/// Paths as `insights` handles them: plain strings split on `/`.
package enum FilePath {
    /// `path` as an agent may write it: `@.superagent/memory/insights.md`, the way agent
    /// prompts mention files. A leading `@` is dropped unless a file of that literal name
    /// exists.
    package static func withoutAtSign(_ path: String) -> String {
        guard path.count > 1, path.hasPrefix("@"), !POSIX.exists(path) else { return path }
        return String(path.dropFirst())
    }

    /// The folder part of `path` ("." for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// The last component of `path` without a `.md` extension.
    static func stem(of path: String) -> String {
        let name = name(of: path)
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// `name` inside `folder`.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The first `relative` path that `matches`, looking in `folder` and then in each folder
    /// above it up to the root; nil when none does.
    static func nearest(_ relative: String, from folder: String, where matches: (String) -> Bool) -> String? {
        var folder = folder
        while true {
            let candidate = join(folder, relative)
            if matches(candidate) { return candidate }
            if folder == "/" || folder.isEmpty || !folder.contains("/") { return nil }
            folder = self.folder(of: folder)
        }
    }
}
