import Foundation
import Testing
@testable import InsightsKit

/// Counts `-` and `+` lines in a unified diff body (excluding the `---`/`+++` header).
func diffChangedLineCount(_ diff: [UInt8]) -> Int {
    var count = 0
    for line in Lines.splitAtLineFeed(diff).dropFirst(2) {
        if let first = line.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            count += 1
        }
    }
    return count
}

/// Compares `unifiedDiff` for one pair of files against GNU diff.
///
/// Returns whether the output equals plain `diff -U n` byte for byte. Always required: equality with
/// `diff -d -U n` (GNU diff's minimal mode, the same contract as `diffLines`). When plain `diff -U n`
/// differs (its heuristic that discards frequent lines can pick another alignment), `patch` must turn
/// `old` into `new` with our diff, and our number of changed lines must not exceed plain GNU diff's
/// (it is equal unless the heuristic made GNU's diff longer than minimal; returned as `longer`).
private func compareWithGNUDiff(
    old: [UInt8], new: [UInt8], context: Int, in directory: URL, label: String
) throws -> (exact: Bool, longer: Bool) {
    try writeDiffTestFile(old, "old", in: directory)
    try writeDiffTestFile(new, "new", in: directory)
    let mine = UnifiedDiff.make(old: old, new: new, oldLabel: "OLD", newLabel: "NEW", context: context)
    let labels = ["--label", "OLD", "--label", "NEW", "old", "new"]
    let minimal = try runDiffReferenceTool(["diff", "-d", "-U", "\(context)"] + labels, in: directory)
    #expect(minimal.status == (old == new ? 0 : 1))
    #expect(mine == minimal.stdout, "\(label): unifiedDiff differs from diff -d -U \(context)\nOLD:\n\(showDiffBytes(old))\nNEW:\n\(showDiffBytes(new))\nMINE:\n\(showDiffBytes(mine))\nGNU:\n\(showDiffBytes(minimal.stdout))")
    let plain = try runDiffReferenceTool(["diff", "-U", "\(context)"] + labels, in: directory)
    if mine == plain.stdout {
        return (true, false)
    }
    #expect(diffChangedLineCount(mine) <= diffChangedLineCount(plain.stdout), "\(label): more changed lines than diff -U \(context)")
    try writeDiffTestFile(mine, "mine.diff", in: directory)
    let patched = try runDiffReferenceTool(["patch", "--binary", "--quiet", "-o", "patched", "old", "mine.diff"], in: directory)
    #expect(patched.status == 0, "\(label): patch rejected our diff")
    #expect(try readDiffTestFile("patched", in: directory) == new, "\(label): patch with our diff does not reproduce new")
    return (false, diffChangedLineCount(mine) < diffChangedLineCount(plain.stdout))
}

