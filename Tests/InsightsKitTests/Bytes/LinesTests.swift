import TestSupport
import Testing
@testable import InsightsKit

/// `Lines.split` walks the bytes with the line table's cursor: its lines are the line
/// table's lines, endings included, and the same as the byte-by-byte splitter the diff code
/// used before.
@Suite("Line splitter")
struct LinesTests {
    /// The diff code's former splitter, one byte at a time.
    static func reference(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == ASCII.cr, index < bytes.count, bytes[index] == ASCII.lf { index += 1 }
            if byte == ASCII.lf || byte == ASCII.cr {
                lines.append(bytes[start..<index])
                start = index
            }
        }
        if start < bytes.count { lines.append(bytes[start..<bytes.count]) }
        return lines
    }

    @Test("agrees with the line table and with a byte-by-byte split on random text")
    func randomText() {
        let seed = TestSeed.current(for: "line splitter")
        var random = SeededRandom(seed: seed)
        let alphabet: [UInt8] = [ASCII.lf, ASCII.cr, UInt8(ascii: "a"), UInt8(ascii: "b")]
        for index in 0..<500 {
            let bytes = (0..<random.int(0...40)).map { _ in random.pick(alphabet) }
            let lines = Lines.split(bytes)
            let table = LineTable(bytes)
            #expect(lines == Self.reference(bytes), "seed \(seed), case \(index)")
            #expect(lines == (0..<table.count).map { bytes[table.range(ofLine: $0)] }, "seed \(seed), case \(index)")
        }
    }

    @Test("splits at line feeds only when asked to, as GNU diff does")
    func lineFeedOnly() {
        let text = Array("a\r\nb\rc\n\nd".utf8)
        #expect(Lines.splitAtLineFeed(text).map { String(decoding: $0, as: UTF8.self) } == ["a\r\n", "b\rc\n", "\n", "d"])
        #expect(Lines.split(text).map { String(decoding: $0, as: UTF8.self) } == ["a\r\n", "b\r", "c\n", "\n", "d"])
        #expect(Lines.split([]).isEmpty && Lines.splitAtLineFeed([]).isEmpty)
    }
}
