import TestSupport
import Testing
@testable import InsightsKit

/// Reading a section with a scan that may stop at its end finds exactly what a full scan
/// finds: the same section, lines, stamp and fingerprint, or the same error.
@Suite("A section read with an early-stopping scan")
struct SectionLookupTests {
    /// Every address worth trying in `bytes`: each section's title at its level, the first
    /// subsection of each, and a title that is not there.
    static func addresses(in document: Document) -> [SectionAddress] {
        var addresses = [SectionAddress(title: "Not a section here", level: 2)]
        for section in document.sections {
            addresses.append(SectionAddress(title: section.title, level: section.level))
            if let child = document.sections.dropFirst(section.index + 1).first(where: { $0.parent == section.index }) {
                addresses.append(SectionAddress(title: section.title, level: section.level, subsections: [child.title]))
            }
        }
        return addresses
    }

    /// What reading `address` gives: the section's facts in the file's bytes and lines, or
    /// the error's text.
    static func outcome(_ read: () throws -> SectionExcerpt) -> String {
        do {
            let excerpt = try read()
            let (document, match) = (excerpt.document, excerpt.match)
            guard let section = match.target else { return "missing \(match.missing)" }
            let bytes = { (range: Range<Int>) in (range.lowerBound + excerpt.byteOffset)..<(range.upperBound + excerpt.byteOffset) }
            let lines = excerpt.lineOffset
            return "\(match.found.map { bytes($0.range) }) \(bytes(section.range)) \(bytes(section.bodyRange)) "
                + "\(section.endLine + lines) \(section.level) \(section.heading.style) "
                + "\(section.heading.firstLine + lines) \(section.heading.lastLine + lines) \(section.title) "
                + "\(document.lastUpdated(of: section) ?? "-") \(document.fingerprint(of: section))"
        } catch {
            return "error \(error)"
        }
    }

    /// Reads `address` in `bytes` with `Document.excerpt(at:in:)`.
    static func excerpt(_ address: SectionAddress, in bytes: [UInt8]) throws -> SectionExcerpt {
        try bytes.withUnsafeBufferPointer { try Document.excerpt(at: address, in: $0) }
    }

    /// The differences between the two readings of every address in `bytes`: the reference
    /// is a scan that takes every line through the block parser (it records list items).
    static func mismatches(in bytes: [UInt8]) -> [String] {
        let full = Document(bytes, options: ScanOptions(listItems: true))
        return addresses(in: full).compactMap { address in
            let expected = outcome { SectionExcerpt(document: full, match: try full.section(at: address), byteOffset: 0, lineOffset: 0) }
            let early = outcome { try Self.excerpt(address, in: bytes) }
            return expected == early ? nil : "\(address): full scan \(expected), early stop \(early)"
        }
    }

    @Test("on every fixture and spec example", arguments: RoundTripCase.all)
    func fixtures(_ fixture: RoundTripCase) {
        #expect(Self.mismatches(in: fixture.bytes) == [])
    }

