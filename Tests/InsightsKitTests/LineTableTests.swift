import TestSupport
import Testing
@testable import InsightsKit

/// Lines are split at `\n`, `\r\n` and a lone `\r`, wherever they fall: the line table
/// agrees with a byte-by-byte split, also for line endings on either side of the points where
/// its search for `\r` starts again.
@Suite("Line table")
struct LineTableTests {
    /// Each line's start and content end, found one byte at a time.
    static func reference(_ bytes: [UInt8]) -> (starts: [Int], contentEnds: [Int]) {
        var starts: [Int] = []
        var ends: [Int] = []
        var position = 0
        while position < bytes.count {
            starts.append(position)
            while position < bytes.count, bytes[position] != ASCII.lf, bytes[position] != ASCII.cr { position += 1 }
            ends.append(position)
            if position < bytes.count {
                position += bytes[position] == ASCII.cr && position + 1 < bytes.count && bytes[position + 1] == ASCII.lf ? 2 : 1
            }
        }
        return (starts, ends)
    }

    @Test("agrees with a byte-by-byte split on random text with line endings near 64 KiB boundaries")
    func randomText() {
        let seed = TestSeed.current(for: "line table")
        var random = SeededRandom(seed: seed)
        for index in 0..<40 {
            let size = random.int(1...200_000)
            var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: size)
            // A few line endings anywhere, and some just around each multiple of 64 KiB.
            let endings: [[UInt8]] = [[ASCII.lf], [ASCII.cr], [ASCII.cr, ASCII.lf], [ASCII.lf, ASCII.cr]]
            var places = (0..<random.int(0...30)).map { _ in random.int(0...(size - 1)) }
            for boundary in stride(from: 65536, to: size, by: 65536) { places += (-3...3).map { boundary + $0 } }
            for place in places where place >= 0 && place < size {
                for (offset, byte) in random.pick(endings).enumerated() where place + offset < size {
                    bytes[place + offset] = byte
                }
            }
            let table = LineTable(bytes)
            let expected = Self.reference(bytes)
            #expect(Array(table.starts) == expected.starts && Array(table.contentEnds) == expected.contentEnds, "seed \(seed), case \(index)")
        }
    }
}
