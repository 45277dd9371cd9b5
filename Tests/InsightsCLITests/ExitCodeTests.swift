import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One test per exit code of SPEC §5 that `list`, `read` and `update` can produce.
@Suite("Exit codes")
struct ExitCodeTests {
    static let twoSections = "# Team\n\n## Notes\nold notes\n\n## Last\nlast body\n"

    @Test("0: update then read prints the body byte for byte")
    func exitZeroRoundTrip() throws {
        try withSandbox { sandbox in
            let file = sandbox.path("mem/deeper/insights.md")
            let body = "line one\n\n### Detail\n  indented\t \n```swift\nlet x = 1\n```\n- **Key**: ü € 🎉\n"

            #expect(bytes(at: file) == nil)
            let update = try insights(["update", "Notes", "--file", file, "--body", body, "--no-stamp"])
            #expect(update.status == 0, "\(update)")
            #expect(update.stdout.isEmpty)
            #expect(text(at: file) == "## Notes\n" + body)

            let read = try insights(["read", "Notes", "--file", file])
            #expect(read.status == 0, "\(read)")
            #expect(read.stdout == body.bytes)
            #expect(read.stderr.isEmpty)

            // The same body through standard input, stamped with a given date.
            let stamped = try insights(["update", "Notes", "--file", file, "--date", "2026-02-03"], input: .bytes(body.bytes))
            #expect(stamped.status == 0, "\(stamped)")
            let readAgain = try insights(["read", "Notes", "--file", file])
            #expect(readAgain.status == 0)
            #expect(readAgain.out.hasPrefix(body))
            #expect(readAgain.out.hasSuffix("\nLast updated: 2026-02-03\n"))
            #expect(text(at: file) == "## Notes\n" + readAgain.out)

            // `read` without a section prints the whole file.
            let whole = try insights(["read", "--file", file])
            #expect(whole.status == 0)
            #expect(whole.stdout == bytes(at: file))
        }
    }

