/// Thematic breaks: three or more `*`, `-` or `_`, with only spaces and tabs between them.
extension ScanState {
    mutating func startThematicBreak() -> Bool {
        guard !indented, nextNonspace < lineEnd, mayBeThematicBreak(from: nextNonspace),
              Self.isThematicBreak(bytes, from: nextNonspace, to: lineEnd) else { return false }
        closeUnmatchedBlocks()
        makeRoom(for: .paragraph)
        offset = lineEnd
        return true
    }

    /// Whether the rest of the line from `start` holds only its first byte's marker, spaces and
    /// tabs. Known in O(1) after one pass per line and marker, so that nested list markers
    /// (`- - - ... x`) do not rescan the line at every level.
    mutating func mayBeThematicBreak(from start: Int) -> Bool {
        let marker = bytes[start]
        let slot: Int
        switch marker {
        case ASCII.star: slot = 0
        case ASCII.minus: slot = 1
        case ASCII.underscore: slot = 2
        default: return false
        }
        if thematicBreakLine != lineIndex {
            thematicBreakLine = lineIndex
            lastNonMarker = SIMD4(repeating: Self.unknownOffset)
        }
        var last = lastNonMarker[slot]
        if last == Self.unknownOffset {
            var position = lineEnd
            while position > lineStart, bytes[position - 1] == marker || ASCII.isSpaceOrTab(bytes[position - 1]) { position -= 1 }
            last = position - 1
            lastNonMarker[slot] = last
        }
        return last < start
    }

    static func isThematicBreak(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        let marker = bytes[start]
        guard marker == ASCII.star || marker == ASCII.minus || marker == ASCII.underscore else { return false }
        var count = 0
        for index in start..<end {
            let byte = bytes[index]
            if byte == marker {
                count += 1
            } else if !ASCII.isSpaceOrTab(byte) {
                return false
            }
        }
        return count >= 3
    }
}