    @Test("on random documents")
    func randomDocuments() {
        let seed = TestSeed.current(for: "section lookup")
        let total = TestRun.cases(for: "section lookup", full: 4000, quick: 1000)
        for index in 0..<total {
            var generator = MarkdownGenerator(seed: TestSeed.forCase(index, of: seed))
            let bytes = generator.document()
            let problems = Self.mismatches(in: bytes)
            #expect(problems == [], "seed \(seed), case \(index): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test("a later heading with the same title is still found, however it is written", arguments: [
        "## Agent 2 Notes\n\nbody\n\n## Agent 3 Notes\n\n## Agent 2 Notes\n",
        "## Agent 2 Notes\n\nbody\n\n## Other\n\n##   Agent \t 2   Notes   ##\n",
        "## Agent 2 Notes\n\nbody\n\n## Other\n\nAgent 2\nNotes\n---\n",
        "## Agent 2 Notes\n\nbody\n\n## Other\n\n   Agent\n 2 Notes\n-----\n",
        "## Agent 2 Notes\r\n\r\nbody\r\n\r\n## Other\r\n\r\n## Agent 2 Notes",
        "## Key Notes\n\nbody\n\n## Other\n\n## \u{212A}ey Notes\n",
    ])
    func laterDuplicates(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.mismatches(in: bytes) == [])
        let address = SectionAddress(title: text.hasPrefix("## Key") ? "Key Notes" : "Agent 2 Notes")
        #expect(throws: InsightsError.self) { try Self.excerpt(address, in: bytes) }
    }

    @Test("an unclosed fence before the section hides it, as in a full scan")
    func unclosedFence() {
        let bytes = Array("# T\n\n```\n## Agent 2 Notes\n\nbody\n\n## Other\n".utf8)
        #expect(Self.mismatches(in: bytes) == [])
    }

    @Test("the scan stops at the section's end when no later heading can share its title, keeping only its headings")
    func stopsEarly() throws {
        var text = "# Project\n\n"
        for number in 1...600 { text += "## Agent \(number) Notes\n\n### Sub\n- **Key**: value\n\nLast updated: 2026-01-02\n\n" }
        let bytes = Array(text.utf8)
        let excerpt = try Self.excerpt(SectionAddress(title: "Agent 150 Notes"), in: bytes)
        #expect(excerpt.match.target?.title == "Agent 150 Notes")
        // Only the section's bytes are kept: from its heading to the next one.
        let full = Document(bytes)
        let section = try #require(full.sections.first { $0.title == "Agent 150 Notes" })
        #expect(excerpt.document.bytes == Array(full.bytes[section.range]))
        #expect(excerpt.byteOffset == section.range.lowerBound)
        #expect(excerpt.lineOffset == section.heading.firstLine)
        #expect(excerpt.document.sections.map(\.title) == ["Agent 150 Notes", "Sub"])
        #expect(Self.mismatches(in: bytes) == [])
    }

    /// A file of about `size` bytes made of random documents, each under a heading of its own,
    /// and the addresses of a sample of its sections.
    static func largeFile(size: Int, seed: UInt64) -> (bytes: [UInt8], addresses: [SectionAddress]) {
        var bytes: [UInt8] = []
        var part = 0
        while bytes.count < size {
            part += 1
            var generator = MarkdownGenerator(seed: TestSeed.forCase(part, of: seed))
            bytes += Array("\n\n## Part \(part)\n\n".utf8) + generator.document()
        }
        let full = Document(bytes)
        var random = SeededRandom(seed: seed)
        let sample = (0..<12).map { _ in random.pick(full.sections) }
        let addresses = sample.map { SectionAddress(title: $0.title, level: $0.level) }
            + (1...3).map { _ in SectionAddress(title: "Part \(random.int(1...part))") }
        return (bytes, addresses + [SectionAddress(title: "Not a section here")])
    }

    @Test("on a large file, searched on a second thread, whose scan drops the lines it is done with")
    func largeFile() {
        let seed = TestSeed.current(for: "section lookup, large file")
        let (bytes, addresses) = Self.largeFile(size: SectionLookup.backgroundSearchSize + 200_000, seed: seed)
        let full = Document(bytes, options: ScanOptions(listItems: true))
        for address in addresses {
            let expected = Self.outcome { SectionExcerpt(document: full, match: try full.section(at: address), byteOffset: 0, lineOffset: 0) }
            let early = Self.outcome { try Self.excerpt(address, in: bytes) }
            #expect(expected == early, "seed \(seed), \(address)")
        }
    }

    @Test("on a large file, a heading with the same title near its end makes the name ambiguous")
    func largeFileDuplicate() throws {
        var text = "# Project\n\n"
        var number = 0
        while text.utf8.count < SectionLookup.backgroundSearchSize + 100_000 {
            number += 1
            text += "## Agent \(number) Notes\n\n### Sub\n- **Key**: value\n\n```sh\n## not a heading\n```\n\n"
        }
        let unique = Array(text.utf8)
        let excerpt = try Self.excerpt(SectionAddress(title: "Agent 7 Notes"), in: unique)
        #expect(excerpt.document.sections.map(\.title) == ["Agent 7 Notes", "Sub"])
        let twice = Array((text + "## Agent 7 Notes\n").utf8)
        #expect(throws: InsightsError.self) { try Self.excerpt(SectionAddress(title: "Agent 7 Notes"), in: twice) }
        #expect(Self.mismatches(in: Array(twice.suffix(2000))) == [])
    }

    @Test("the last whole-word occurrence is found from the end, across the points where the search starts again")
    func lastTitleWord() {
        let seed = TestSeed.current(for: "last title word")
        var random = SeededRandom(seed: seed)
        let word = Array("Agent".utf8)
        for index in 0..<30 {
            let size = random.int(1...300_000)
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: size)
            var places = (0..<random.int(0...6)).map { _ in random.int(0...(size - 1)) }
            // The search goes back from the end 64 KiB at a time.
            for boundary in stride(from: size - 65536, to: 0, by: -65536) { places.append(boundary - random.int(0...6)) }
            for place in places where place >= 0 {
                let text = random.pick([" Agent ", "Agent ", " Agent", "\nAgent\t", "xAgent ", " Agents", "Agent"])
                for (offset, byte) in text.utf8.enumerated() where place + offset < size { bytes[place + offset] = byte }
            }
            // Byte by byte, from the end.
            let expected = (0...(max(0, size - word.count))).reversed().first { start in
                start + word.count <= size && bytes[start..<(start + word.count)].elementsEqual(word)
                    && (start == 0 || ASCII.isWhitespace(bytes[start - 1]))
                    && (start + word.count == size || ASCII.isWhitespace(bytes[start + word.count]))
            }
            let found = bytes.withUnsafeBufferPointer { SectionLookup.lastTitleWord(word, in: $0) }
            #expect(found == expected, "seed \(seed), case \(index)")
        }
    }
}
