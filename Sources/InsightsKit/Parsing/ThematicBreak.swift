/// Thematic breaks: three or more `*`, `-` or `_`, with only spaces and tabs between them.
extension ScanState {
    mutating func startThematicBreak() -> Bool {
        guard !indented, Self.isThematicBreak(bytes, from: nextNonspace, to: lineEnd) else { return false }
        closeUnmatchedBlocks()
        makeRoom(for: .paragraph)
        offset = lineEnd
        return true
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
