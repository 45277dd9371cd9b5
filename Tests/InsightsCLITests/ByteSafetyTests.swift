import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Calls `body` with `path` as a C string, byte for byte.
private func withCPath<Result>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
    (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
}

/// The bytes of the file at the byte path `path`; nil when it cannot be opened.
private func contents(_ path: [UInt8]) -> [UInt8]? {
    let descriptor = withCPath(path) { open($0, O_RDONLY) }
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let got = read(descriptor, &buffer, buffer.count)
        if got <= 0 { return result }
        result += buffer[..<got]
    }
}

/// The names in the folder at the byte path `path`, as bytes, sorted.
private func names(in path: [UInt8]) -> [[UInt8]] {
    guard let folder = withCPath(path, { opendir($0) }) else { return [] }
    defer { closedir(folder) }
    var names: [[UInt8]] = []
    while let entry = readdir(folder) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
        if name != [0x2E], name != [0x2E, 0x2E] { names.append(name) }
    }
    return names.sorted { $0.lexicographicallyPrecedes($1) }
}

private func makeFolder(_ path: [UInt8]) throws {
    try #require(withCPath(path) { mkdir($0, 0o755) } == 0)
}

private func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Invalid UTF-8, NUL and control characters in arguments, paths and JSON (issue 15, points
/// 3, 4, 5 and 17), with real bytes given to a real process.
@Suite("Bytes: arguments and paths")
struct ByteSafetyTests {
    static let file = "## Notes\nkept\n"

    // MARK: 3. Arguments that are not UTF-8

    @Test("an argument that is not UTF-8 and would reach the file is refused with 65, the file untouched",
          arguments: [
              ["update", "Notes", "--body"].map(utf8) + [utf8("caf") + [0xE9]],
              ["update", "Notes", "--body"].map(utf8) + [[0xC3]],
              ["set", "Notes", "Key"].map(utf8) + [utf8("value ") + [0xFF]],
              ["set", "Notes"].map(utf8) + [utf8("K") + [0xFE], utf8("value")],
              ["update"].map(utf8) + [utf8("New") + [0xFF], utf8("--body"), utf8("x")],
              ["update", "Notes", "--sub"].map(utf8) + [[0xFF], utf8("--body"), utf8("x")],
              ["replace", "Notes", "--old", "kept", "--new"].map(utf8) + [[0x80]],
              ["journal", "add", "--field", "Context=x", "--allow-missing", "--title"].map(utf8) + [utf8("T") + [0xFF]],
          ])
    func invalidArgument(_ arguments: [[UInt8]]) throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.file)
            let run = try insights(bytes: arguments + [utf8("--file"), utf8(file)])
            #expect(run.status == 65, "\(run)")
            #expect(run.firstErrorLine.contains("not valid UTF-8"), "\(run)")
            #expect(run.firstErrorLine.contains("0x") || run.firstErrorLine.contains("\\x"), "the byte is named: \(run)")
            #expect(text(at: file) == Self.file)
        }
    }

    @Test("a --field value that is not UTF-8 is refused with 65 and nothing is logged")
    func invalidField() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("memory/insights.md", Self.file)
            let run = try insights(bytes: ["session-summary", "--agent", "backend-architect", "--allow-missing", "--log", "--file", file].map(utf8)
                                   + [utf8("--field"), utf8("System Implementation=Orders ") + [0xFF]])
            #expect(run.status == 65, "\(run)")
            #expect(bytes(at: sandbox.path("memory/sessions.md")) == nil)
        }
    }

    @Test("a UTF-8 argument with a scalar from the last private-use plane is written exactly")
    func lastPlaneScalar() throws {
        try withSandbox { sandbox in
            let file = sandbox.path("insights.md")
            let body = "U+10FFFF: \u{10FFFF}, U+10FF80: \u{10FF80}\n"
            let run = try insights(bytes: ["update", "Notes", "--no-stamp", "--body", body, "--file", file].map(utf8))
            #expect(run.status == 0, "\(run)")
            #expect(text(at: file) == "## Notes\n" + body)
        }
    }

    // MARK: 4. Paths that are not UTF-8

    @Test("--file and INSIGHTS_FILE in a folder whose name is not UTF-8 write that file, byte for byte")
    func pathsAsBytes() throws {
        try withSandbox { sandbox in
            let folder = utf8(sandbox.path) + utf8("/d") + [0xFF]
            try makeFolder(folder)
            let viaFlag = folder + utf8("/flag") + [0xE9] + utf8(".md")
            let run = try insights(bytes: ["update", "Notes", "--no-stamp", "--body", "from the flag", "--file"].map(utf8) + [viaFlag])
            #expect(run.status == 0, "\(run)")
            #expect(contents(viaFlag) == utf8("## Notes\nfrom the flag\n"))

            let viaEnvironment = folder + utf8("/env") + [0xFE] + utf8(".md")
            let second = try insights(bytes: ["update", "Notes", "--no-stamp", "--body", "from the environment"].map(utf8),
                                      environment: [utf8("INSIGHTS_FILE=") + viaEnvironment])
            #expect(second.status == 0, "\(second)")
            #expect(contents(viaEnvironment) == utf8("## Notes\nfrom the environment\n"))
            // No other file appeared (a name with U+FFFD in it, say).
            #expect(names(in: folder) == [utf8("env") + [0xFE] + utf8(".md"), utf8("flag") + [0xE9] + utf8(".md")])
            #expect(names(in: utf8(sandbox.path)) == [utf8("d") + [0xFF]])
            // Messages show the byte escaped, on one line.
            #expect(second.err.contains("env\\xFE.md"), "\(second)")
        }
    }

    @Test("in a working directory whose name is not UTF-8, the default file there is the one written")
    func workingDirectoryAsBytes() throws {
        try withSandbox { sandbox in
            let folder = utf8(sandbox.path) + utf8("/project") + [0xC0]
            try makeFolder(folder)
            let run = try insights(bytes: ["update", "Notes", "--no-stamp", "--body", "here"].map(utf8), in: folder)
            #expect(run.status == 0, "\(run)")
            #expect(contents(folder + utf8("/.superagent/memory/insights.md")) == utf8("## Notes\nhere\n"))
            #expect(names(in: utf8(sandbox.path)) == [utf8("project") + [0xC0]])
            let read = try insights(bytes: ["read", "Notes"].map(utf8), in: folder)
            #expect(read.status == 0 && read.out == "here\n", "\(read)")
        }
    }

    @Test("a symlink to a name that is not UTF-8 has its target replaced")
    func symlinkTargetAsBytes() throws {
        try withSandbox { sandbox in
            let target = utf8("real") + [0xFF] + utf8(".md")
            let link = sandbox.path("link.md")
            _ = withCPath(utf8(sandbox.path) + utf8("/") + target) { creat($0, 0o644) }
            try #require(withCPath(target) { destination in withCPath(utf8(link)) { symlink(destination, $0) } } == 0)
            let run = try insights(bytes: ["update", "Notes", "--no-stamp", "--body", "through the link", "--file", link].map(utf8))
            #expect(run.status == 0, "\(run)")
            #expect(contents(utf8(sandbox.path) + utf8("/") + target) == utf8("## Notes\nthrough the link\n"))
            #expect(linkStatus(link).map { $0.st_mode & S_IFMT == S_IFLNK } == true)
            #expect(names(in: utf8(sandbox.path)) == [utf8("link.md"), target])
        }
    }

    // MARK: 5. NUL from JSON

    @Test("a NUL from --fields-json (\\u0000) is refused with 65 and nothing is logged")
    func nulFromFieldsJSON() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("memory/insights.md", Self.file)
            let json = try sandbox.write("fields.json", #"{"System Implementation": "Orders\u0000API"}"#)
            let run = try insights(["session-summary", "--agent", "backend-architect", "--allow-missing", "--log",
                                    "--fields-json", json, "--file", file])
            #expect(run.status == 65, "\(run)")
            #expect(run.firstErrorLine.contains("NUL"), "\(run)")
            #expect(bytes(at: sandbox.path("memory/sessions.md")) == nil)
        }
    }

    // MARK: 17. One-line messages, consistent exit codes

    @Test("an argument with control characters is quoted with escapes: every message is one line")
    func oneLineMessages() throws {
        let run = try insights(bytes: [utf8("update"), utf8("Notes"), utf8("--bo\ndy\u{1B}[31m"), utf8("x")])
        #expect(run.status == 64, "\(run)")
        let lines = run.err.split(separator: "\n")
        #expect(lines.count == 2, "\(run)")
        #expect(lines.allSatisfy { $0.hasPrefix("insights: ") }, "\(run)")
        #expect(run.firstErrorLine.contains("--bo\\ndy\\x1B[31m"), "\(run)")
    }

    @Test("a key with a line break or with ** inside is refused with 65")
    func badKeys() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.file)
            for key in ["two\nlines", "a**b", "**"] {
                let run = try insights(["set", "Notes", key, "value", "--file", file])
                #expect(run.status == 65, "\(key.debugDescription): \(run)")
            }
            #expect(text(at: file) == Self.file)
        }
    }

    @Test("a --sub that would need a level-7 heading is 64")
    func levelSevenSub() throws {
        try withSandbox { sandbox in
            let deep = "###### Deep\nbody\n"
            let file = try sandbox.write("insights.md", deep)
            let run = try insights(["update", "Deep", "--level", "6", "--sub", "Deeper", "--body", "x", "--file", file])
            #expect(run.status == 64, "\(run)")
            #expect(run.firstErrorLine.contains("level-7"), "\(run)")
            let fresh = try insights(["update", "A", "--level", "5", "--sub", "B", "--sub", "C", "--body", "x", "--file", sandbox.path("new.md")])
            #expect(fresh.status == 64, "\(fresh)")
            #expect(text(at: file) == deep)
            #expect(bytes(at: sandbox.path("new.md")) == nil)
        }
    }

    @Test("a folder at the temporary file's name is 74, for a new file and an existing one")
    func folderAtTemporaryName() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.file)
            _ = try sandbox.makeFolder(".insights.md.insights-tmp")
            _ = try sandbox.makeFolder(".new.md.insights-tmp")
            for path in [file, sandbox.path("new.md")] {
                let run = try insights(["update", "Notes", "--body", "x", "--file", path])
                #expect(run.status == 74, "\(run)")
                #expect(run.firstErrorLine.contains("folder"), "\(run)")
            }
            #expect(text(at: file) == Self.file)
        }
    }

    @Test("history in a repository without commits is 66")
    func historyWithoutCommits() throws {
        let repository = try GitRepo(driver: false)
        defer { repository.remove() }
        try repository.sandbox.write(GitRepo.memory, Self.file)
        let run = try repository.insights(["history", "Notes"])
        #expect(run.status == 66, "\(run)")
        #expect(run.firstErrorLine.contains("no commits"), "\(run)")
    }

    @Test("/dev/stdin as --file is named as given when the write fails")
    func devStdinNamed() throws {
        let run = try insights(["update", "Notes", "--body", "x", "--file", "/dev/stdin"], input: .bytes(Array(Self.file.utf8)))
        #expect(run.status != 0, "\(run)")
        #expect(run.firstErrorLine.contains("/dev/stdin"), "\(run)")
        #expect(!run.err.contains("/proc/"), "\(run)")
    }
}

