import Testing
@testable import InsightsKit

private func lines(_ text: String) -> [ArraySlice<UInt8>] {
    Lines.split(Array(text.utf8))
}

private func texts(_ lines: [ArraySlice<UInt8>]) -> [String] {
    lines.map { String(decoding: $0, as: UTF8.self) }
}

@Test func splitLinesKeepsEndings() {
    #expect(texts(lines("")) == [])
    #expect(texts(lines("a")) == ["a"])
    #expect(texts(lines("a\n")) == ["a\n"])
    #expect(texts(lines("a\r\nb\rc\n\nd")) == ["a\r\n", "b\r", "c\n", "\n", "d"])
    #expect(texts(lines("\r\r\n\n")) == ["\r", "\r\n", "\n"])
    #expect(texts(lines("x\r")) == ["x\r"])
    let sample = Array("one\r\ntwo\rthree\nfour".utf8)
    #expect(Array(Lines.split(sample).joined()) == sample)
}

@Test func diffLinesEdgeCases() {
    #expect(LineDiff.diff([], []) == [])
    #expect(LineDiff.diff([], lines("a\nb\n")) == [.insert(new: 0), .insert(new: 1)])
    #expect(LineDiff.diff(lines("a\nb\n"), []) == [.delete(old: 0), .delete(old: 1)])
    #expect(LineDiff.diff(lines("a\nb\n"), lines("a\nb\n")) == [.equal(old: 0, new: 0), .equal(old: 1, new: 1)])
    // Only the final newline differs: the last line is replaced.
    #expect(LineDiff.diff(lines("a\nb"), lines("a\nb\n")) == [.equal(old: 0, new: 0), .delete(old: 1), .insert(new: 1)])
    // CRLF and LF lines are different lines.
    #expect(LineDiff.diff(lines("a\r\n"), lines("a\n")) == [.delete(old: 0), .insert(new: 0)])
    // Deletions come before insertions inside a changed region.
    #expect(LineDiff.diff(lines("a\nx\nb\n"), lines("a\ny\nb\n"))
        == [.equal(old: 0, new: 0), .delete(old: 1), .insert(new: 1), .equal(old: 2, new: 2)])
    // An ambiguous insertion slides down as far as it can, like GNU diff and git.
    #expect(LineDiff.diff(lines("a\na\n"), lines("a\na\na\n"))
        == [.equal(old: 0, new: 0), .equal(old: 1, new: 1), .insert(new: 2)])
}

@Test func diffLinesIsMinimalOnLargerRandomInput() {
    var rng = DiffTestRNG(seed: diffTestSeed &+ 3)
    for _ in 0..<40 {
        let alphabet = ["a\n", "b\n", "c\n"]
        let old = (0..<Int.random(in: 0...120, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        let new = randomDiffEdits(of: old, alphabet: alphabet, edits: Int.random(in: 0...30, using: &rng), using: &rng)
        let oldLines = lines(old.joined()), newLines = lines(new.joined())
        let edits = checkDiffScript(LineDiff.diff(oldLines, newLines), oldLines, newLines)
        #expect(edits == oldLines.count + newLines.count - 2 * diffTestLCS(oldLines, newLines))
    }
}

@Test func diffLinesHandlesLargeInputQuickly() {
    // 20,000 lines with scattered edits: linear space, near-linear time when the files are similar.
    let old = (0..<20_000).map { "line \($0)\n" }
    var new = old
    for index in stride(from: 17, to: new.count, by: 997) {
        new[index] = "changed \(index)\n"
    }
    new.insert("inserted\n", at: 5_000)
    let oldLines = lines(old.joined()), newLines = lines(new.joined())
    let operations = LineDiff.diff(oldLines, newLines)
    #expect(checkDiffScript(operations, oldLines, newLines) == 2 * 21 + 1)
}

@Test func diffLinesPastTheCostCapStaysCorrect() {
    // Edits far beyond the search's cost cap: the script is still a valid script from old to
    // new (checkDiffScript replays it), lines found on one side only are changed, and a
    // section whose lines all differ is all deleted and all inserted.
    var rng = DiffTestRNG(seed: diffTestSeed &+ 5)
    let count = 1_200
    let old = (0..<count).map { "line \($0)\n" }
    let allDifferent = (0..<count).map { "other \($0)\n" }
    let halfRandom = old.map { Bool.random(using: &rng) ? $0 : "new \(Int.random(in: 0..<1_000_000, using: &rng))\n" }
    let cases: [(String, [String])] = [
        ("all different", allDifferent), ("reversed", old.reversed()), ("half replaced", halfRandom),
        ("shuffled", old.shuffled(using: &rng)), ("few letters", (0..<count).map { _ in ["a\n", "b\n", "c\n"].randomElement(using: &rng)! }),
    ]
    for (name, new) in cases {
        let oldLines = lines(old.joined()), newLines = lines(new.joined())
        let checked = checkDiffScript(LineDiff.diff(oldLines, newLines), oldLines, newLines)
        #expect(checked != nil, "\(name): the script does not turn old into new")
        let edits = checked ?? -1
        let shortest = oldLines.count + newLines.count - 2 * diffTestLCS(oldLines, newLines)
        #expect(edits >= shortest, "\(name)")
        if name == "all different" || name == "half replaced" { #expect(edits == shortest, "\(name): \(edits) edits, \(shortest) at least") }
        print("diff past the cost cap: \(name): \(edits) edits, \(shortest) at least")
    }
}
