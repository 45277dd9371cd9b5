#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
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
    func message(_ text: String) { err(Array((text + "\n").utf8)) }

    /// The process's own terminal.
    static func standard(environment: [String: String]) -> Terminal {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Terminal(
            output: { write(all: $0, to: 1) },
            err: { write(all: $0[...], to: 2) },
            colorOut: !noColor && isatty(1) == 1,
            colorErr: !noColor && isatty(2) == 1,
            environment: environment,
            readInput: {
                if isatty(0) == 1 { return nil }
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
                    if count < 0 {
                        if errno == EINTR { continue }
                        throw InsightsError(.ioError, "cannot read standard input: \(POSIX.errorText())")
                    }
                    if count == 0 { return bytes }
                    bytes += buffer[..<count]
                }
            })
    }

    private static func write(all bytes: ArraySlice<UInt8>, to descriptor: Int32) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            written += count
        }
    }
}
