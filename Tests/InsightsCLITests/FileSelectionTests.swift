import Foundation
import Testing

/// SPEC §1: which file a command works on.
@Suite("Which file")
struct FileSelectionTests {
    static let content = "# Team\n\n## Notes\nfrom the file\n"

    @Test("--file before and after the command name, and as --file=PATH")
    func fileFlagPositions() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("chosen.md", Self.content)
            let decoy = try sandbox.write(".superagent/memory/insights.md", "## Notes\ndecoy\n")

            for arguments in [["--file", file, "read", "Notes"], ["read", "--file", file, "Notes"],
                              ["read", "Notes", "--file", file], ["--file=\(file)", "read", "Notes"], ["read", "Notes", "--file=\(file)"]] {
                let outcome = try insights(arguments, in: sandbox.url)
                #expect(outcome.status == 0, "\(arguments) \(outcome)")
                #expect(outcome.out == "from the file\n", "\(arguments)")
            }

            let before = try insights(["--file", file, "update", "Notes", "--body", "first", "--no-stamp"], in: sandbox.url)
            #expect(before.status == 0, "\(before)")
            #expect(text(at: file) == "# Team\n\n## Notes\nfirst\n")
            let after = try insights(["update", "Notes", "--body", "second", "--no-stamp", "--file", file], in: sandbox.url)
            #expect(after.status == 0, "\(after)")
            #expect(text(at: file) == "# Team\n\n## Notes\nsecond\n")
            #expect(text(at: decoy) == "## Notes\ndecoy\n")

            // A relative --file is relative to the working directory.
            let relative = try insights(["update", "Notes", "--body", "third", "--no-stamp", "--file", "chosen.md"], in: sandbox.url)
            #expect(relative.status == 0, "\(relative)")
            #expect(text(at: file) == "# Team\n\n## Notes\nthird\n")
            #expect(try listing(sandbox.path) == [".superagent", "chosen.md"])
        }
    }

    @Test("INSIGHTS_FILE, and --file taking precedence over it")
    func environmentVariable() throws {
        try withSandbox { sandbox in
            let work = try sandbox.makeFolder("work")
            let fromEnvironment = try sandbox.write("env/insights.md", Self.content)
            let explicit = try sandbox.write("explicit.md", "## Notes\nexplicit\n")
            let environment = ["INSIGHTS_FILE": fromEnvironment]

            let read = try insights(["read", "Notes"], in: work, environment: environment)
            #expect(read.status == 0, "\(read)")
            #expect(read.out == "from the file\n")

            let list = try insights(["list", "--json"], in: work, environment: environment)
            #expect(list.status == 0)
            #expect(try list.json()["file"] as? String == fromEnvironment)

            let update = try insights(["update", "Notes", "--body", "changed", "--no-stamp"], in: work, environment: environment)
            #expect(update.status == 0, "\(update)")
            #expect(text(at: fromEnvironment) == "# Team\n\n## Notes\nchanged\n")
            #expect(try listing(work.path).isEmpty, "nothing is created in the working directory")

            let overridden = try insights(["read", "Notes", "--file", explicit], in: work, environment: environment)
            #expect(overridden.status == 0)
            #expect(overridden.out == "explicit\n")
        }
    }

    @Test("the nearest .superagent/memory/insights.md from a nested working directory")
    func discoveryWalksUp() throws {
        try withSandbox { sandbox in
            let outer = try sandbox.write(".superagent/memory/insights.md", "## Notes\nouter\n")
            let file = try sandbox.write("project/.superagent/memory/insights.md", Self.content)
            let nested = try sandbox.makeFolder("project/src/deep/er")

            let read = try insights(["read", "Notes"], in: nested)
            #expect(read.status == 0, "\(read)")
            #expect(read.out == "from the file\n")

            let list = try insights(["list", "--json"], in: nested)
            #expect(list.status == 0, "\(list)")
            #expect(try list.json()["file"] as? String == file)

            let update = try insights(["update", "Notes", "--body", "found it", "--no-stamp"], in: nested)
            #expect(update.status == 0, "\(update)")
            #expect(text(at: file) == "# Team\n\n## Notes\nfound it\n")
            #expect(text(at: outer) == "## Notes\nouter\n")
            #expect(try listing(nested.path).isEmpty)
            #expect(try listing(sandbox.path("project/src")) == ["deep"])
        }
    }

    @Test("with no file anywhere, update creates ./.superagent/memory/insights.md")
    func defaultLocationIsCreated() throws {
        try withSandbox { sandbox in
            let outcome = try insights(["update", "Notes", "--body", "hello", "--no-stamp"], in: sandbox.url)
            #expect(outcome.status == 0, "\(outcome)")
            #expect(text(at: sandbox.path(".superagent/memory/insights.md")) == newFileStart + "\n## Notes\n\nhello\n")
            #expect(try listing(sandbox.path(".superagent/memory")) == ["insights.md"])
        }
    }

    @Test("a named pipe is read once, as it comes")
    func namedPipe() throws {
        try withSandbox { sandbox in
            // A reader that closed the pipe after a writer had written all and gone, and opened it
            // again, would lose what was written and wait for another writer for ever; whether
            // the writer has gone by then is a race, run here ten times.
            for round in 1...10 {
                let pipe = sandbox.url.appendingPathComponent("insights-\(round).md").path
                #expect(mkfifo(pipe, 0o600) == 0)
                let writer = Process()
                writer.executableURL = URL(fileURLWithPath: "/bin/sh")
                writer.arguments = ["-c", "printf '# Team\\n\\n## Notes\\nfrom the pipe\\n' > \"$0\"", pipe]
                try writer.run()
                // After 5 s another writer comes and goes at once, so that such a reader sees an
                // empty file instead of waiting.
                DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
                    let descriptor = open(pipe, O_WRONLY | O_NONBLOCK)
                    if descriptor >= 0 { close(descriptor) }
                }
                let outcome = try insights(["read", "Notes", "--file", pipe])
                writer.waitUntilExit()
                #expect(outcome.status == 0, "round \(round)")
                #expect(outcome.stdout == Array("from the pipe\n".utf8), "round \(round)")
            }
        }
    }
}
