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
        guard !indented, let character = peek(nextNonspace),
              character == ASCII.backtick || character == ASCII.tilde else { return false }
        var position = nextNonspace
        while position < lineEnd, bytes[position] == character { position += 1 }
        let length = position - nextNonspace
        guard length >= 3 else { return false }
        if character == ASCII.backtick, bytes[position..<lineEnd].contains(ASCII.backtick) { return false }
        closeUnmatchedBlocks()
        addChild(.fencedCode)
        open[open.count - 1].fence = Fence(character: character, length: length, indent: indent)
        advanceNextNonspace()
        advanceOffset(length, columns: false)
        return true
    }

    mutating func continueFencedCode(_ depth: Int) -> Continuation {
        let fence = open[depth].fence
        if indent <= 3, isClosingFence(fence) {
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

    private func isClosingFence(_ fence: Fence) -> Bool {
        var position = nextNonspace
        while position < lineEnd, bytes[position] == fence.character { position += 1 }
        guard position - nextNonspace >= max(3, fence.length) else { return false }
        while position < lineEnd, ASCII.isSpaceOrTab(bytes[position]) { position += 1 }
        return position == lineEnd
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