    @Test("3: reading a missing section lists the sections that exist")
    func exitThreeNotFound() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.twoSections)
            let before = bytes(at: file)

            let missing = try insights(["read", "Gamma", "--file", file])
            #expect(missing.status == 3, "\(missing)")
            #expect(missing.stdout.isEmpty)
            #expect(missing.firstErrorLine.hasPrefix(errorPrefix))
            #expect(missing.firstErrorLine.contains("Gamma"))
            #expect(missing.err.contains("\"Notes\""))
            #expect(missing.err.contains("\"Last\""))

            let typo = try insights(["read", "Notse", "--file", file])
            #expect(typo.status == 3, "\(typo)")
            #expect(typo.firstErrorLine.hasPrefix(errorPrefix))
            #expect(typo.firstErrorLine.contains("did you mean \"Notes\""))

            let sub = try insights(["read", "Notes", "--sub", "Nothing", "--file", file])
            #expect(sub.status == 3, "\(sub)")
            #expect(sub.firstErrorLine.hasPrefix(errorPrefix))

            #expect(bytes(at: file) == before)
            #expect(try listing(sandbox.path) == ["insights.md"])
        }
    }

    static let usageCases: [[String]] = [
        ["frobnicate"],
        ["list", "--bogus"],
        ["--bogus", "list"],
        ["read", "Notes", "--no-such-flag"],
        ["update", "--body", "x"],
        ["update"],
        ["read", "Notes", "--sub"],
        ["read", "--file"],
        ["update", "Notes", "--body", "x", "--date", "2026-13-01"],
        ["update", "Notes", "--body", "x", "--date", "yesterday"],
        ["update", "Notes", "--body", "x", "--lock-timeout", "soon"],
        ["read", "Notes", "--level", "9"],
        ["read", "Notes", "Last"],
        ["update", "Notes", "--body", "x", "--append", "--prepend"],
        ["update", "Notes", "--body", "x", "--body-file", "body.txt"],
        ["set", "Notes", "Key"],
        ["set", "--agent", "joker", "Notes", "Key", "Value"],
        ["remove"],
        ["update", "--agent", "default", "--body", "x"],
        ["update", "--agent", "../joker", "--body", "x"],
        ["session-summary"],
        ["session-summary", "--agent", "joker", "--field", "no equals sign"],
        ["templates", "/etc/passwd"],
        ["init", "--agent", "nobody-knows"],
    ]

    @Test("64: usage errors", arguments: usageCases)
    func exitSixtyFourUsage(_ arguments: [String]) throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.twoSections)
            try sandbox.write("body.txt", "body\n")
            let before = bytes(at: file)

            let outcome = run(arguments, environment: ["INSIGHTS_FILE": file])
            #expect(outcome.status == 64, "\(outcome)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.firstErrorLine.hasPrefix(errorPrefix), "\(outcome)")
            #expect(bytes(at: file) == before)
            #expect(try listing(sandbox.path) == ["body.txt", "insights.md"])
        }
    }

    /// A body `update` must refuse with 65, and how it is given.
    struct BadBody: Sendable, CustomTestStringConvertible {
        enum Source: Sendable { case argument, bodyFile, stdin }
        let name: String
        let body: [UInt8]
        let source: Source
        var testDescription: String { name }
    }

    static let badBodies: [BadBody] = [
        BadBody(name: "level-2 heading in a level-2 section", body: "a\n## Other\nb\n".bytes, source: .argument),
        BadBody(name: "level-1 heading", body: "a\n# Top\n".bytes, source: .stdin),
        BadBody(name: "unclosed ``` fence", body: "intro\n```\ncode\n".bytes, source: .argument),
        BadBody(name: "unclosed ~~~ fence", body: "~~~\ncode\n".bytes, source: .bodyFile),
        BadBody(name: "unclosed <!--", body: "<!--\nhidden\n".bytes, source: .argument),
        BadBody(name: "unclosed <pre>", body: "<pre>\nx\n".bytes, source: .argument),
        BadBody(name: "setext Title/---", body: "Title\n---\n".bytes, source: .argument),
        BadBody(name: "setext Title/=== ", body: "Title\n===\n".bytes, source: .stdin),
        BadBody(name: "invalid UTF-8 via --body-file", body: [0x61, 0x0A, 0x62, 0xFF, 0x63, 0x0A], source: .bodyFile),
        BadBody(name: "truncated UTF-8 sequence", body: [0x61, 0xE2, 0x82], source: .bodyFile),
        BadBody(name: "NUL byte via --body-file", body: [0x61, 0x00, 0x62, 0x0A], source: .bodyFile),
        BadBody(name: "NUL byte via stdin", body: [0x61, 0x00, 0x62, 0x0A], source: .stdin),
    ]

    @Test("65: a body reaching outside its section changes nothing",
          arguments: badBodies, ["Notes", "Last"])
    func exitSixtyFiveBadBody(_ bad: BadBody, section: String) throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("mem/insights.md", Self.twoSections)
            let bodyFile = try sandbox.write("body.bin", bad.body)
            let before = bytes(at: file)

            var arguments = ["update", section, "--file", file, "--date", "2026-01-02"]
            var input = Input.devNull
            switch bad.source {
            case .argument: arguments += ["--body", String(decoding: bad.body, as: UTF8.self)]
            case .bodyFile: arguments += ["--body-file", bodyFile]
            case .stdin: input = .bytes(bad.body)
            }
            for mode in [[], ["--append"], ["--prepend"]] {
                let outcome = try insights(arguments + mode, input: input)
                #expect(outcome.status == 65, "\(mode) \(outcome)")
                #expect(outcome.stdout.isEmpty)
                #expect(outcome.firstErrorLine.hasPrefix(errorPrefix), "\(outcome)")
                #expect(outcome.firstErrorLine.contains("line"), "the error names the line: \(outcome)")
                #expect(bytes(at: file) == before)
                #expect(try listing(sandbox.path("mem")) == ["insights.md"])
            }
            // A section that does not exist yet is refused the same way.
            let created = try insights(["update", "Brand New", "--file", file, "--body-file", bodyFile])
            #expect(created.status == 65, "\(created)")
            #expect(bytes(at: file) == before)
            #expect(try listing(sandbox.path("mem")) == ["insights.md"])
        }
    }

    /// A body that is harmless alone but would turn the text it is spliced next to into a
    /// heading.
    struct BadSplice: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let arguments: [String]
        var testDescription: String { name }
    }

    static let badSplices: [BadSplice] = [
        BadSplice(name: "--prepend of a line before a thematic break", file: "## A\n---\nrest\n\n## B\nb\n",
                  arguments: ["update", "A", "--prepend", "--body", "Title"]),
        BadSplice(name: "--append of === after a paragraph", file: "## A\npara\n\n## B\nb\n",
                  arguments: ["update", "A", "--append", "--body", "==="]),
        BadSplice(name: "--append of --- after a paragraph in the last section", file: "## A\npara\n",
                  arguments: ["update", "A", "--append", "--body", "---"]),
        BadSplice(name: "a level-3 heading in a level-3 subsection", file: "## A\n### S\ns\n\n## B\nb\n",
                  arguments: ["update", "A", "--sub", "S", "--body", "### Clash"]),
    ]

    @Test("65: a splice that would make a heading out of the text around it changes nothing", arguments: badSplices)
    func exitSixtyFiveBadSplice(_ bad: BadSplice) throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", bad.file)
            let outcome = try insights(bad.arguments + ["--no-stamp", "--file", file])
            #expect(outcome.status == 65, "\(outcome)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.firstErrorLine.hasPrefix(errorPrefix))
            #expect(outcome.firstErrorLine.contains("line "))
            #expect(text(at: file) == bad.file)
            #expect(try listing(sandbox.path) == ["insights.md"])
        }
    }

    @Test("65: an ambiguous section name names both lines")
    func exitSixtyFiveAmbiguous() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("mem/insights.md", "# Team\n\n## Notes\nfirst\n\n## Notes\nsecond\n")
            let before = bytes(at: file)

            for arguments in [["update", "Notes", "--body", "x"], ["update", "Notes", "--append", "--body", "x"],
                              ["read", "Notes"], ["read", "Notes", "--json"]] {
                let outcome = try insights(arguments + ["--file", file])
                #expect(outcome.status == 65, "\(arguments) \(outcome)")
                #expect(outcome.stdout.isEmpty == !arguments.contains("--json"))
                #expect(outcome.firstErrorLine.hasPrefix(errorPrefix))
                #expect(outcome.firstErrorLine.contains("line 3"), "\(outcome)")
                #expect(outcome.firstErrorLine.contains("line 6"), "\(outcome)")
                #expect(bytes(at: file) == before)
                #expect(try listing(sandbox.path("mem")) == ["insights.md"])
            }
        }
    }

    @Test("66: list and read without a file say where they looked")
    func exitSixtySixNoFile() throws {
        try withSandbox { sandbox in
            let expected = sandbox.path(".superagent/memory/insights.md")

            for arguments in [["list"], ["list", "--json"], ["read"], ["read", "Notes"]] {
                let outcome = try insights(arguments, in: sandbox.url)
                #expect(outcome.status == 66, "\(arguments) \(outcome)")
                #expect(outcome.stdout.isEmpty == !arguments.contains("--json"))
                #expect(outcome.firstErrorLine.hasPrefix(errorPrefix))
                #expect(outcome.err.contains(expected), "\(outcome)")
            }
            let explicit = try insights(["read", "Notes", "--file", sandbox.path("nowhere.md")])
            #expect(explicit.status == 66, "\(explicit)")
            #expect(explicit.firstErrorLine.hasPrefix(errorPrefix))
            #expect(explicit.err.contains(sandbox.path("nowhere.md")))

            let file = sandbox.path("target.md")
            let missingBody = try insights(["update", "Notes", "--file", file, "--body-file", sandbox.path("no-body.txt")])
            #expect(missingBody.status == 66, "\(missingBody)")
            #expect(missingBody.firstErrorLine.hasPrefix(errorPrefix))
            #expect(missingBody.err.contains(sandbox.path("no-body.txt")))

            // Reading creates nothing.
            #expect(try listing(sandbox.path).isEmpty)
        }
    }

    @Test("73: the file's folder cannot be created because a regular file is in the way",
          arguments: ["plain/insights.md", "plain/deeper/insights.md"])
    func exitSeventyThreeCannotCreate(_ relative: String) throws {
        try withSandbox { sandbox in
            let plain = try sandbox.write("plain", "I am a file\n")

            let outcome = try insights(["update", "Notes", "--file", sandbox.path(relative), "--body", "x"])
            #expect(outcome.status == 73, "\(outcome)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.firstErrorLine.hasPrefix(errorPrefix), "\(outcome)")
            #expect(text(at: plain) == "I am a file\n")
            #expect(try listing(sandbox.path) == ["plain"])
        }
    }

    @Test("73: a new file in a folder nobody may write to", .enabled(if: getuid() == 0, "needs root to become nobody"))
    func exitSeventyThreeReadOnlyFolder() throws {
        try withSandbox { sandbox in
            let folder = try sandbox.makeFolder("ro")
            #expect(chmod(folder.path, 0o555) == 0)

            let outcome = try insights(["update", "Notes", "--file", folder.appendingPathComponent("insights.md").path, "--body", "x"],
                                       asNobody: true)
            #expect(outcome.status == 73, "\(outcome)")
            #expect(outcome.firstErrorLine.hasPrefix(errorPrefix))
            #expect(try listing(folder.path).isEmpty)
        }
    }

    @Test("74: update of an existing file in a read-only folder", .enabled(if: getuid() == 0, "needs root to become nobody"))
    func exitSeventyFourReadOnly() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("ro/insights.md", Self.twoSections)
            #expect(chmod(file, 0o644) == 0)
            #expect(chmod(sandbox.path("ro"), 0o555) == 0)
            let before = bytes(at: file)
            let mtime = try ageFile(file)

            // nobody can read it...
            let read = try insights(["read", "Notes", "--file", file], asNobody: true)
            #expect(read.status == 0, "\(read)")
            #expect(read.out == "old notes\n\n")
            // ...but not replace it.
            let outcome = try insights(["update", "Notes", "--file", file, "--body", "new"], asNobody: true)
            #expect(outcome.status == 74, "\(outcome)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.firstErrorLine.hasPrefix(errorPrefix), "\(outcome)")
            #expect(bytes(at: file) == before)
            #expect(try modificationDate(file) == mtime)
            #expect(try listing(sandbox.path("ro")) == ["insights.md"])
        }
    }

    @Test("75: --if-match with a fingerprint that does not match")
    func exitSeventyFiveIfMatch() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.twoSections)
            let before = bytes(at: file)

            for fingerprint in ["0000000000000000", "absent"] {
                let outcome = try insights(["update", "Notes", "--file", file, "--body", "new", "--if-match", fingerprint])
                #expect(outcome.status == 75, "\(fingerprint) \(outcome)")
                #expect(outcome.stdout.isEmpty)
                #expect(outcome.firstErrorLine.hasPrefix(errorPrefix))
                #expect(bytes(at: file) == before)
            }
            // `absent` for a section that exists nowhere lets it be created.
            let created = try insights(["update", "Fresh", "--file", file, "--body", "new", "--if-match", "absent", "--no-stamp"])
            #expect(created.status == 0, "\(created)")
            #expect(text(at: file) == Self.twoSections + "\n## Fresh\nnew\n")
            #expect(try listing(sandbox.path) == ["insights.md"])
        }
    }

    @Test("75: waiting longer than --lock-timeout for the folder lock")
    func exitSeventyFiveLockTimeout() throws {
        try withSandbox { sandbox in
            let folder = try sandbox.makeFolder("mem")
            let file = try sandbox.write("mem/insights.md", Self.twoSections)
            let before = bytes(at: file)

            let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            try #require(flock(descriptor, LOCK_EX) == 0)

            let start = Date()
            let outcome = try insights(["update", "Notes", "--file", file, "--body", "new", "--lock-timeout", "0.2"])
            let elapsed = Date().timeIntervalSince(start)
            #expect(outcome.status == 75, "\(outcome)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.firstErrorLine.hasPrefix(errorPrefix))
            #expect(elapsed >= 0.2)
            #expect(elapsed < 10)
            #expect(bytes(at: file) == before)
            #expect(try listing(folder.path) == ["insights.md"])

            // Readers do not need the lock.
            let read = try insights(["read", "Notes", "--file", file])
            #expect(read.status == 0)
            #expect(read.out == "old notes\n\n")

            // Once the lock is released the same update goes through.
            #expect(flock(descriptor, LOCK_UN) == 0)
            let after = try insights(["update", "Notes", "--file", file, "--body", "new", "--lock-timeout", "0.2", "--no-stamp"])
            #expect(after.status == 0, "\(after)")
            #expect(text(at: file) == "# Team\n\n## Notes\nnew\n\n## Last\nlast body\n")
        }
    }
}