/// `check --base`, `diff` and `history` in a folder whose name has a line break (issue 15,
/// point 16).
@Suite("Git and folder names")
struct GitFolderNameTests {
    @Test("check --base, diff and history work in a folder with a line break in its name")
    func lineBreakInFolder() throws {
        let repository = try GitRepo(driver: false)
        defer { repository.remove() }
        let folder = "two\nlines"
        let memory = folder + "/" + GitRepo.memory
        try repository.sandbox.write(memory, "## Notes\nold\n")
        try repository.git(["add", "-A"])
        try repository.git(["commit", "-q", "-m", "first"])
        try repository.sandbox.write(memory, "## Notes\nnew\n")
        let inside = repository.sandbox.url.appendingPathComponent(folder)
        func run(_ arguments: [String]) throws -> Outcome {
            try insights(arguments, in: inside, environment: repository.environment)
        }
        let diff = try run(["diff"])
        #expect(diff.status == 0, "\(diff)")
        #expect(diff.out.contains("-old\n+new\n"), "\(diff)")
        let check = try run(["check", "--base", "HEAD", "--format", "json"])
        #expect(check.status == 0, "\(check)")
        #expect(check.out.contains("modified"), "\(check)")
        try repository.git(["commit", "-q", "-a", "-m", "second"])
        let history = try run(["history", "Notes"])
        #expect(history.status == 0, "\(history)")
        #expect(history.out.contains("second") && history.out.contains("first"), "\(history)")
    }
}

