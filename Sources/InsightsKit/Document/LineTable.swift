#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines of a byte buffer: where each starts, where its content ends and where its line
/// ending ends. `\n`, `\r\n` and a lone `\r` each end a line, as in CommonMark. Built in one
/// pass; line numbers in messages are derived from it.
public struct LineTable: Sendable, Equatable {
    /// Byte offset where each line starts.
    public private(set) var starts: [Int]
    /// Byte offset where each line's content ends (its line ending excluded).
    public private(set) var contentEnds: [Int]
    /// Total byte count of the buffer.
    public let byteCount: Int

    /// Splits `bytes` into lines. An empty buffer has no lines; a final line ending does not
    /// open another line.
    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { LineTable($0) }
    }

    /// Splits `bytes` into lines, finding line endings with `memchr`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        byteCount = count
        starts = []
        contentEnds = []
        guard count > 0, let base = bytes.baseAddress else { return }
        // Markdown lines are rarely shorter than this on average; growing past it is fine.
        let estimate = count / 24 + 16
        starts.reserveCapacity(estimate)
        contentEnds.reserveCapacity(estimate)
        // The next `\n` and the next `\r` at or after the cursor (`count` when none is left),
        // each searched again only once the cursor has passed it: linear in the buffer.
        var nextLF = Self.find(ASCII.lf, base, from: 0, count)
        var nextCR = Self.find(ASCII.cr, base, from: 0, count)
        var lineStart = 0
        while lineStart < count {
            if nextLF < lineStart { nextLF = Self.find(ASCII.lf, base, from: lineStart, count) }
            if nextCR < lineStart { nextCR = Self.find(ASCII.cr, base, from: lineStart, count) }
            let end = min(nextLF, nextCR)
            starts.append(lineStart)
            contentEnds.append(end)
            if end == count { return }
            lineStart = end + (end == nextCR && nextLF == end + 1 ? 2 : 1)
        }
    }

    /// The offset of the first `byte` in `base[start..<count]`, or `count`.
    @inline(__always)
    private static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from start: Int, _ count: Int) -> Int {
        guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The number of lines.
    public var count: Int { starts.count }

    /// Byte offset just past line `index`'s line ending (the start of the next line).
    public func end(ofLine index: Int) -> Int {
        index + 1 < starts.count ? starts[index + 1] : byteCount
    }

    /// The byte range of line `index` including its line ending.
    public func range(ofLine index: Int) -> Range<Int> {
        starts[index]..<end(ofLine: index)
    }

    /// The 0-based index of the line that contains byte `offset` (the last line for the end).
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        if high < 0 { return 0 }
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
