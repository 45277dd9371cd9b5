import TestSupport
import Testing
@testable import InsightsKit

/// `partitioningIndex(where:)` finds what a linear search finds, on whole arrays and slices.
@Suite("Binary search")
struct BinarySearchTests {
    @Test("agrees with a linear search on sorted arrays and their slices")
    func agreesWithLinearSearch() {
        let seed = TestSeed.current(for: "binary search")
        var random = SeededRandom(seed: seed)
        for index in 0..<300 {
            let values = (0..<random.int(0...30)).map { _ in random.int(0...20) }.sorted()
            let wanted = random.int(-1...21)
            let linear = values.firstIndex { $0 >= wanted } ?? values.endIndex
            #expect(values.partitioningIndex { $0 >= wanted } == linear, "seed \(seed), case \(index)")
            let from = random.int(0...values.count)
            let slice = values[from...]
            #expect(slice.partitioningIndex { $0 >= wanted } == (slice.firstIndex { $0 >= wanted } ?? slice.endIndex),
                    "seed \(seed), case \(index)")
        }
        #expect([Int]().partitioningIndex { _ in true } == 0)
    }
}