/// NUL from the MCP server's JSON is refused by the same check as the command line's.
@Suite("MCP and NUL")
struct MCPNulTests {
    @Test("a NUL (\\u0000) in any MCP argument that reaches the file is refused, the file and log untouched")
    func nulInArguments() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("m.md", MCPTests.memory)
            let before = bytes(at: file)
            let nul = "a\u{0}b"
            let (replies, outcome) = try MCPTests.session([
                MCPTests.call(1, "update_section", ["section": "Alpha", "body": nul]),
                MCPTests.call(2, "update_section", ["section": nul, "body": "x"]),
                MCPTests.call(3, "update_section", ["section": "Alpha", "sub": [nul], "body": "x"]),
                MCPTests.call(4, "set_entry", ["section": "Beta", "key": nul, "value": "v"]),
                MCPTests.call(5, "set_entry", ["section": "Beta", "key": "Key", "value": nul]),
                MCPTests.call(6, "replace_text", ["section": "Alpha", "old": "hello", "new": nul]),
                MCPTests.call(7, "session_summary", ["agent": "backend-architect", "fields": ["System Implementation": nul], "log": true, "allow_missing": true]),
            ], file: file)
            #expect(replies.count == 7, "\(outcome)")
            let results = try replies.map(MCPTests.toolResult)
            #expect(results.allSatisfy { $0.isError }, "\(results.map(\.text))")
            #expect(results.allSatisfy { $0.text.contains("NUL") }, "\(results.map(\.text))")
            #expect(bytes(at: file) == before)
            #expect(try listing(sandbox.path) == ["m.md"])
        }
    }
}
