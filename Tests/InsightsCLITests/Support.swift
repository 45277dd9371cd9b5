import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `insights` executable under test: `$INSIGHTS_TEST_BINARY` when it is set (an absolute
/// path, or one relative to the working directory; it must be an executable file), else beside
/// the test bundle's executable, else `<package root>/.build/debug/insights` found through
/// `#filePath`.
let insightsBinary: URL = {
    if let chosen = ProcessInfo.processInfo.environment["INSIGHTS_TEST_BINARY"], !chosen.isEmpty {
        let path = chosen.hasPrefix("/") ? chosen : FileManager.default.currentDirectoryPath + "/" + chosen
        let binary = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: binary.path, isDirectory: &isFolder), !isFolder.boolValue,
              FileManager.default.isExecutableFile(atPath: binary.path) else {
            fatalError("INSIGHTS_TEST_BINARY=\(chosen): \(binary.path) is not an executable file")
        }
        return binary
    }
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("insights"))
    }
    if let first = CommandLine.arguments.first {
        candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("insights"))
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug/insights"))
    return candidates.first { candidate in
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: candidate.path)
    } ?? candidates[candidates.count - 1]
}()

/// What one run of the binary did.
struct Outcome: Sendable, CustomStringConvertible {
    let status: Int32
    let stdout: [UInt8]
    let stderr: [UInt8]

    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
    /// The first line of standard error.
    var firstErrorLine: String { err.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? "" }

    var description: String { "exit \(status)\n--- stdout ---\n\(out)\n--- stderr ---\n\(err)" }

    /// The JSON object printed on standard output.
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout))
        return try #require(object as? [String: Any], "stdout is not a JSON object: \(out)")
    }
}

/// Where standard input comes from.
enum Input: Sendable {
    case devNull
    case bytes([UInt8])
}

/// Runs `insights arguments` as a real process. `asNobody` runs it through `setpriv` as
/// user `nobody`, in group `nogroup` and the supplementary `groups` (by name). Standard output and error are captured through files outside the test
/// folder, so nothing blocks however much is printed.
func insights(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
              input: Input = .devNull, asNobody: Bool = false, groups: [String] = []) throws -> Outcome {
    let process = Process()
    if asNobody {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        let groupFlag = groups.isEmpty ? "--clear-groups" : "--groups=" + groups.joined(separator: ",")
        process.arguments = ["--reuid=nobody", "--regid=nogroup", groupFlag, insightsBinary.path] + arguments
    } else {
        process.executableURL = insightsBinary
        process.arguments = arguments
    }
    var fullEnvironment = ProcessInfo.processInfo.environment
    fullEnvironment["INSIGHTS_FILE"] = nil
    fullEnvironment["INSIGHTS_TEST_BINARY"] = nil
    fullEnvironment["NO_COLOR"] = "1"
    for (key, value) in environment { fullEnvironment[key] = value }
    process.environment = fullEnvironment
    if let directory { process.currentDirectoryURL = directory }

    let capture = FileManager.default.temporaryDirectory.appendingPathComponent("insights-capture-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: capture) }
    let outURL = capture.appendingPathComponent("stdout")
    let errURL = capture.appendingPathComponent("stderr")
    try #require(FileManager.default.createFile(atPath: outURL.path, contents: nil))
    try #require(FileManager.default.createFile(atPath: errURL.path, contents: nil))
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    process.standardOutput = outHandle
    process.standardError = errHandle

    switch input {
    case .devNull:
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    case .bytes(let bytes):
        // Written before the start (bodies are far below the pipe's buffer), so a child that
        // exits without reading cannot make the write fail.
        precondition(bytes.count < 60_000, "stdin too large for the pipe buffer")
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
        try pipe.fileHandleForWriting.close()
        process.standardInput = pipe
    }
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    return Outcome(status: status, stdout: [UInt8](try Data(contentsOf: outURL)), stderr: [UInt8](try Data(contentsOf: errURL)))
}

/// A test's own temporary folder, removed by `remove()`.
struct Sandbox: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("insights-cli-test-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
    }

    var path: String { url.path }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func remove() {
        // Undo any read-only folder a test made so that the removal cannot fail.
        if let enumerator = FileManager.default.enumerator(atPath: path) {
            for case let relative as String in enumerator {
                var info = stat()
                let full = self.path(relative)
                if lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { _ = chmod(full, 0o755) }
            }
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` to `relative`, creating its folders.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: full.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        try Data(bytes).write(to: full)
        return full.path
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Array(text.utf8))
    }

    func makeFolder(_ relative: String) throws -> URL {
        let full = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: full, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        return full
    }
}

/// Runs `body` with a new sandbox, removed when `body` returns or throws.
func withSandbox<Result>(_ body: (Sandbox) throws -> Result) throws -> Result {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    return try body(sandbox)
}

/// The bytes of the file at `path`, nil when it does not exist.
func bytes(at path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

func text(at path: String) -> String? {
    bytes(at: path).map { String(decoding: $0, as: UTF8.self) }
}

/// The names in a folder, hidden ones included, sorted.
func listing(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
}

func modificationDate(_ path: String) throws -> Date {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
}

/// Sets the file's modification time to a fixed moment in the past.
func ageFile(_ path: String) throws -> Date {
    let past = Date(timeIntervalSince1970: 1_600_000_000)
    try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
    #expect(try modificationDate(path) == past)
    return past
}

/// The `lstat` of `path`.
func linkStatus(_ path: String) -> stat? {
    var info = stat()
    return lstat(path, &info) == 0 ? info : nil
}

/// The permission bits of `path` (following symlinks).
func permissions(_ path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
}

let errorPrefix = "insights: error: "

/// A body that is printed the same way everywhere.
extension String {
    var bytes: [UInt8] { Array(utf8) }
}

/// What a new insights file starts with, whichever command creates it: the title and note
/// `init` writes.
let newFileStart = """
    # Insights

    Shared memory of the agents working on this project: each agent owns one `##` section
    and rewrites only that one, with `insights update`.

    """
