/// Block quotes: `>` after at most three spaces of indentation, and one optional space.
extension ScanState {
    mutating func startBlockQuote() -> Bool {
        guard !indented, peek(nextNonspace) == ASCII.greaterThan else { return false }
        consumeQuoteMarker()
        closeUnmatchedBlocks()
        addChild(.blockQuote)
        return true
    }

    mutating func continueBlockQuote() -> Continuation {
        guard !indented, peek(nextNonspace) == ASCII.greaterThan else { return .failed }
        consumeQuoteMarker()
        return .matched
    }

    private mutating func consumeQuoteMarker() {
        advanceNextNonspace()
        advanceOffset(1, columns: false)
        if let next = peek(offset), ASCII.isSpaceOrTab(next) {
            advanceOffset(1, columns: true)
        }
    }
}
