import Foundation
import Testing

@Suite("Help and version")
struct HelpTests {
    static let commands = ["list", "read", "update", "set", "remove", "session-summary", "templates", "init", "check", "diff", "history", "merge"]

    @Test("--help of each command", arguments: commands)
    func commandHelp(_ command: String) throws {
        try withSandbox { sandbox in
            let environment = ["INSIGHTS_FILE": sandbox.path("insights.md")]
            for arguments in [[command, "--help"], [command, "-h"], ["--file", sandbox.path("x.md"), command, "--help"]] {
                let outcome = run(arguments, environment: environment)
                #expect(outcome.status == 0, "\(arguments) \(outcome)")
                #expect(outcome.out.hasPrefix("usage: insights \(command)"), "\(outcome)")
                #expect(outcome.out.hasSuffix("\n"))
                #expect(outcome.stderr.isEmpty)
            }
            // Help needs no file and creates none.
            let made = try listing(sandbox.path)
            #expect(made.isEmpty)
        }
    }

    @Test("insights --help and insights help list the commands")
    func overview() {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let outcome = run(arguments)
            #expect(outcome.status == 0, "\(arguments) \(outcome)")
            #expect(outcome.out.hasPrefix("usage: insights "))
            for command in Self.commands { #expect(outcome.out.contains("  \(command) ")) }
        }
        // No command at all is a usage error that still shows the overview.
        let bare = run([])
        #expect(bare.status == 64, "\(bare)")
        #expect(bare.stdout.isEmpty)
        #expect(bare.err.contains("usage: insights "))
    }

    @Test("--version prints insights and a version")
    func version() {
        let outcome = run(["--version"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.out.hasPrefix("insights "))
        #expect(outcome.out.hasSuffix("\n"))
        let version = outcome.out.dropFirst("insights ".count).dropLast()
        #expect(version.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?/) != nil, "\(version)")
    }

    @Test("the binary prints the same help, version and usage errors, with the same exit statuses")
    func binary() throws {
        try withSandbox { sandbox in
            for arguments in [["--version"], ["--help"], ["read", "--help"], [], ["frobnicate"], ["read", "Notes", "--level", "9"]] {
                let process = try insights(arguments, in: sandbox.url)
                let inProcess = run(arguments)
                #expect(process.status == inProcess.status, "\(arguments) \(process)")
                #expect(process.out == inProcess.out, "\(arguments)")
                #expect(process.err == inProcess.err, "\(arguments)")
            }
            #expect(try listing(sandbox.path).isEmpty)
        }
    }
}
