import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Faults that leave nothing behind: signals during a write, a file size limit, failed writes
/// in folders they made, a standard output that cannot be written, long file names.
@Suite("Faults leave nothing behind", .serialized)
struct FaultTests {
    static let content = "# Team\n\n## Notes\nold line\n"

    /// Runs `script` with `/bin/sh -c`, `$INSIGHTS` naming the binary; its exit status
    /// (128 + the signal when one ended it) and standard error.
    static func shell(_ script: String, in folder: String) throws -> (status: Int32, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["INSIGHTS"] = insightsBinary.path
        environment["INSIGHTS_FILE"] = nil
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return (status, String(decoding: err, as: UTF8.self))
    }

    /// A file big enough that writing and flushing it takes some milliseconds: 1 MB.
    static func bigFile() -> [UInt8] {
        Array(("# Big\n\n## Notes\nold\n\n## Rest\n" + String(repeating: "- a line of text in the rest of the file\n", count: 25_000)).utf8)
    }

    @Test("SIGTERM or SIGINT during a write removes the temporary file", arguments: [SIGTERM, SIGINT])
    func signalDuringWriteLeavesNothing(_ signal: Int32) throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.bigFile())
            let temporary = sandbox.path(".insights.md.insights-tmp")
            var landed = 0
            for attempt in 0..<20 where landed == 0 {
                let process = Process()
                process.executableURL = insightsBinary
                process.arguments = ["update", "Notes", "--body", "attempt \(attempt)", "--no-stamp", "--file", file]
                process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
                process.standardError = FileHandle(forWritingAtPath: "/dev/null")
                try process.run()
                // Signalled once the temporary file exists, while the big file is written.
                while process.isRunning, access(temporary, F_OK) != 0 { usleep(100) }
                kill(process.processIdentifier, signal)
                process.waitUntilExit()
                if process.terminationReason == .uncaughtSignal {
                    #expect(process.terminationStatus == signal)
                    landed += 1
                }
                #expect(try listing(sandbox.path) == ["insights.md"], "attempt \(attempt)")
            }
            #expect(landed > 0, "no signal arrived during a write")
            // The file is whole: the old one or a complete new one.
            let after = try #require(text(at: file))
            #expect(after.hasPrefix("# Big\n\n## Notes\n") && after.hasSuffix("rest of the file\n"))
        }
    }

    @Test("a stale temporary file is removed by the next command that takes the lock, whatever it does",
          arguments: [["update", "Notes", "--body", "old line", "--no-stamp"],
                      ["update", "Notes", "--body", "new", "--if-match", "0000000000000000"],
                      ["update", "Notes", "--body", "## Escape"],
                      ["init"]])
    func staleTemporaryFileIsRemoved(_ command: [String]) throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)
            try sandbox.write(".insights.md.insights-tmp", "half a file from a killed writer")

            let outcome = try insights(command + ["--file", file])
            #expect([0, 65, 75].contains(outcome.status), "\(outcome)")
            #expect(text(at: file) == Self.content)
            #expect(try listing(sandbox.path) == ["insights.md"])
        }
    }

    @Test("a write past `ulimit -f` exits 74 and leaves the file and its folder as they were")
    func fileSizeLimit() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)
            let body = try sandbox.write("body.txt", String(repeating: "a line of the body\n", count: 20_000))
            // 100 blocks of 512 or 1024 bytes: far below the 380 KB body.
            let result = try Self.shell("ulimit -f 100 && exec \"$INSIGHTS\" update Notes --body-file body.txt --file insights.md",
                                        in: sandbox.path)
            #expect(result.status == 74, "\(result)")
            #expect(result.err.contains("File too large"), "\(result)")
            #expect(text(at: file) == Self.content)
            #expect(try listing(sandbox.path) == ["body.txt", "insights.md"])

            // In folders the write had to make: they are removed too.
            let nested = try Self.shell("ulimit -f 100 && exec \"$INSIGHTS\" update Notes --body-file \(body) --file new/memory/insights.md",
                                        in: sandbox.path)
            #expect(nested.status == 74, "\(nested)")
            #expect(try listing(sandbox.path) == ["body.txt", "insights.md"])
        }
    }

    @Test("a write that fails leaves no folder it made",
          arguments: [(["update", "Notes", "--body", "## Escape"], 65),
                      (["update", "Notes", "--body", "x", "--if-match", "0000000000000000"], 75),
                      (["remove", "Notes"], 66)] as [([String], Int32)])
    func failedWriteLeavesNoFolders(_ command: [String], _ status: Int32) throws {
        try withSandbox { sandbox in
            let outcome = try insights(command + ["--file", sandbox.path("a/b/insights.md")])
            #expect(outcome.status == status, "\(outcome)")
            #expect(try listing(sandbox.path).isEmpty)

            // A folder that existed stays, with what it held.
            try sandbox.write("a/keep.txt", "kept")
            let again = try insights(command + ["--file", sandbox.path("a/b/insights.md")])
            #expect(again.status == status, "\(again)")
            #expect(try listing(sandbox.path("a")) == ["keep.txt"])
        }
    }

    @Test("a write to a full standard output exits 74; a reader that stops early ends it quietly")
    func standardOutputFailures() throws {
        try withSandbox { sandbox in
            try sandbox.write("insights.md", Self.content + String(repeating: "more\n", count: 100_000))
            for command in ["read", "read Notes", "list", "read Notes --json"] {
                let full = try Self.shell("exec \"$INSIGHTS\" \(command) --file insights.md > /dev/full", in: sandbox.path)
                #expect(full.status == 74, "\(command): \(full)")
                #expect(full.err.hasPrefix(errorPrefix + "cannot write standard output"), "\(command): \(full)")
            }
            let head = try Self.shell("\"$INSIGHTS\" read --file insights.md | head -n 1", in: sandbox.path)
            #expect(head.status == 0)
            #expect(head.err.isEmpty, "\(head)")
        }
    }

    @Test("the MCP server that cannot write its reply (standard output full) exits 74 and says so")
    func mcpStandardOutputFull() throws {
        try withSandbox { sandbox in
            try sandbox.write("insights.md", Self.content)
            let ping = #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#
            let full = try Self.shell("printf '%s\\n' '\(ping)' | \"$INSIGHTS\" mcp --file insights.md > /dev/full", in: sandbox.path)
            #expect(full.status == 74, "\(full)")
            #expect(full.err.contains("cannot write standard output"), "\(full)")
        }
    }

    @Test("a file whose name has the most bytes a name may have can be updated",
          arguments: [String(repeating: "n", count: 252) + ".md", String(repeating: "é", count: 126) + ".md"])
    func longestFileName(_ name: String) throws {
        try withSandbox { sandbox in
            #expect(name.utf8.count == 255)
            let file = try sandbox.write(name, Self.content)
            let outcome = try insights(["update", "Notes", "--body", "new", "--no-stamp", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(text(at: file) == "# Team\n\n## Notes\nnew\n")
            #expect(try listing(sandbox.path) == [name])
        }
    }
}
