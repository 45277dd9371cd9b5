import Foundation
import Testing
@testable import InsightsKit

/// Environment that isolates the reference git from user and system configuration (conflict style, etc.).
private func gitEnvironment(_ directory: URL) -> [String: String] {
    ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": directory.path]
}

/// Runs `git merge-file -p` on the files `ours`, `base`, `theirs` in `directory`.
private func gitMergeFile(markerSize: Int, in directory: URL) throws -> DiffToolResult {
    try runDiffReferenceTool(
        ["git", "merge-file", "-p", "--marker-size=\(markerSize)",
         "-L", "ours", "-L", "base", "-L", "theirs", "ours", "base", "theirs"],
        in: directory, environment: gitEnvironment(directory))
}

/// The changed regions git's own Myers diff finds between two files (as git merge-file sees them).
private func gitChanges(_ old: String, _ new: String, in directory: URL) throws -> [[Int]] {
    let result = try runDiffReferenceTool(
        ["git", "diff", "--no-index", "--no-indent-heuristic", "--diff-algorithm=myers", "--no-color",
         "--no-ext-diff", "-U0", old, new],
        in: directory, environment: gitEnvironment(directory))
    return parseDiffZeroContextHunks(result.stdout)
}

private func ourChanges(_ old: [UInt8], _ new: [UInt8]) -> [[Int]] {
    LineDiff.changes(Lines.split(old), Lines.split(new)).map { [$0.oldStart, $0.oldCount, $0.newStart, $0.newCount] }
}

private enum Comparison { case exact, differentAlignment }