@Test func unifiedDiffMatchesGNUDiffOnRandomFiles() throws {
    let directory = try makeDiffScratchDirectory("udiff")
    defer { try? FileManager.default.removeItem(at: directory) }
    var rng = DiffTestRNG(seed: diffTestSeed)
    let cases = 400
    var identical = 0, exactPlain = 0, gnuLonger = 0
    for caseNumber in 0..<cases {
        let alphabet = Array(["a", "b", "c", "d", "e"].prefix(Int.random(in: 2...5, using: &rng)))
        let oldTexts = (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        let newTexts = Int.random(in: 0..<10, using: &rng) < 7
            ? randomDiffEdits(of: oldTexts, alphabet: alphabet, edits: Int.random(in: 0...4, using: &rng), using: &rng)
            : (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        let oldStyle = randomDiffEndingStyle(using: &rng)
        let newStyle = Int.random(in: 0..<4, using: &rng) == 0 ? randomDiffEndingStyle(using: &rng) : oldStyle
        let old = makeDiffTestFile(oldTexts, ending: oldStyle, finalNewline: Int.random(in: 0..<4, using: &rng) != 0)
        let new = makeDiffTestFile(newTexts, ending: newStyle, finalNewline: Int.random(in: 0..<4, using: &rng) != 0)
        let context = [0, 1, 2, 3, 3, 3, 5].randomElement(using: &rng)!
        if old == new { identical += 1 }
        let outcome = try compareWithGNUDiff(old: old, new: new, context: context, in: directory, label: "case \(caseNumber)")
        if outcome.exact { exactPlain += 1 }
        if outcome.longer { gnuLonger += 1 }

        // diffLines itself: a valid script whose size is the true minimum (n + m - 2 LCS).
        let oldLines = Lines.split(old), newLines = Lines.split(new)
        let edits = checkDiffScript(LineDiff.diff(oldLines, newLines), oldLines, newLines)
        #expect(edits == oldLines.count + newLines.count - 2 * diffTestLCS(oldLines, newLines),
                "case \(caseNumber): diffLines script invalid or not minimal")
    }
    print("unifiedDiff vs GNU diff 3.8: seed \(diffTestSeed), \(cases) random cases (\(identical) identical): "
        + "\(cases) byte-identical to diff -d -U n, \(exactPlain) byte-identical to plain diff -U n, "
        + "\(cases - exactPlain) checked with patch + changed-line count "
        + "(equal count in \(cases - exactPlain - gnuLonger), plain GNU diff longer than minimal in \(gnuLonger))")
}

@Test func unifiedDiffMatchesGNUDiffOnHandWrittenCases() throws {
    let directory = try makeDiffScratchDirectory("udiff-hand")
    defer { try? FileManager.default.removeItem(at: directory) }
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    let numbered = (1...30).map { "line \($0)\n" }
    func edited(_ changes: [Int: String]) -> String {
        numbered.enumerated().map { changes[$0.offset] ?? $0.element }.joined()
    }
    let pairs: [(String, String)] = [
        ("", ""),
        ("a\n", "a\n"),
        ("", "a\nb\n"),
        ("a\nb\n", ""),
        ("", "a"),
        ("a", ""),
        ("a", "a\n"),
        ("a\n", "a"),
        ("a\nb\nc", "a\nb\nc\n"),
        ("a\nb", "a\nc"),
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n"),
        ("a\rb\n", "a\rc\n"),
        ("x\r", "x\r\n"),
        ("\n\n\n", "\n\n"),
        ("  \n\t\n", " \n\t\n"),
        ("héllo\nwörld\n", "héllo\nwelt\n"),
        (numbered.joined(), edited([2: "two\n", 25: "twenty-six\n"])),
        (numbered.joined(), edited([5: "six\n", 12: "thirteen\n"])),
        (numbered.joined(), edited([5: "six\n", 11: "twelve\n"])),
        (numbered.joined(), edited([0: "", 29: ""])),
        (numbered.joined(), numbered.reversed().joined()),
    ]
    var exactPlain = 0, compared = 0
    for (index, pair) in pairs.enumerated() {
        for context in [0, 1, 3, 10] {
            compared += 1
            let outcome = try compareWithGNUDiff(
                old: bytes(pair.0), new: bytes(pair.1), context: context, in: directory,
                label: "hand case \(index) -U \(context)")
            if outcome.exact { exactPlain += 1 }
        }
    }
    print("unifiedDiff hand-written cases: \(compared) comparisons, all byte-identical to diff -d; \(exactPlain) byte-identical to plain diff")
    #expect(UnifiedDiff.make(old: [], new: [], oldLabel: "a", newLabel: "b").isEmpty)
    #expect(UnifiedDiff.make(old: bytes("same\n"), new: bytes("same\n"), oldLabel: "a", newLabel: "b").isEmpty)
}

/// `unifiedHunks` of a section, shifted by the lines before it, equals GNU diff's hunks for the whole file.
@Test func unifiedHunksWithOffsetsMatchWholeFileDiff() throws {
    let directory = try makeDiffScratchDirectory("hunks")
    defer { try? FileManager.default.removeItem(at: directory) }
    var rng = DiffTestRNG(seed: diffTestSeed &+ 7)
    let cases = 60
    for caseNumber in 0..<cases {
        let before = (0..<Int.random(in: 0...6, using: &rng)).map { "# head \($0)\n" }
        let after = (0..<Int.random(in: 1...6, using: &rng)).map { "# tail \($0)\n" }
        let alphabet = ["- item a\n", "- item b\n", "text\n", "\n"]
        let oldSection = (0..<Int.random(in: 0...10, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        let newSection = randomDiffEdits(of: oldSection, alphabet: alphabet, edits: Int.random(in: 1...3, using: &rng), using: &rng)
        let old = Array((before + oldSection + after).joined().utf8)
        let new = Array((before + newSection + after).joined().utf8)
        try writeDiffTestFile(old, "old", in: directory)
        try writeDiffTestFile(new, "new", in: directory)
        let gnu = try runDiffReferenceTool(["diff", "-d", "-U", "0", "--label", "OLD", "--label", "NEW", "old", "new"], in: directory)
        let body = Array(Lines.splitAtLineFeed(gnu.stdout).dropFirst(2).joined())
        let mine = UnifiedDiff.hunks(
            old: Lines.split(Array(oldSection.joined().utf8)), new: Lines.split(Array(newSection.joined().utf8)),
            context: 0, oldLineOffset: before.count, newLineOffset: before.count)
        #expect(mine == body, "case \(caseNumber)\nMINE:\n\(showDiffBytes(mine))\nGNU:\n\(showDiffBytes(body))")
    }
    // Without offsets the hunks are exactly the body of unifiedDiff.
    let old = Array("a\nb\nc\nd\n".utf8), new = Array("a\nB\nc\nd\ne\n".utf8)
    let whole = UnifiedDiff.make(old: old, new: new, oldLabel: "x", newLabel: "y")
    #expect(Array(whole.dropFirst(12)) == UnifiedDiff.hunks(old: Lines.split(old), new: Lines.split(new)))
    #expect(showDiffBytes(UnifiedDiff.hunks(old: Lines.split(old), new: Lines.split(new), context: 1, oldLineOffset: 10, newLineOffset: 20))
        == "@@ -11,4 +21,5 @@\n a\n-b\n+B\n c\n d\n+e\n")
    print("unifiedHunks with offsets: \(cases) random sections compared with diff -d -U 0 of the whole file")
}
