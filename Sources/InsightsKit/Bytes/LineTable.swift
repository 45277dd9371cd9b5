/// The lines of a byte buffer: where each starts, where its content ends and where its line
/// ending ends. `\n`, `\r\n` and a lone `\r` each end a line, as in CommonMark. Built in one
/// pass; line numbers in messages are derived from it.
package struct LineTable: Sendable, Equatable {
    /// Byte offset where each line starts.
    package private(set) var starts: [Int]
    /// Byte offset where each line's content ends (its line ending excluded).
    package private(set) var contentEnds: [Int]
    /// Total byte count of the buffer.
    package let byteCount: Int

    /// Splits `bytes` into lines. An empty buffer has no lines; a final line ending does not
    /// open another line.
    package init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { LineTable($0) }
    }

    /// Splits `bytes` into lines, finding line endings with `memchr`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        byteCount = bytes.count
        guard bytes.count > 0, let base = bytes.baseAddress else {
            starts = []
            contentEnds = []
            return
        }
        var cursor = LineCursor(base: base, count: bytes.count)
        // Filled in place up to an estimate (markdown lines are rarely shorter on average),
        // then by appending.
        let estimate = bytes.count / 16 + 16
        var ends: [Int] = []
        starts = [Int](unsafeUninitializedCapacity: estimate) { startBuffer, startCount in
            HugePages.advise(UnsafeMutableRawPointer(startBuffer.baseAddress), count: estimate * MemoryLayout<Int>.stride)
            ends = [Int](unsafeUninitializedCapacity: estimate) { endBuffer, endCount in
                HugePages.advise(UnsafeMutableRawPointer(endBuffer.baseAddress), count: estimate * MemoryLayout<Int>.stride)
                while startCount < estimate, let line = cursor.next() {
                    startBuffer[startCount] = line.start
                    endBuffer[startCount] = line.contentEnd
                    startCount += 1
                }
                endCount = startCount
                let used = startCount * MemoryLayout<Int>.stride
                HugePages.releaseTail(UnsafeMutableRawPointer(startBuffer.baseAddress), used: used, count: estimate * MemoryLayout<Int>.stride)
                HugePages.releaseTail(UnsafeMutableRawPointer(endBuffer.baseAddress), used: used, count: estimate * MemoryLayout<Int>.stride)
            }
        }
        while let line = cursor.next() {
            starts.append(line.start)
            ends.append(line.contentEnd)
        }
        contentEnds = ends
    }

    /// A table of a buffer of `byteCount` bytes with no line yet, for a scan that adds the
    /// lines as it finds them (`append`) and empties it when it is done with them
    /// (`removeAll`): it then holds a window of the buffer's lines, whose index the scan keeps.
    init(windowOver byteCount: Int) {
        self.byteCount = byteCount
        starts = []
        contentEnds = []
        starts.reserveCapacity(4096)
        contentEnds.reserveCapacity(4096)
    }

    /// Adds up to 256 more lines from `cursor`, gathered on the stack and appended at once;
    /// false when it had none left.
    mutating func append(from cursor: inout LineCursor) -> Bool {
        let batch = 256
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * batch) { found in
            var added = 0
            while added < batch, let line = cursor.next() {
                found[added] = line.start
                found[batch + added] = line.contentEnd
                added += 1
            }
            starts.append(contentsOf: UnsafeBufferPointer(rebasing: found[0..<added]))
            contentEnds.append(contentsOf: UnsafeBufferPointer(rebasing: found[batch..<(batch + added)]))
            return added > 0
        }
    }

    /// Removes every line, keeping the room they took.
    mutating func removeAll() {
        starts.removeAll(keepingCapacity: true)
        contentEnds.removeAll(keepingCapacity: true)
    }

    /// The number of lines.
    package var count: Int { starts.count }

    /// Byte offset just past line `index`'s line ending (the start of the next line).
    package func end(ofLine index: Int) -> Int {
        index + 1 < starts.count ? starts[index + 1] : byteCount
    }

    /// The byte range of line `index` including its line ending.
    package func range(ofLine index: Int) -> Range<Int> {
        starts[index]..<end(ofLine: index)
    }

    /// The 0-based index of the line that contains byte `offset` (the last line for the end).
    package func line(containing offset: Int) -> Int {
        max(0, starts.partitioningIndex { $0 > offset } - 1)
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
