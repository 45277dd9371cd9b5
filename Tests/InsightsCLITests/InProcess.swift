@testable import InsightsCLI

/// What an in-process run writes, collected.
private final class Collected {
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
}

/// Runs `insights arguments` inside the test process through `CLI.run(_:terminal:)`, with a
/// terminal that collects standard output and error and reads `input` as standard input.
/// Only `environment` is seen by the command (as the binary sees only `INSIGHTS_FILE` and
/// `NO_COLOR`), and the working directory is the test process's own, which no test may
/// change: use it for what needs no separate process (argument parsing, usage errors, help
/// and messages), and `insights(_:in:environment:input:asNobody:)` for anything that touches
/// files relative to the working directory, locks, or a real process's exit status, and for
/// what must also be checked against the release binary (`INSIGHTS_TEST_BINARY`).
func run(_ arguments: [String], environment: [String: String] = [:], input: Input = .devNull,
         color: Bool = false) -> Outcome {
    let collected = Collected()
    let terminal = Terminal(
        output: { collected.stdout += $0 },
        err: { collected.stderr += $0 },
        colorOut: color, colorErr: color, environment: environment,
        readInput: {
            switch input {
            case .devNull: return []
            case .bytes(let bytes): return bytes
            }
        })
    let status = CLI.run(arguments, terminal: terminal)
    return Outcome(status: status, stdout: collected.stdout, stderr: collected.stderr)
}
