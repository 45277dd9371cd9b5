/// The lines of a byte buffer: where each starts, where its content ends and where its line
/// ending ends. `\n`, `\r\n` and a lone `\r` each end a line, as in CommonMark. Built in one
/// pass; line numbers in messages are derived from it.
///
/// A table costs little more than a byte per line, whatever the file: each line is one
/// variable-length number (its length, line ending included, and its line ending's length),
/// one byte for a line under 32 bytes and two under 4 KiB; every 16th line's start is kept
/// whole, so a line is found from the last of those by adding at most 15 lengths.
package struct LineTable: Sendable, Equatable {
    /// Per line, `length << 2 | lineEndingLength` in 7-bit groups, low group first, each
    /// but the last with its top bit set.
    private var encoded: [UInt8] = []
    /// For every 16th line (line `16 * k` in slot `k`): where it starts, and where its
    /// number starts in `encoded`.
    private var checkpoints: [Checkpoint] = []
    /// The number of lines.
    package private(set) var count = 0
    /// Total byte count of the buffer.
    package let byteCount: Int

    private struct Checkpoint: Sendable, Equatable {
        var start: UInt32
        var position: UInt32
    }

    /// Lines per checkpoint.
    private static let stride = 16

    /// Splits `bytes` into lines. An empty buffer has no lines; a final line ending does not
    /// open another line.
    package init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { LineTable($0) }
    }

    /// Splits `bytes` into lines, finding line endings with `memchr`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.init(windowOver: bytes.count)
        guard let base = bytes.baseAddress else { return }
        var cursor = LineCursor(base: base, count: bytes.count)
        while add(from: &cursor) {}
    }

    /// A table of a buffer of `byteCount` bytes with no line yet, for a scan that adds the
    /// lines as it finds them (`append`) and empties it when it is done with them
    /// (`removeAll`): it then holds a window of the buffer's lines, whose index the scan keeps.
    /// Room for the whole buffer is reserved: a line's number never takes more bytes than the
    /// line, and room never written to takes no memory, so the table never has to be copied
    /// to grow.
    init(windowOver byteCount: Int) {
        self.byteCount = byteCount
        encoded.reserveCapacity(byteCount + 8)
        checkpoints.reserveCapacity(byteCount / Self.stride + 2)
    }

    /// Adds the next line from `cursor`; false when it had none left.
    @inline(__always)
    private mutating func add(from cursor: inout LineCursor) -> Bool {
        guard let line = cursor.next() else { return false }
        // The cursor's position is one past the end after a final lone `\r`.
        let end = min(cursor.position, byteCount)
        if count % Self.stride == 0 {
            checkpoints.append(Checkpoint(start: UInt32(truncatingIfNeeded: line.start), position: UInt32(truncatingIfNeeded: encoded.count)))
        }
        var value = (end - line.start) << 2 | (end - line.contentEnd)
        while value >= 0x80 {
            encoded.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        encoded.append(UInt8(truncatingIfNeeded: value))
        count += 1
        return true
    }

    /// Adds up to 256 more lines from `cursor`; false when it had none left.
    mutating func append(from cursor: inout LineCursor) -> Bool {
        var added = 0
        while added < 256, add(from: &cursor) { added += 1 }
        return added > 0
    }

    /// Removes every line, keeping the room they took.
    mutating func removeAll() {
        encoded.removeAll(keepingCapacity: true)
        checkpoints.removeAll(keepingCapacity: true)
        count = 0
    }

    /// Line `index`: where it starts, where its content ends and where its line ending ends.
    @inline(__always)
    package func line(_ index: Int) -> (start: Int, contentEnd: Int, end: Int) {
        precondition(index >= 0 && index < count, "line index out of range")
        let checkpoint = checkpoints[index / Self.stride]
        var start = Int(checkpoint.start)
        var position = Int(checkpoint.position)
        var remaining = index % Self.stride
        while true {
            let value = number(at: &position)
            let end = start + value >> 2
            if remaining == 0 { return (start, end - value & 3, end) }
            start = end
            remaining -= 1
        }
    }

    /// The number of the line at `position` in `encoded` (`length << 2 | lineEndingLength`);
    /// moves `position` past it.
    @inline(__always)
    private func number(at position: inout Int) -> Int {
        var byte = encoded[position]
        var value = Int(byte & 0x7F)
        var shift = 7
        while byte & 0x80 != 0 {
            position += 1
            byte = encoded[position]
            value |= Int(byte & 0x7F) << shift
            shift += 7
        }
        position += 1
        return value
    }

    /// Lines `range` in order, each found from the one before it by reading one length,
    /// where `line(_:)` reads up to 16 from a checkpoint.
    package func walk(_ range: Range<Int>) -> Walk {
        Walk(table: self, range: range)
    }

    /// Lines of a table in order: each line's index, start, content end and end.
    package struct Walk: Sequence, IteratorProtocol {
        let table: LineTable
        private var index: Int
        private let endIndex: Int
        private var start = 0
        private var position = 0

        init(table: LineTable, range: Range<Int>) {
            self.table = table
            index = range.lowerBound
            endIndex = Swift.min(range.upperBound, table.count)
            guard index < endIndex else { return }
            let checkpoint = table.checkpoints[index / LineTable.stride]
            start = Int(checkpoint.start)
            position = Int(checkpoint.position)
            for _ in 0..<(index % LineTable.stride) { start += table.number(at: &position) >> 2 }
        }

        /// The next line.
        @inline(__always)
        package mutating func next() -> (index: Int, start: Int, contentEnd: Int, end: Int)? {
            guard index < endIndex else { return nil }
            let value = table.number(at: &position)
            let line = (index: index, start: start, contentEnd: start + value >> 2 - value & 3, end: start + value >> 2)
            start = line.end
            index += 1
            return line
        }
    }

    /// Where each line starts.
    package var starts: Column { Column(table: self, part: .start) }
    /// Where each line's content ends (its line ending excluded).
    package var contentEnds: Column { Column(table: self, part: .contentEnd) }

    /// One number per line, read from the table.
    package struct Column: RandomAccessCollection, Sendable {
        enum Part: Sendable { case start, contentEnd }
        let table: LineTable
        let part: Part
        /// The first line.
        package var startIndex: Int { 0 }
        /// The number of lines.
        package var endIndex: Int { table.count }
        /// The number of line `index`.
        package subscript(index: Int) -> Int {
            let line = table.line(index)
            return part == .start ? line.start : line.contentEnd
        }
    }

    /// Byte offset just past line `index`'s line ending (the start of the next line).
    package func end(ofLine index: Int) -> Int {
        line(index).end
    }

    /// The byte range of line `index` including its line ending.
    package func range(ofLine index: Int) -> Range<Int> {
        let line = line(index)
        return line.start..<line.end
    }

    /// The 0-based index of the line that contains byte `offset` (the last line for the end).
    package func line(containing offset: Int) -> Int {
        guard count > 0 else { return 0 }
        let slot = max(0, checkpoints.partitioningIndex { Int($0.start) > offset } - 1)
        var index = slot * Self.stride
        while index + 1 < count, line(index).end <= offset { index += 1 }
        return index
    }
}

