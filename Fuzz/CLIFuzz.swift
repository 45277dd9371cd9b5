// libFuzzer target for the command line: the input, split at its NUL bytes, is the argument
// list (arguments are bytes, and never hold a NUL), given to `CLI.run` in-process with a
// terminal that collects the output, against `insights.md` in a temporary folder that is the
// working directory. Every run must end with a documented exit code, and whatever it writes
// on standard error must be lines that start `insights: ` (or the overview's `usage:`):
// messages are one line whatever bytes the arguments hold.
//
// Arguments that could reach outside the temporary folder are left out: a `/` (any other
// path), `git` (`init --git --global` would change the user's git configuration) and `mcp`
// (the server reads the process's real standard input).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

let documentedExitCodes: Set<Int32> = [0, 1, 3, 64, 65, 66, 73, 74, 75]
let memory = Array("""
    # Team

    ## Notes
    kept

    ### Detail
    - **Key**: value

    Last updated: 2026-01-01

    """.utf8)

/// The temporary folder every run works in, made (and entered) on the first run, in
/// `$TMPDIR` (which `Scripts/fuzz` points into `.build/fuzz` and empties), else `/tmp`.
let folder: String = {
    let parent = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((parent + "/insights-cli-fuzz-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template), chdir(made) == 0 else { fatalError("cannot make a temporary folder") }
    return String(cString: made)
}()

/// Puts the memory file back as it was before each run, so that runs do not depend on
/// each other.
func resetMemory() {
    let descriptor = open("insights.md", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    precondition(descriptor >= 0, "cannot write insights.md in \(folder)")
    _ = memory.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let arguments = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false).prefix(64)
    for argument in arguments {
        if argument.contains(UInt8(ascii: "/")) { return -1 }
        let text = String(decoding: argument, as: UTF8.self).lowercased()
        if text.contains("git") || text == "mcp" { return -1 }
    }
    _ = folder
    resetMemory()
    var stderr: [UInt8] = []
    let terminal = Terminal(
        output: { _ in }, err: { stderr += $0 }, colorOut: false, colorErr: false,
        environment: ["INSIGHTS_FILE": "insights.md"],
        readInput: { Array("- **Key**: from standard input\n".utf8) })
    let status = CLI.run(arguments.map { ByteText.string($0) }, terminal: terminal)
    precondition(documentedExitCodes.contains(status), "exit code \(status) is not documented")
    if !stderr.starts(with: Array("usage:".utf8)) {
        for line in stderr.split(separator: UInt8(ascii: "\n")) {
            precondition(line.starts(with: Array("insights: ".utf8)), "a message line that does not start `insights: `: \(String(decoding: line, as: UTF8.self))")
        }
    }
    return 0
}
