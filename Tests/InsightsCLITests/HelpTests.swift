import Foundation
import Testing

@Suite("Help and version")
struct HelpTests {
    @Test("--help of each command", arguments: ["list", "read", "update", "set", "remove", "session-summary", "templates", "init", "check", "diff", "history", "merge"])
    func commandHelp(_ command: String) throws {
        try withSandbox { sandbox in
            for arguments in [[command, "--help"], [command, "-h"], ["--file", "x.md", command, "--help"]] {
                let outcome = try insights(arguments, in: sandbox.url)
                #expect(outcome.status == 0, "\(arguments) \(outcome)")
                #expect(outcome.out.hasPrefix("usage: insights \(command)"), "\(outcome)")
                #expect(outcome.out.hasSuffix("\n"))
                #expect(outcome.stderr.isEmpty)
            }
            // Help needs no file and creates none.
            #expect(try listing(sandbox.path).isEmpty)
        }
    }

    @Test("insights --help and insights help list the commands")
    func overview() throws {
        try withSandbox { sandbox in
            for arguments in [["--help"], ["-h"], ["help"]] {
                let outcome = try insights(arguments, in: sandbox.url)
                #expect(outcome.status == 0, "\(arguments) \(outcome)")
                #expect(outcome.out.hasPrefix("usage: insights "))
                for command in ["list", "read", "update", "set", "remove", "session-summary", "templates", "init", "check", "diff", "history", "merge"] { #expect(outcome.out.contains("  \(command) ")) }
            }
            // No command at all is a usage error that still shows the overview.
            let bare = try insights([], in: sandbox.url)
            #expect(bare.status == 64, "\(bare)")
            #expect(bare.err.contains("usage: insights "))
            #expect(try listing(sandbox.path).isEmpty)
        }
    }

    @Test("--version prints insights and a version")
    func version() throws {
        let outcome = try insights(["--version"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.out.hasPrefix("insights "))
        #expect(outcome.out.hasSuffix("\n"))
        let version = outcome.out.dropFirst("insights ".count).dropLast()
        #expect(version.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?/) != nil, "\(version)")
    }
}
