/// The lines of a byte buffer: where each starts, where its content ends and where its line
/// ending ends. `\n`, `\r\n` and a lone `\r` each end a line, as in CommonMark. Built in one
/// pass; line numbers in messages are derived from it.
public struct LineTable: Sendable, Equatable {
    /// Byte offset where each line starts.
    public private(set) var starts: [Int] = []
    /// Byte offset where each line's content ends (its line ending excluded).
    public private(set) var contentEnds: [Int] = []
    /// Total byte count of the buffer.
    public let byteCount: Int

    /// Splits `bytes` into lines. An empty buffer has no lines; a final line ending does not
    /// open another line.
    public init(_ bytes: [UInt8]) {
        byteCount = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            var lineStart = 0
            while index < count {
                let byte = buffer[index]
                if byte == ASCII.lf || byte == ASCII.cr {
                    starts.append(lineStart)
                    contentEnds.append(index)
                    if byte == ASCII.cr && index + 1 < count && buffer[index + 1] == ASCII.lf {
                        index += 1
                    }
                    index += 1
                    lineStart = index
                } else {
                    index += 1
                }
            }
            if lineStart < count {
                starts.append(lineStart)
                contentEnds.append(count)
            }
        }
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
