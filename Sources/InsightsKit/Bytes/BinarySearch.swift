// The one binary search of the library.

extension RandomAccessCollection {
    /// The index of the first element for which `isInSecondPart` is true, or `endIndex` when
    /// there is none, found by binary search in O(log n) calls of the predicate.
    ///
    /// The collection must be partitioned by the predicate: every element for which it is
    /// false comes before every element for which it is true (as in a sorted array asked
    /// "is this at least x?"). The name and contract are those of swift-algorithms.
    func partitioningIndex(where isInSecondPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var remaining = count
        while remaining > 0 {
            let half = remaining / 2
            let middle = index(low, offsetBy: half)
            if try isInSecondPart(self[middle]) {
                remaining = half
            } else {
                low = index(after: middle)
                remaining -= half + 1
            }
        }
        return low
    }
}
