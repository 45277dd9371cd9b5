#if os(Linux)
import Foundation
import TestSupport
import Testing

/// Runs the binary once, in a process of its own with no input or output, and gives its
/// exit status and its peak resident memory in bytes (`ru_maxrss` from `wait4`).
///
/// Linux starts a new program's `ru_maxrss` at the peak of the process it replaced, and a
/// process forked (or spawned) from this test process starts with this process's memory:
/// measured directly, every run would read at least the test process's own peak. So a small
/// python3 process forks and runs the binary and reports what `wait4` gives: the binary's
/// own peak, or python's few MiB when that is higher (below every bound tested).
func peakMemory(_ arguments: [String]) throws -> (status: Int32, bytes: Int) {
    let script = """
        import os, sys
        pid = os.fork()
        if pid == 0:
            null = os.open("/dev/null", os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            os.execv(sys.argv[1], sys.argv[1:])
        _, status, usage = os.wait4(pid, 0)
        print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, insightsBinary.path] + arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let fields = String(decoding: data, as: UTF8.self).split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    let kibibytes = try #require(fields.first ?? nil, "no measurement from python3")
    let status = try #require(fields.count > 1 ? fields[1] : nil, "no exit status from python3")
    return (Int32(status), kibibytes * 1024)
}

/// A file shape that has broken the memory bound, made at about `size` bytes.
struct MemoryShape: Sendable, CustomTestStringConvertible {
    let name: String
    /// The section `read` and `update` address, and the `--sub` they take, if any.
    let section: String
    let sub: String?
    let make: @Sendable (Int) -> String
    var testDescription: String { name }

    static let megabytes = 4 << 20

    static let all = [
        MemoryShape(name: "block quotes nested 4 million deep", section: "A", sub: nil) { size in
            "# T\n\n## A\n\n" + String(repeating: ">", count: size) + " x\n\n## B\n\nb\n"
        },
        MemoryShape(name: "setext headings", section: "B", sub: nil) { size in
            "# T\n\n## B\n\nb\n\n" + String(repeating: "a\n===\n", count: size / 6)
        },
        MemoryShape(name: "duplicate headings", section: "B", sub: nil) { size in
            "# T\n\n## B\n\nb\n\n" + String(repeating: "## A\n\nx\n\n", count: size / 10)
        },
        MemoryShape(name: "78k subsections in 10 MB", section: "Agent", sub: "Sub 5000") { _ in
            "# T\n\n## Agent\n\n" + (0..<78_000).map {
                "### Sub \($0)\n\n- **Key \($0)**: some text for the subsection number \($0), long enough to be like a real one, "
                    + "with a second clause\n\n"
            }.joined()
        },
    ]
}

/// Peak memory of `list`, `read`, `update` and `check` stays under twice the file plus
/// 16 MiB, and of `diff` and `merge` under four times both inputs plus 16 MiB, on the file
/// shapes that broke it. Each command is measured in a process of its own.
@Suite("Peak memory on pathological files", .serialized, .enabled(if: TestRun.stress, "a stress suite: set INSIGHTS_STRESS=1 to run it"))
struct PeakMemoryTests {
    static let slack = 16 << 20

    /// Runs within their bound by several MiB in the release binary (the product, which CI
    /// measures too, through `INSIGHTS_TEST_BINARY`) that come within a MiB of it in the
    /// debug binary, whose own code and runtime take about 7 MiB more: reported, not failed,
    /// when the debug binary is the one under test.
    static let closeInDebugBuild: Set<String> = ["78k subsections in 10 MB: read", "78k subsections in 10 MB: update"]
    static let testsDebugBuild = ProcessInfo.processInfo.environment["INSIGHTS_TEST_BINARY"]?.isEmpty ?? true

    /// Whether the run `key` is reported rather than failed when over its bound.
    static func isKnownOver(_ key: String) -> Bool {
        testsDebugBuild && closeInDebugBuild.contains(key)
    }

    @Test("list, read, update, check, diff and merge stay within their memory bound", arguments: MemoryShape.all)
    func bounded(_ shape: MemoryShape) throws {
        try withSandbox { sandbox in
            let text = shape.make(MemoryShape.megabytes)
            let file = try sandbox.write("insights.md", text)
            let changed = try sandbox.write("changed.md", text + "\n## Added\n\nnew\n")
            let size = text.utf8.count
            let sub = shape.sub.map { ["--sub", $0] } ?? []
            let single = 2 * size + Self.slack
            let double = 4 * 2 * size + Self.slack
            let runs: [(name: String, arguments: [String], limit: Int)] = [
                ("list", ["list", "--json", "--file", file], single),
                ("read", ["read", shape.section] + sub + ["--file", file], single),
                ("check", ["check", "--file", file], single),
                ("check --base-file", ["check", "--file", changed, "--base-file", file], double),
                ("diff", ["diff", file, changed], double),
                ("update", ["update", shape.section] + sub + ["--body", "new body", "--no-stamp", "--file", changed], single),
            ]
            for run in runs {
                let (status, peak) = try peakMemory(run.arguments)
                print("peak memory: \(shape.name): \(run.name): \(peak >> 20) MiB of \(run.limit >> 20) MiB allowed (exit \(status))")
                #expect(status < 64 || status == 65, "\(shape.name): \(run.name) exited \(status)")
                let key = "\(shape.name): \(run.name)"
                if Self.isKnownOver(key) {
                    withKnownIssue("\(key) is still over its bound", isIntermittent: true) {
                        #expect(peak <= run.limit, "\(key): \(peak >> 20) MiB")
                    }
                } else {
                    #expect(peak <= run.limit, "\(key): \(peak >> 20) MiB, over \(run.limit >> 20) MiB")
                }
            }
            // merge: base, ours (the changed file, rewritten in place) and theirs.
            let theirs = try sandbox.write("theirs.md", text + "\n## Theirs\n\nt\n")
            let (status, peak) = try peakMemory(["merge", file, changed, theirs])
            let limit = 4 * 3 * size + Self.slack
            print("peak memory: \(shape.name): merge: \(peak >> 20) MiB of \(limit >> 20) MiB allowed (exit \(status))")
            let key = "\(shape.name): merge"
            if Self.isKnownOver(key) {
                withKnownIssue("\(key) is still over its bound", isIntermittent: true) { #expect(peak <= limit) }
            } else {
                #expect(peak <= limit, "\(key): \(peak >> 20) MiB, over \(limit >> 20) MiB")
            }
        }
    }
}
#endif
