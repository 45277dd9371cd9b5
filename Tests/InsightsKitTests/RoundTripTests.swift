import TestSupport
import Testing
@testable import InsightsKit

/// A document to edit in the round-trip tests.
struct RoundTripCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    var testDescription: String { name }

    /// Every fixture file, and every CommonMark spec example in LF, CRLF and without its
    /// final newline.
    static let all: [RoundTripCase] = {
        var cases: [RoundTripCase] = []
        for folder in ["agents", "handwritten", "team"] {
            for path in (try? Fixtures.files(in: folder)) ?? [] {
                if let bytes = try? Fixtures.bytes(path) { cases.append(RoundTripCase(name: path, bytes: bytes)) }
            }
        }
        for example in Fixtures.specExamples {
            let lf = Array(example.markdown.utf8)
            cases.append(RoundTripCase(name: "spec \(example.number)", bytes: lf))
            cases.append(RoundTripCase(name: "spec \(example.number) CRLF", bytes: Array(example.markdown.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
            if lf.last == UInt8(ascii: "\n") {
                cases.append(RoundTripCase(name: "spec \(example.number) no final newline", bytes: Array(lf.dropLast())))
            }
        }
        return cases
    }()

    /// The documents whose every section is edited: all of them under `INSIGHTS_STRESS=1`;
    /// in a quick run every spec example and hand-written fixture but only every fifth agent
    /// file and not the large team fixture (each of its 200 sections edited costs a full
    /// scan of its 44 KB, seconds per test in a debug build).
    static let edited: [RoundTripCase] = {
        guard !TestRun.stress else { return all }
        let agents = all.filter { $0.name.hasPrefix("agents/") }
        let chosen = all.filter { !$0.name.hasPrefix("agents/") && !$0.name.hasPrefix("team/") }
            + stride(from: 0, to: agents.count, by: 5).map { agents[$0] }
        print("every section edited: quick run, \(chosen.count) of \(all.count) documents (INSIGHTS_STRESS=1 edits all)")
        return chosen
    }()
}

/// The address of `section` in `document`: its title at its level, through its ancestors
/// when it is nested (nil when the title is ambiguous there).
func address(of section: Section, in document: Document) -> SectionAddress? {
    var chain = [section]
    while let parent = chain[0].parent { chain.insert(document.sections[parent], at: 0) }
    let address = SectionAddress(title: chain[0].title, level: chain[0].level, subsections: chain.dropFirst().map(\.title))
    guard let match = try? document.resolve(address), match.target == section else { return nil }
    return address
}

/// What `read` must return after a body was written: the body with the file's line
/// endings, a final line ending, a blank line before a heading that follows, and no final
/// line ending where the file had none.
/// The last subsection of a section also keeps the section's closing `Last updated:` line.
func expectedStoredBody(_ body: [UInt8], in document: Document, section: Section) -> [UInt8] {
    var expected = TextLines.normalized(body, lineEnding: document.lineEnding)
    let atEnd = section.range.upperBound == document.bytes.count
    var top = section
    while let parent = top.parent { top = document.sections[parent] }
    let stamp = top.index != section.index && top.range.upperBound == section.range.upperBound
        ? Document.closingStampStart(document.bytes, in: section.bodyRange) : nil
    // The blank lines between the heading and the old body's text stay before a body that
    // starts with text; a section that had no text gets one blank line under its heading.
    // An empty body where there was no text leaves the section as it was (it is what `read`
    // prints).
    var leading: [UInt8] = []
    let start = section.bodyRange.lowerBound, end = stamp ?? section.bodyRange.upperBound
    let textStart = TextLines.leadingBlankEnd(document.bytes, in: start..<end)
    if expected.isEmpty, textStart == end { return Array(document.bytes[section.bodyRange]) }
    if !expected.isEmpty, TextLines.leadingBlankEnd(expected, in: 0..<expected.count) == 0 {
        leading = Array(document.bytes[start..<textStart])
        // A last line without a line ending gets one first.
        if !leading.isEmpty, !TextLines.endsWith(leading, document.lineEnding) { leading += document.lineEnding }
    }
    // Text left right under the heading of a body that had none or started with a blank
    // line gets a blank line above it; so does a subsection heading that follows an empty body.
    func placed(_ stored: [UInt8]) -> [UInt8] {
        let startsWithText = stored.isEmpty ? top.range.upperBound > section.range.upperBound
            : TextLines.leadingBlankEnd(stored, in: 0..<stored.count) == 0
        guard startsWithText,
              section.bodyRange.isEmpty || TextLines.leadingBlankEnd(document.bytes, in: section.bodyRange) > start,
              !stored.elementsEqual(document.bytes[section.bodyRange]) else { return stored }
        return document.lineEnding + stored
    }
    if let stamp {
        expected.removeSubrange(TextLines.trailingBlankStart(expected, in: 0..<expected.count)...)
        expected += document.bytes[stamp..<section.range.upperBound]
        if !atEnd, !TextLines.endsWithBlankLine(expected) { expected += document.lineEnding }
        return placed(leading + expected)
    }
    if !atEnd, !TextLines.endsWithBlankLine(expected) { expected += document.lineEnding }
    // An empty body that ends its top-level section still gets the blank line before the
    // heading that follows.
    if !atEnd, expected.isEmpty, top.range.upperBound == section.range.upperBound { expected = document.lineEnding }
    while atEnd, !document.endsWithLineEnding, TextLines.endsWith(expected, document.lineEnding) {
        expected.removeLast(document.lineEnding.count)
    }
    return placed(leading + expected)
}

@Suite("Byte-exact edits of every section of every fixture")
struct RoundTripTests {
    @Test("there are fixtures of every kind")
    func fixturesPresent() {
        let names = RoundTripCase.all.map(\.name)
        #expect(names.filter { $0.hasPrefix("agents/") }.count == 39)
        #expect(names.filter { $0.hasPrefix("handwritten/") }.count >= 9)
        #expect(names.contains("team/insights.md"))
        #expect(names.filter { $0.hasPrefix("spec ") }.count > 1900)
    }

    @Test("unedited documents read back byte for byte", arguments: RoundTripCase.all)
    func readBack(_ testCase: RoundTripCase) {
        let document = Document(testCase.bytes)
        var rebuilt = Array(document.bytes[..<(document.sections.first?.range.lowerBound ?? document.bytes.count)])
        for section in document.sections where section.parent == nil {
            rebuilt += document.bytes[section.range]
        }
        #expect(rebuilt == testCase.bytes)
    }

    @Test("replacing any section's body touches nothing outside it", arguments: RoundTripCase.edited)
    func replaceEverySection(_ testCase: RoundTripCase) throws {
        let document = Document(testCase.bytes)
        for section in document.sections {
            guard let address = address(of: section, in: document) else { continue }
            let newBody = Array("Generated for \(section.title) ✓ 设计\n\n- **Key**: value\n\twith a tab\n".utf8)
            let result: EditResult
            do {
                result = try document.applying(EditRequest(address: address, edit: .replace(newBody)))
            } catch let error as InsightsError where error.code == .badData {
                // A refusal must be justified: spliced in naively, the body changes headings.
                let naive = Array(document.bytes[..<section.bodyRange.lowerBound])
                    + expectedStoredBody(newBody, in: document, section: section) + document.bytes[section.range.upperBound...]
                let before = document.sections.map { "\($0.level) \($0.title)" }
                let after = Document(naive).sections.map { "\($0.level) \($0.title)" }
                #expect(Array(after.prefix(section.index + 1)) + Array(after.suffix(before.count - section.index - 1)) != before
                        || after.count != before.count, "refused without cause: \(error.message)")
                continue
            }
            let new = result.document.bytes
            let old = testCase.bytes
            let tail = old.count - section.range.upperBound
            let prefixKept = new.prefix(section.bodyRange.lowerBound).elementsEqual(old.prefix(section.bodyRange.lowerBound))
            #expect(prefixKept, "bytes before the body of \(address) changed")
            let suffixKept = new.suffix(tail).elementsEqual(old.suffix(tail))
            #expect(suffixKept, "bytes after \(address) changed")
            let edited = try #require(result.section)
            let body = String(decoding: result.document.bytes[edited.bodyRange], as: UTF8.self)
            let expected = String(decoding: expectedStoredBody(newBody, in: document, section: section), as: UTF8.self)
            #expect(body == expected)
            let outside = { (doc: Document, range: Range<Int>) in
                doc.sections.filter { !range.contains($0.range.lowerBound) || $0.range.lowerBound == range.lowerBound }
                    .map { "\($0.level) \($0.title)" }
            }
            #expect(outside(result.document, edited.range) == outside(document, section.range))
        }
    }

    @Test("an edit that changes nothing gives the same bytes", arguments: RoundTripCase.edited)
    func noOpEdit(_ testCase: RoundTripCase) throws {
        let document = Document(testCase.bytes)
        for section in document.sections {
            guard let address = address(of: section, in: document) else { continue }
            let result = try document.applying(EditRequest(address: address, edit: .keep))
            let same = result.document.bytes == testCase.bytes
            #expect(same, "keeping \(address) changed the file")
        }
    }
}
