/// A code fence: the fence character, the run's length and its indentation (under four
/// columns), kept in 10 bytes.
struct Fence {
    var length: Int
    var character: UInt8
    private var storedIndent: UInt8

    var indent: Int { Int(storedIndent) }

    init(character: UInt8, length: Int, indent: Int) {
        self.length = length
        self.character = character
        storedIndent = UInt8(indent)
    }
}

/// Fenced code blocks: three or more backticks (with no backtick in the info string) or
/// tildes, closed by a run of the same character at least as long, or by the end of the
/// container.
extension ScanState {
    mutating func startFencedCode() -> Bool {
        guard !indented, let (character, length) = Self.fenceOpening(bytes, from: nextNonspace, to: lineEnd) else { return false }
        closeUnmatchedBlocks()
        addChild(.fencedCode)
        open[open.count - 1].fence = Fence(character: character, length: length, indent: indent)
        advanceNextNonspace()
        advanceOffset(length, columns: false)
        return true
    }

    /// The character and length of the code fence opening at `start` (three or more
    /// backticks with no backtick after them on the line, or three or more tildes), if one
    /// opens there.
    static func fenceOpening(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
        -> (character: UInt8, length: Int)? {
        guard start < end else { return nil }
        let character = bytes[start]
        guard character == ASCII.backtick || character == ASCII.tilde else { return nil }
        var position = start
        while position < end, bytes[position] == character { position += 1 }
        let length = position - start
        guard length >= 3 else { return nil }
        if character == ASCII.backtick, bytes[position..<end].contains(ASCII.backtick) { return nil }
        return (character, length)
    }

    mutating func continueFencedCode(_ depth: Int) -> Continuation {
        let fence = open[depth].fence
        if indent <= 3, Self.isClosingFence(fence, bytes, from: nextNonspace, to: lineEnd) {
            finalizeTip()
            return .lineConsumed
        }
        var remaining = fence.indent
        while remaining > 0, let byte = peek(offset), ASCII.isSpaceOrTab(byte) {
            advanceOffset(1, columns: true)
            remaining -= 1
        }
        return .matched
    }

    /// Whether the text from `start` (after the line's indentation, which must be under four
    /// columns) to `end` closes `fence`: a run of its character at least as long, then only
    /// spaces and tabs.
    static func isClosingFence(_ fence: Fence, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var position = start
        while position < end, bytes[position] == fence.character { position += 1 }
        guard position - start >= max(3, fence.length) else { return false }
        while position < end, ASCII.isSpaceOrTab(bytes[position]) { position += 1 }
        return position == end
    }
}

/// Indented code blocks: lines indented four or more columns that do not continue a
/// paragraph; blank lines inside them belong to them.
extension ScanState {
    mutating func startIndentedCode() -> Bool {
        guard indented, tip.kind != .paragraph, !blank else { return false }
        advanceOffset(4, columns: true)
        closeUnmatchedBlocks()
        addChild(.indentedCode)
        return true
    }

    mutating func continueIndentedCode() -> Continuation {
        if indent >= 4 {
            advanceOffset(4, columns: true)
        } else if blank {
            advanceNextNonspace()
        } else {
            return .failed
        }
        return .matched
    }
}
