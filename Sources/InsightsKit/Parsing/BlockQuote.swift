/// Block quotes: `>` after at most three spaces of indentation, and one optional space.
/// Quotes opened one directly in another share an entry of the open stack (`OpenBlock.run`):
/// a line continues its first quotes, as many as it has markers for, and closing the rest
/// only lowers the count.
extension ScanState {
    mutating func startBlockQuote() -> Bool {
        guard !indented, peek(nextNonspace) == ASCII.greaterThan else { return false }
        consumeQuoteMarker()
        closeUnmatchedBlocks()
        addChild(.blockQuote)
        return true
    }

    /// Continues the quotes of entry `depth`, one marker each, the cursor on the first one's
    /// next non-space.
    mutating func continueBlockQuotes(_ depth: Int) -> Continuation {
        let quotes = open[depth].run
        var matched = 0
        while true {
            guard !indented, peek(nextNonspace) == ASCII.greaterThan else { break }
            consumeQuoteMarker()
            matched += 1
            if matched == quotes { return .matched }
            findNextNonspace()
        }
        return matched == 0 ? .failed : .partly(kept: matched)
    }

    private mutating func consumeQuoteMarker() {
        advanceNextNonspace()
        advanceOffset(1, columns: false)
        if let next = peek(offset), ASCII.isSpaceOrTab(next) {
            advanceOffset(1, columns: true)
        }
    }
}