/// Walks the lines of a buffer. The next `\n` is searched with `memchr` again only once the
/// cursor has passed it, and so is the next `\r`, but a chunk at a time (a buffer without
/// one is not searched to its end at the first line): linear in the buffer whatever its line
/// endings.
struct LineCursor {
    let base: UnsafePointer<UInt8>
    let count: Int
    private var lineStart = 0
    private var nextLF = -1
    /// The next `\r` at or after the line's start, or the end of the part searched when that
    /// has none (a byte that is not `\r`).
    private var nextCR = -1
    /// The last `\n` and the last `\r` passed (each ending a line, or in a `\r\n`).
    private var lastLF = -1
    private var lastCR = -1
    /// How far one search for `\r` goes.
    private static let chunk = 64 * 1024

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// The next line's start and the end of its content, or nil after the last line.
    @inline(__always)
    mutating func next() -> (start: Int, contentEnd: Int)? {
        guard lineStart < count else { return nil }
        if nextLF < lineStart { nextLF = find(ASCII.lf, from: lineStart, to: count) }
        while nextCR < lineStart || (nextCR < nextLF && base[nextCR] != ASCII.cr) {
            let from = max(nextCR, lineStart)
            nextCR = find(ASCII.cr, from: from, to: min(count, from + Self.chunk))
        }
        let start = lineStart
        if nextCR < nextLF {
            // A `\r` ends the line, and `\r\n` is one line ending.
            lastCR = nextCR
            if nextLF == nextCR + 1 {
                lastLF = nextLF
                lineStart = nextLF + 1
            } else {
                lineStart = nextCR + 1
            }
            return (start, nextCR)
        }
        lastLF = nextLF
        lineStart = nextLF == count ? count : nextLF + 1
        return (start, nextLF)
    }

    /// Where the next line starts.
    var position: Int { lineStart }

    /// A cursor at `offset`, a line's start at or before this one's: what this cursor knows of
    /// where the next `\n` or `\r` is holds from there too when it passed no such byte since,
    /// and otherwise the search from `offset` stops at the one it passed. Either way, starting
    /// again costs no more than the lines found again.
    func restarted(at offset: Int) -> LineCursor {
        var cursor = LineCursor(base: base, count: count)
        cursor.lineStart = offset
        if lastLF < offset { cursor.nextLF = nextLF }
        if lastCR < offset { cursor.nextCR = nextCR }
        return cursor
    }

    /// The offset of the first `byte` in `start..<end`, or `end`.
    @inline(__always)
    private func find(_ byte: UInt8, from start: Int, to end: Int) -> Int {
        guard start < end else { return end }
        return POSIX.firstOffset(of: byte, in: base, from: start, to: end) ?? end
    }
}
