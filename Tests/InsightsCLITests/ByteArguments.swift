import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `insights arguments` as a real process whose arguments, working directory and extra
/// environment variables are bytes that need not be UTF-8 (`Process` takes only strings, and
/// Foundation would replace such bytes). The process is started with `posix_spawn` through
/// `/bin/sh`, which changes to `directory` (bytes too) and then `exec`s the binary with the
/// arguments untouched. Standard input is `input`, else `/dev/null`.
func insights(bytes arguments: [[UInt8]], in directory: [UInt8]? = nil, environment extra: [[UInt8]] = [],
              input: [UInt8]? = nil) throws -> Outcome {
    let capture = FileManager.default.temporaryDirectory.appendingPathComponent("insights-capture-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: capture) }
    let outPath = capture.appendingPathComponent("stdout").path
    let errPath = capture.appendingPathComponent("stderr").path
    var inPath = "/dev/null"
    if let input {
        inPath = capture.appendingPathComponent("stdin").path
        try Data(input).write(to: URL(fileURLWithPath: inPath))
    }

    var environment = ProcessInfo.processInfo.environment
    environment["INSIGHTS_FILE"] = nil
    environment["INSIGHTS_TEST_BINARY"] = nil
    environment["NO_COLOR"] = "1"
    let names = Set(extra.map { $0.prefix { $0 != UInt8(ascii: "=") } })
    let inherited = environment.filter { !names.contains(ArraySlice($0.key.utf8)) }.map { Array("\($0.key)=\($0.value)".utf8) }

    let script = Array("cd -- \"$1\" || exit 99; shift; exec \"$@\"".utf8)
    let argv: [[UInt8]] = [Array("sh".utf8), Array("-c".utf8), script, Array("sh".utf8), directory ?? Array(".".utf8),
                           Array(insightsBinary.path.utf8)] + arguments
    func cStrings(_ list: [[UInt8]]) -> [UnsafeMutablePointer<CChar>?] {
        list.map { bytes in
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
            pointer[bytes.count] = 0
            return pointer
        } + [nil]
    }
    let cArguments = cStrings(argv)
    let cEnvironment = cStrings(inherited + extra)
    defer { (cArguments + cEnvironment).forEach { $0?.deallocate() } }

    #if canImport(Darwin)
    var actions: posix_spawn_file_actions_t?
    #else
    var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, cArguments, cEnvironment)
    try #require(spawned == 0, "posix_spawn failed: \(spawned)")
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exited = status & 0x7F == 0
    let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return Outcome(status: code, stdout: [UInt8](try Data(contentsOf: URL(fileURLWithPath: outPath))),
                   stderr: [UInt8](try Data(contentsOf: URL(fileURLWithPath: errPath))))
}
