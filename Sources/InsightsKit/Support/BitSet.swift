/// A set of small numbers (a document's lines, its sections), one bit for each number
/// below its count.
package struct BitSet: Sendable, Equatable {
    private var words: [UInt64]

    /// The empty set of numbers below `count`.
    package init(count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// Whether `number` is in the set.
    package subscript(number: Int) -> Bool {
        words[number >> 6] & (1 << UInt64(number & 63)) != 0
    }

    /// Adds `number`.
    package mutating func insert(_ number: Int) {
        words[number >> 6] |= 1 << UInt64(number & 63)
    }
}
