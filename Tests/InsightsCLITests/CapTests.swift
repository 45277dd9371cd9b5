import Foundation
import Testing

/// The caps on input and on numbers (issue 15, point 10): input over 64 MiB is 65, read no
/// further than the cap; a number out of its range is 64.
@Suite("Caps")
struct CapTests {
    static let file = "## Notes\nkept\n"
    static let cap = 64 << 20

    /// A sparse file of `size` bytes (cheap to make, whatever its size).
    static func sparse(_ path: String, size: Int) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    @Test("--body-file /dev/zero is refused with 65 once past 64 MiB, not read until memory runs out")
    func endlessBodyFile() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.file)
            let run = try insights(["update", "Notes", "--body-file", "/dev/zero", "--file", file])
            #expect(run.status == 65, "\(run)")
            #expect(run.firstErrorLine.contains("64 MiB"), "\(run)")
            #expect(text(at: file) == Self.file)
        }
    }

    @Test("a --body-file or --fields-json over 64 MiB is 65; one of exactly 64 MiB is read")
    func largeFiles() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("memory/insights.md", Self.file)
            let large = sandbox.path("large")
            try Self.sparse(large, size: Self.cap + 1)
            let body = try insights(["update", "Notes", "--body-file", large, "--file", file])
            #expect(body.status == 65 && body.firstErrorLine.contains("64 MiB"), "\(body)")
            let fields = try insights(["session-summary", "--agent", "backend-architect", "--fields-json", large, "--file", file])
            #expect(fields.status == 65 && fields.firstErrorLine.contains("64 MiB"), "\(fields)")
            // At the cap, the body is read (and refused for what it is: NUL bytes).
            let atCap = sandbox.path("at-cap")
            try Self.sparse(atCap, size: Self.cap)
            let read = try insights(["update", "Notes", "--body-file", atCap, "--file", file])
            #expect(read.status == 65 && read.firstErrorLine.contains("NUL"), "\(read)")
            #expect(text(at: file) == Self.file)
        }
    }

    @Test("standard input over 64 MiB is 65")
    func largeStandardInput() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.file)
            let run = try insights(bytes: ["update", "Notes", "--file", file].map { Array($0.utf8) },
                                   input: [UInt8](repeating: UInt8(ascii: "a"), count: Self.cap + 1))
            #expect(run.status == 65 && run.firstErrorLine.contains("64 MiB"), "\(run)")
            #expect(text(at: file) == Self.file)
        }
    }

    @Test("numbers out of range are 64", arguments: [
        ["--lock-timeout", "1e16"], ["--lock-timeout", "86400.5"], ["--lock-timeout", "-1"], ["--lock-timeout", "nan"], ["--lock-timeout", "inf"],
        ["--level", "0"], ["--level", "7"], ["--max-lines", "0"], ["--max-lines", "-3"], ["--max-lines", "99999999999999999999"],
    ])
    func outOfRange(_ option: [String]) throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.file)
            let run = try insights(["update", "Notes", "--body", "x", "--file", file] + option)
            #expect(run.status == 64, "\(run)")
            #expect(text(at: file) == Self.file)
        }
    }

    @Test("numbers at the ends of their ranges are taken")
    func inRange() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.file)
            for option in [["--lock-timeout", "86400"], ["--lock-timeout", "0"], ["--max-lines", "99999999999"]] {
                let run = try insights(["update", "Notes", "--body", "x", "--file", file] + option)
                #expect(run.status == 0, "\(option): \(run)")
            }
            for limit in ["0", "-1", "x"] {
                let run = try insights(["history", "Notes", "--limit", limit, "--file", file])
                #expect(run.status == 64, "--limit \(limit): \(run)")
            }
        }
    }
}
