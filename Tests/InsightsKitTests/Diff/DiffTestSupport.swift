import Foundation
@testable import InsightsKit

/// Deterministic pseudo-random generator (SplitMix64) so failures can be replayed from the printed seed.
struct DiffTestRNG: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The seed for the randomized reference tests: `DIFF_TEST_SEED` from the environment, or a fixed default.
let diffTestSeed: UInt64 = {
    if let text = ProcessInfo.processInfo.environment["DIFF_TEST_SEED"], let value = UInt64(text) {
        return value
    }
    return 20_240_611
}()

/// Output and exit status of an external command.
struct DiffToolResult {
    var status: Int32
    var stdout: [UInt8]
}

/// Runs an external reference tool (GNU diff, patch, git) and captures its standard output.
func runDiffReferenceTool(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> DiffToolResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment {
        env[key] = value
    }
    process.environment = env
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return DiffToolResult(status: process.terminationStatus, stdout: [UInt8](data))
}

/// A fresh scratch directory for one test.
func makeDiffScratchDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("diffwork-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func writeDiffTestFile(_ bytes: [UInt8], _ name: String, in directory: URL) throws {
    try Data(bytes).write(to: directory.appendingPathComponent(name))
}

func readDiffTestFile(_ name: String, in directory: URL) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
}

/// Bytes as printable text for failure messages.
func showDiffBytes(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
        .replacingOccurrences(of: "\r", with: "\\r")
}

/// Builds a file from line texts, each ended with `ending`; the last line optionally without ending.
func makeDiffTestFile(_ texts: [String], ending: (Int) -> String, finalNewline: Bool) -> [UInt8] {
    var out: [UInt8] = []
    for (index, text) in texts.enumerated() {
        out.append(contentsOf: Array(text.utf8))
        if index < texts.count - 1 || finalNewline {
            out.append(contentsOf: Array(ending(index).utf8))
        }
    }
    return out
}

/// Random line-ending choice for a generated file: all LF, all CRLF, or mixed.
func randomDiffEndingStyle(using rng: inout DiffTestRNG) -> (Int) -> String {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0..<6:
        return { _ in "\n" }
    case 6..<8:
        return { _ in "\r\n" }
    default:
        let pattern = (0..<64).map { _ in Bool.random(using: &rng) }
        return { index in pattern[index % 64] ? "\r\n" : "\n" }
    }
}

/// Applies a few random line edits (insert, delete, replace) to `lines`.
func randomDiffEdits(of lines: [String], alphabet: [String], edits: Int, using rng: inout DiffTestRNG) -> [String] {
    var result = lines
    for _ in 0..<edits {
        let position = Int.random(in: 0...result.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            let count = Int.random(in: 1...3, using: &rng)
            result.insert(contentsOf: (0..<count).map { _ in alphabet.randomElement(using: &rng)! }, at: position)
        case 1:
            if position < result.count {
                let count = min(Int.random(in: 1...3, using: &rng), result.count - position)
                result.removeSubrange(position..<(position + count))
            }
        default:
            if position < result.count {
                result[position] = alphabet.randomElement(using: &rng)!
            }
        }
    }
    return result
}

/// Hunk ranges (0-based start, count) of a `-U0` unified diff from GNU diff or git.
func parseDiffZeroContextHunks(_ diff: [UInt8]) -> [[Int]] {
    var hunks: [[Int]] = []
    for line in Lines.splitAtLineFeed(diff) where line.starts(with: Array("@@ -".utf8)) {
        let text = String(decoding: line, as: UTF8.self)
        let fields = text.split(separator: " ")
        var hunk: [Int] = []
        for field in fields[1...2] {
            let parts = field.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
            let first = Int(parts[0])!
            let count = parts.count > 1 ? Int(parts[1])! : 1
            hunk.append(count == 0 ? first : first - 1)
            hunk.append(count)
        }
        hunks.append(hunk)
    }
    return hunks
}

/// Length of the longest common subsequence of two line arrays (quadratic; for small inputs only).
func diffTestLCS(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> Int {
    if a.isEmpty || b.isEmpty { return 0 }
    var previous = Array(repeating: 0, count: b.count + 1)
    var current = previous
    for i in 1...a.count {
        for j in 1...b.count {
            current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// Checks that `operations` is a valid edit script from `old` to `new`; returns the number of edits.
func checkDiffScript(_ operations: [DiffOperation], _ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> Int? {
    var oldIndex = 0, newIndex = 0, edits = 0
    for operation in operations {
        switch operation {
        case let .equal(o, n):
            guard o == oldIndex, n == newIndex, old[o] == new[n] else { return nil }
            oldIndex += 1
            newIndex += 1
        case let .delete(o):
            guard o == oldIndex else { return nil }
            oldIndex += 1
            edits += 1
        case let .insert(n):
            guard n == newIndex else { return nil }
            newIndex += 1
            edits += 1
        }
    }
    guard oldIndex == old.count, newIndex == new.count else { return nil }
    return edits
}
