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
    let pair = String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    if let equals = pair.firstIndex(of: "=") {
        environment[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
    }
    entry += 1
}
exit(CLI.run(Array(CommandLine.arguments.dropFirst()), environment: environment))