/// Merges one triple with `merge3` and `git merge-file` and compares.
///
/// Required: identical bytes and conflict count (git's exit status). The only accepted exception is
/// when git's own diff of base→ours or base→theirs picks a different (equally short) alignment than
/// ours: then the merges start from different change sets and cannot be compared byte for byte;
/// such cases are counted and only checked for well-formed conflict blocks.
private func compareWithGit(
    base: [UInt8], ours: [UInt8], theirs: [UInt8], markerSize: Int,
    in directory: URL, label: String, allowDifferentAlignment: Bool = true
) throws -> (Comparison, MergeResult) {
    try writeDiffTestFile(base, "base", in: directory)
    try writeDiffTestFile(ours, "ours", in: directory)
    try writeDiffTestFile(theirs, "theirs", in: directory)
    let git = try gitMergeFile(markerSize: markerSize, in: directory)
    let mine = Merge3.merge(
        base: Lines.split(base), ours: Lines.split(ours), theirs: Lines.split(theirs),
        oursLabel: "ours", theirsLabel: "theirs", markerSize: markerSize)
    let markerLines = Lines.split(mine.bytes).filter {
        $0.starts(with: repeatElement(UInt8(ascii: "<"), count: markerSize)) && $0.dropFirst(markerSize).starts(with: Array(" ours".utf8))
    }
    #expect(markerLines.count == mine.conflicts, "\(label): conflict count does not match the conflict blocks")
    if mine.bytes == git.stdout && Int32(mine.conflicts) == git.status {
        return (.exact, mine)
    }
    let explained = allowDifferentAlignment
        ? (try gitChanges("base", "ours", in: directory) != ourChanges(base, ours)
            || gitChanges("base", "theirs", in: directory) != ourChanges(base, theirs))
        : false
    #expect(explained, """
        \(label): merge3 differs from git merge-file (git \(git.status) conflicts, merge3 \(mine.conflicts))
        BASE:\n\(showDiffBytes(base))\nOURS:\n\(showDiffBytes(ours))\nTHEIRS:\n\(showDiffBytes(theirs))
        MERGE3:\n\(showDiffBytes(mine.bytes))\nGIT:\n\(showDiffBytes(git.stdout))
        """)
    if ProcessInfo.processInfo.environment["DIFF_TEST_VERBOSE"] != nil {
        print("""
            \(label): different alignment; git base→ours \(try gitChanges("base", "ours", in: directory)) ours \(ourChanges(base, ours)); \
            git base→theirs \(try gitChanges("base", "theirs", in: directory)) ours \(ourChanges(base, theirs))
            BASE:\n\(showDiffBytes(base))\nOURS:\n\(showDiffBytes(ours))\nTHEIRS:\n\(showDiffBytes(theirs))\nMERGE3 (\(mine.conflicts)):\n\(showDiffBytes(mine.bytes))\nGIT (\(git.status)):\n\(showDiffBytes(git.stdout))
            """)
    }
    return (.differentAlignment, mine)
}

private struct MergeStats {
    var clean = 0, conflicting = 0, exact = 0, differentAlignment = 0
    mutating func add(_ comparison: Comparison, _ result: MergeResult) {
        if result.conflicts == 0 { clean += 1 } else { conflicting += 1 }
        if comparison == .exact { exact += 1 } else { differentAlignment += 1 }
    }
    var summary: String {
        "\(clean) clean, \(conflicting) conflicting; \(exact) byte-identical with the same conflict count, "
            + "\(differentAlignment) where git's own base→side diff aligns differently"
    }
}

/// Random triples: two random edits of a common base, sometimes theirs building on ours' edit
/// (so both sides share changes), with LF, CRLF or mixed endings and missing final newlines.
private func randomTriples(
    _ count: Int, seed: UInt64, baseLine: @escaping (inout DiffTestRNG, Int) -> String,
    pool: [String], in directory: URL, label: String
) throws -> MergeStats {
    var rng = DiffTestRNG(seed: seed)
    var stats = MergeStats()
    for caseNumber in 0..<count {
        let alphabet = Array(pool.shuffled(using: &rng).prefix(Int.random(in: 3...pool.count, using: &rng)))
        let baseTexts = (0..<Int.random(in: 0...14, using: &rng)).map { baseLine(&rng, $0) }
        let oursTexts = randomDiffEdits(of: baseTexts, alphabet: alphabet, edits: Int.random(in: 0...3, using: &rng), using: &rng)
        var theirsTexts = randomDiffEdits(of: baseTexts, alphabet: alphabet, edits: Int.random(in: 0...3, using: &rng), using: &rng)
        if Int.random(in: 0..<6, using: &rng) == 0 {
            theirsTexts = randomDiffEdits(of: oursTexts, alphabet: alphabet, edits: Int.random(in: 0...1, using: &rng), using: &rng)
        }
        let style = randomDiffEndingStyle(using: &rng)
        func file(_ texts: [String]) -> [UInt8] {
            makeDiffTestFile(texts, ending: style, finalNewline: Int.random(in: 0..<5, using: &rng) != 0)
        }
        let base = file(baseTexts), ours = file(oursTexts), theirs = file(theirsTexts)
        let markerSize = [7, 7, 7, 3, 10].randomElement(using: &rng)!
        let (comparison, result) = try compareWithGit(
            base: base, ours: ours, theirs: theirs, markerSize: markerSize,
            in: directory, label: "\(label) case \(caseNumber)")
        stats.add(comparison, result)
    }
    return stats
}

@Test func merge3MatchesGitMergeFileOnRandomTriples() throws {
    let directory = try makeDiffScratchDirectory("merge")
    defer { try? FileManager.default.removeItem(at: directory) }
    let tokens = ["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "}", "", "--", "x1"]

    // Mostly distinct base lines: alignments are rarely ambiguous (only through repeated inserted tokens).
    let distinctCases = 250
    let distinct = try randomTriples(
        distinctCases, seed: diffTestSeed &+ 1,
        baseLine: { rng, index in Int.random(in: 0..<8, using: &rng) == 0 ? "}" : "line \(index)" },
        pool: tokens, in: directory, label: "distinct")
    #expect(distinct.differentAlignment * 50 <= distinctCases)

    // Lines from a tiny alphabet: many equally short alignments exist.
    let tinyCases = 350
    let tiny = try randomTriples(
        tinyCases, seed: diffTestSeed &+ 2,
        baseLine: { rng, _ in tokens.prefix(6).randomElement(using: &rng)! },
        pool: Array(tokens.prefix(6)), in: directory, label: "tiny")
    #expect(tiny.differentAlignment * 20 <= tinyCases)

    print("merge3 vs git merge-file \(gitVersion): seed \(diffTestSeed &+ 1), \(distinctCases) triples with distinct base lines: \(distinct.summary)")
    print("merge3 vs git merge-file \(gitVersion): seed \(diffTestSeed &+ 2), \(tinyCases) triples from a tiny alphabet: \(tiny.summary)")
}

private let gitVersion: String = {
    guard let result = try? runDiffReferenceTool(["git", "--version"], in: URL(fileURLWithPath: "/")) else { return "" }
    return String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}()

@Test func merge3MatchesGitMergeFileOnHandWrittenCases() throws {
    let directory = try makeDiffScratchDirectory("merge-hand")
    defer { try? FileManager.default.removeItem(at: directory) }
    let numbered = (1...12).map { "line \($0)\n" }
    func numberedWith(_ changes: [Int: String]) -> String {
        numbered.enumerated().map { changes[$0.offset] ?? $0.element }.joined()
    }
    // (base, ours, theirs)
    let triples: [(String, String, String)] = [
        ("", "", ""),
        ("", "", "a\n"),
        ("", "a\n", ""),
        ("", "a\n", "b\n"),
        ("a\nb\n", "a\nb\n", "a\nb\n"),
        ("a\nb\n", "a\nB\n", "a\nB\n"),
        ("a\nb\n", "", "a\nb\n"),
        ("a\nb\n", "", "a\nB\n"),
        ("a\nb\n", "a\nb", "a\nb\n"),
        ("a\nb\n", "a\nb", "a\nb"),
        ("a\nb", "a\nb\n", "a\nc"),
        ("a\nb\n", "a\nx", "a\ny\n"),
        ("a\nb\n", "a\nx", "a\ny"),
        ("a\r\nb\r\nc\r\n", "a\r\nX\r\nc\r\n", "a\r\nY\r\nc\r\n"),
        ("a\nb\nc\n", "a\r\nX\r\nc\r\n", "a\nY\nc\n"),
        ("a\r\nb\r\n", "a\r\nX", "a\r\nY"),
        ("a\nb\nc\n", "A\nb\nc\n", "a\nB\nc\n"),
        ("a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n"),
        ("a\nb\nc\n", "a\nc\n", "a\nB\nc\n"),
        ("a\nb\nc\n", "a\nb\nc\nours\n", "a\nb\nc\ntheirs"),
        ("a\nc\n", "a\nx\nc\n", "a\ny\nc\n"),
        (numbered.joined(), numberedWith([3: "four\n", 5: "six\n"]), numberedWith([3: "FOUR\n", 5: "SIX\n"])),
        (numbered.joined(),
         numberedWith([2: "x\n", 3: "same 1\n", 4: "same 2\n", 5: "same 3\n", 6: "same 4\n", 7: "y\n"]),
         numberedWith([2: "X\n", 3: "same 1\n", 4: "same 2\n", 5: "same 3\n", 6: "same 4\n", 7: "Y\n"])),
        (numbered.joined(),
         numberedWith([2: "x\n", 3: "}\n", 4: "\n", 5: "--\n", 6: "}\n", 7: "y\n"]),
         numberedWith([2: "X\n", 3: "}\n", 4: "\n", 5: "--\n", 6: "}\n", 7: "Y\n"])),
        (numbered.joined(), numberedWith([0: "", 11: ""]), numberedWith([0: "first\n"])),
    ]
    var compared = 0, conflicting = 0
    for (index, triple) in triples.enumerated() {
        for markerSize in [7, 3, 12] {
            let (comparison, result) = try compareWithGit(
                base: Array(triple.0.utf8), ours: Array(triple.1.utf8), theirs: Array(triple.2.utf8),
                markerSize: markerSize, in: directory, label: "hand case \(index) marker \(markerSize)",
                allowDifferentAlignment: false)
            #expect(comparison == .exact)
            compared += 1
            if result.conflicts > 0 { conflicting += 1 }
        }
    }
    print("merge3 hand-written cases: \(compared) comparisons with git merge-file (\(conflicting) conflicting), all byte-identical")
}

@Test func merge3ConflictBlockFormat() {
    func merge(_ base: String, _ ours: String, _ theirs: String, markerSize: Int = 7) -> (String, Int) {
        let result = Merge3.merge(
            base: Lines.split(Array(base.utf8)), ours: Lines.split(Array(ours.utf8)),
            theirs: Lines.split(Array(theirs.utf8)), oursLabel: "mine", theirsLabel: "yours", markerSize: markerSize)
        return (String(decoding: result.bytes, as: UTF8.self), result.conflicts)
    }
    #expect(merge("a\nb\nc\n", "a\nX\nc\n", "a\nY\nc\n") == ("a\n<<<<<<< mine\nX\n=======\nY\n>>>>>>> yours\nc\n", 1))
    // A side without final newline gets one before the next marker.
    #expect(merge("a\nb\n", "a\nX", "a\nY") == ("a\n<<<<<<< mine\nX\n=======\nY\n>>>>>>> yours\n", 1))
    #expect(merge("a\nb\n", "a\nX", "a\nY", markerSize: 3) == ("a\n<<< mine\nX\n===\nY\n>>> yours\n", 1))
    // CRLF files get CRLF marker lines.
    #expect(merge("a\r\nb\r\n", "a\r\nX\r\n", "a\r\nY\r\n")
        == ("a\r\n<<<<<<< mine\r\nX\r\n=======\r\nY\r\n>>>>>>> yours\r\n", 1))
    // One-sided and identical changes merge cleanly.
    #expect(merge("a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n") == ("A\nb\nC\n", 0))
    #expect(merge("a\nb\n", "a\nB\n", "a\nB\n") == ("a\nB\n", 0))
    #expect(merge("", "", "") == ("", 0))
    #expect(merge("a\n", "a\n", "") == ("", 0))
}
