#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InsightsCLI

var environment: [String: String] = [:]
var entry = environ
while let pointer = entry.pointee {
    // NAME=VALUE, split at the first `=` on the bytes.
    let length = strlen(pointer)
    pointer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        let pair = UnsafeBufferPointer(start: bytes, count: length)
        if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
            environment[String(decoding: UnsafeBufferPointer(rebasing: pair[..<equals]), as: UTF8.self)] =
                String(decoding: UnsafeBufferPointer(rebasing: pair[(equals + 1)...]), as: UTF8.self)
        }
    }
    entry += 1
}
exit(CLI.run(Array(CommandLine.arguments.dropFirst()), environment: environment))
