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
    /// The first write to standard output that failed, if one did (what followed it was
    /// dropped): the command's output did not arrive, so it exits 74.
    var outputFailure: () -> InsightsError? = { nil }

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
        let failure = OutputFailure()
        return Terminal(
            output: { bytes in
                guard failure.error == nil else { return }
                do {
                    try FileDescriptor.standardOutput.writeAll(bytes)
                } catch {
                    failure.error = error as? InsightsError ?? InsightsError(.ioError, "cannot write standard output: \(error)")
                }
            },
            // A failed write to standard error has nowhere to be reported: it is dropped.
            err: { try? FileDescriptor.standardError.writeAll($0[...]) },
            colorOut: !noColor && FileDescriptor.standardOutput.isTerminal,
            colorErr: !noColor && FileDescriptor.standardError.isTerminal,
            environment: environment,
            readInput: {
                if FileDescriptor.standardInput.isTerminal { return nil }
                return try FileDescriptor.standardInput.readAll(info: nil, limit: InsightsFile.inputLimit)
            },
            outputFailure: { failure.error })
    }
}

/// Where the standard terminal keeps the first failed write to standard output.
private final class OutputFailure {
    var error: InsightsError?
}
