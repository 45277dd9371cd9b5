#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InsightsCLI

import InsightsKit

// Only the variables `insights` reads are made into strings. Arguments and variables are
// bytes, kept exactly (`CommandLine.arguments` would replace bytes that are not UTF-8).
let environment = POSIX.environment(named: CLI.environmentNames)
let arguments = (1..<Int(CommandLine.argc)).map { index in
    CommandLine.unsafeArgv[index].map { ByteText.string(UnsafeRawBufferPointer(start: $0, count: strlen($0))) } ?? ""
}
exit(CLI.run(arguments, environment: environment))
