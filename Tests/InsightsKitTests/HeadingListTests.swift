import TestSupport
import Testing
@testable import InsightsKit

/// The compact heading list gives back every heading as it was added, and finds each one's
/// parent and the end of its section as a walk over all the headings does: across its blocks
/// of 32, for lines far apart and headings of many lines.
@Suite("Heading list")
struct HeadingListTests {
    @Test("agrees with a walk over the headings on random levels, lines and spans")
    func randomHeadings() {
        let seed = TestSeed.current(for: "heading list")
        var random = SeededRandom(seed: seed)
        for index in 0..<200 {
            var list = HeadingList()
            var expected: [HeadingList.Place] = []
            var line = random.int(0...3)
            for _ in 0..<random.int(0...300) {
                let place = HeadingList.Place(level: random.int(1...6), style: random.chance(0.5) ? .atx : .setext,
                                              firstLine: line, lastLine: line + (random.chance(0.1) ? random.int(0...40) : random.int(0...1)))
                list.append(level: place.level, style: place.style, firstLine: place.firstLine, lastLine: place.lastLine)
                expected.append(place)
                line = place.lastLine + 1 + (random.chance(0.05) ? random.int(0...200_000) : random.int(0...5))
            }
            list.finish()
            #expect(Array(list) == expected, "seed \(seed), case \(index)")
            for heading in expected.indices {
                let level = expected[heading].level
                let parent = expected[..<heading].lastIndex { $0.level < level }
                let end = expected[(heading + 1)...].firstIndex { $0.level <= level } ?? expected.count
                #expect(list.parent(of: heading) == parent, "seed \(seed), case \(index), heading \(heading)")
                #expect(list.sectionEnd(of: heading) == end, "seed \(seed), case \(index), heading \(heading)")
            }
        }
    }
}
