#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InsightsCLI

import InsightsKit

ProcessSignals.install()
// Only the variables `insights` reads are made into strings.
let environment = POSIX.environment(named: CLI.environmentNames)
exit(CLI.run(Array(CommandLine.arguments.dropFirst()), environment: environment))
