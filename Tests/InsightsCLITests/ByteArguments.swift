import Foundation
import InsightsKit
import Testing

/// Runs `insights arguments` as a real process whose arguments, working directory and extra
/// environment variables (`NAME=value`) are bytes that need not be UTF-8 (`Process` takes only
/// strings, and Foundation would replace such bytes). The library's `Subprocess` passes the
/// bytes that `ByteText` strings carry as they are: `env` sets the variables and starts
/// `/bin/sh`, which changes to `directory` and `exec`s the binary with the arguments untouched.
/// Standard input is `input` (empty when nil).
func insights(bytes arguments: [[UInt8]], in directory: [UInt8]? = nil, environment extra: [[UInt8]] = [],
              input: [UInt8]? = nil) throws -> Outcome {
    let script = "cd -- \"$1\" || exit 99; shift; exec \"$@\""
    let start = ["-u", "INSIGHTS_FILE", "-u", "INSIGHTS_TEST_BINARY", "NO_COLOR=1"].map { Array($0.utf8) }
    let shell = ["/bin/sh", "-c", script, "sh"].map { Array($0.utf8) } + [directory ?? Array(".".utf8), Array(insightsBinary.path.utf8)]
    let outcome = try Subprocess.run("env", (start + extra + shell + arguments).map { ByteText.string($0) }, input: input ?? [])
    return Outcome(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
}
