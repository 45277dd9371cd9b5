import InsightsKit

/// Where a command's output goes. The real one writes to file descriptors 1 and 2; tests
/// may collect it.
struct Terminal {
    /// Writes to standard output.
    var output: (ArraySlice<UInt8>) -> Void
    /// Writes to standard error.
    var err: ([UInt8]) -> Void
    /// Whether colour may be used on standard output.
    var colorOut: Bool
    /// Whether colour may be used on standard error.
    var colorErr: Bool
    /// The environment.
    var environment: [String: String]
    /// Reads all of standard input, or nil when it is a terminal.
    var readInput: () throws -> [UInt8]?

    /// Writes `bytes` to standard output.
    func out(_ bytes: [UInt8]) { output(bytes[...]) }
    /// Writes `bytes` to standard output, without copying them.
    func out(_ bytes: ArraySlice<UInt8>) { output(bytes) }
    func print(_ text: String) { out(Array((text + "\n").utf8)) }
    /// Writes `text` as one line on standard error: a line break or other control character
    /// in it (from an argument or a path) is shown escaped (`\n`), and a byte that is not
    /// UTF-8 as `\xFF`.
    func message(_ text: String) { err(Array((ByteText.shown(text) + "\n").utf8)) }

    /// The process's own terminal.
    static func standard(environment: [String: String]) -> Terminal {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Terminal(
            // A failed write to the terminal has nowhere to be reported: it is dropped.
            output: { try? FileDescriptor.standardOutput.writeAll($0) },
            err: { try? FileDescriptor.standardError.writeAll($0[...]) },
            colorOut: !noColor && FileDescriptor.standardOutput.isTerminal,
            colorErr: !noColor && FileDescriptor.standardError.isTerminal,
            environment: environment,
            readInput: {
                if FileDescriptor.standardInput.isTerminal { return nil }
                return try FileDescriptor.standardInput.readAll(info: nil, limit: InsightsFile.inputLimit)
            })
    }
}
