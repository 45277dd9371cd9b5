#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InsightsCLI

// The variables `insights` reads, found by comparing bytes: no string is made for the rest.
let wanted = CLI.environmentNames.map { Array($0.utf8) + [UInt8(ascii: "=")] }
var environment: [String: String] = [:]
var entry = environ
while let pointer = entry.pointee {
    let length = strlen(pointer)
    pointer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        let pair = UnsafeBufferPointer(start: bytes, count: length)
        for prefix in wanted where pair.starts(with: prefix) {
            environment[String(decoding: prefix.dropLast(), as: UTF8.self)] =
                String(decoding: UnsafeBufferPointer(rebasing: pair[prefix.count...]), as: UTF8.self)
        }
    }
    entry += 1
}
exit(CLI.run(Array(CommandLine.arguments.dropFirst()), environment: environment))
