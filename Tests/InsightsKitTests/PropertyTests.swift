import Foundation
import TestSupport
import Testing
@testable import InsightsKit

/// Counts of what a property run did.
struct PropertyCounts: CustomStringConvertible {
    var cases = 0
    var accepted = 0
    var refused = 0
    var created = 0
    var byEdit: [String: Int] = [:]
    var headings = 0

    var description: String {
        let edits = byEdit.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "\(cases) cases (\(accepted) accepted, \(refused) refused, \(created) created sections; \(edits)), \(headings) headings"
    }
}

/// One random document and one random edit of it, and the properties the edit must keep.
struct PropertyCase {
    let document: Document
    let request: EditRequest
    /// The section edited, when it exists before the edit.
    let target: Section?
    /// The body written, for replace, append and prepend.
    let body: [UInt8]?

    init(seed: UInt64) {
        var generator = MarkdownGenerator(seed: seed)
        let document = Document(generator.document())
        var random = generator.random
        let addressable = document.sections.compactMap { section in address(of: section, in: document).map { (section, $0) } }
        var target: Section?
        var chosen: SectionAddress
        let roll = random.int(0...99)
        if roll < 75, let (section, found) = addressable.randomElement(using: &random) {
            target = section
            chosen = found
        } else if roll < 88, let (_, parent) = addressable.randomElement(using: &random) {
            chosen = parent
            chosen.subsections.append("New sub \(random.int(1...99))")
        } else {
            chosen = SectionAddress(title: "New section \(random.int(1...99))", level: random.int(1...3))
        }
        let level = target?.level ?? chosen.level + chosen.subsections.count
        let unsafe = random.chance(0.3)
        var body: [UInt8]?
        let edit: SectionEdit
        switch random.int(0...99) {
        case 0..<35: body = generator.bodyWith(&random, level: level, unsafe: unsafe); edit = .replace(body!)
        case 35..<55: body = generator.bodyWith(&random, level: level, unsafe: unsafe); edit = .append(body!)
        case 55..<70: body = generator.bodyWith(&random, level: level, unsafe: unsafe); edit = .prepend(body!)
        case 70..<78: edit = .keep
        case 78..<87:
            let key = random.pick(["Database Choice", "Cache", "設計 🚀", "API Style"])
            let value = random.chance(0.1) ? "" : random.pick(MarkdownGenerator.words) + " " + random.pick(MarkdownGenerator.words)
            edit = .set(key: key, value: value)
        default: edit = target == nil ? .keep : .remove
        }
        self.document = document
        self.target = target
        self.body = body
        request = EditRequest(address: chosen, edit: edit, stampDate: random.chance(0.25) ? "2030-01-02" : nil)
    }

    /// The edit with its text readable.
    var describeEdit: String {
        "\(editName) \(body.map { String(decoding: $0, as: UTF8.self).debugDescription } ?? "")"
    }

    var editName: String {
        switch request.edit {
        case .replace: return "replace"
        case .append: return "append"
        case .prepend: return "prepend"
        case .keep: return "keep"
        case .remove: return "remove"
        case .set: return "set"
        case .substitute: return "substitute"
        }
    }

    /// The outermost section that contains `section`.
    func topLevel(of section: Section, in document: Document) -> Section {
        var top = section
        while let parent = top.parent { top = document.sections[parent] }
        return top
    }

    /// The bytes of the old file an edit may change: the target's body (its whole range for a
    /// removal, with the blank lines before it), the parent's body for a created subsection,
    /// the end of the file for a created section, and the whole top-level section when it is
    /// stamped.
    func changeableRange() -> Range<Int> {
        let bytes = document.bytes
        var range: Range<Int>
        if let target {
            range = request.edit == .remove ? target.range : target.bodyRange
        } else if let parent = try? document.resolve(request.address).found.last {
            range = parent.bodyRange
        } else {
            range = bytes.count..<bytes.count
        }
        if request.stampDate != nil, let anchor = target ?? (try? document.resolve(request.address).found.last) {
            let top = topLevel(of: anchor, in: document)
            range = min(range.lowerBound, top.range.lowerBound)..<max(range.upperBound, top.range.upperBound)
        }
        if request.edit == .remove || range.upperBound == bytes.count {
            // A removal takes the blank lines before it; text added where the file has no
            // final line ending gives the last line one.
            var start = range.lowerBound
            while start > 0, [ASCII.lf, ASCII.cr, ASCII.space, ASCII.tab].contains(bytes[start - 1]) { start -= 1 }
            range = start..<range.upperBound
        }
        return range
    }

    /// Checks every property; returns what was violated.
    func violations(counts: inout PropertyCounts) -> [String] {
        counts.cases += 1
        counts.byEdit[editName, default: 0] += 1
        counts.headings += document.sections.count
        var problems = parsingViolations()
        let result: EditResult
        do {
            result = try document.applying(request)
        } catch let error as InsightsError {
            counts.refused += 1
            return problems + refusalViolations(error)
        } catch {
            return problems + ["unexpected error \(error)"]
        }
        counts.accepted += 1
        if result.created { counts.created += 1 }
        problems += outsideViolations(result)
        problems += readBackViolations(result)
        problems += idempotenceViolations(result)
        return problems
    }

    /// The sections tile the file; CRLF line endings give the same headings as LF.
    func parsingViolations() -> [String] {
        var problems: [String] = []
        let bytes = document.bytes
        var rebuilt = Array(bytes[..<(document.sections.first?.range.lowerBound ?? bytes.count)])
        for section in document.sections where section.parent == nil { rebuilt += bytes[section.range] }
        if rebuilt != bytes { problems.append("the top-level sections do not tile the file") }
        if !bytes.contains(ASCII.cr) {
            var crlf: [UInt8] = []
            for byte in bytes {
                if byte == ASCII.lf { crlf.append(ASCII.cr) }
                crlf.append(byte)
            }
            let key = { (document: Document) in document.sections.map { "\($0.level) \($0.heading.firstLine) \($0.title)" } }
            if key(Document(crlf)) != key(document) { problems.append("CRLF line endings change the headings") }
        }
        return problems
    }

    /// A refusal writes nothing, and a refused replace is justified: placed naively, the
    /// body would change the headings outside the section or end it.
    func refusalViolations(_ error: InsightsError) -> [String] {
        var problems: [String] = []
        if let target, case .replace(let text) = request.edit, error.code == .badData, UTF8Validation.firstProblem(in: text) == nil {
            let stored = expectedStoredBody(text, in: document, section: target)
            let prefix = Array(document.bytes[..<target.bodyRange.lowerBound])
            let suffix = Array(document.bytes[target.range.upperBound...])
            var naive = prefix + stored + suffix
            if !TextLines.endsWithBlankLine(naive) {
                naive += (naive.last == ASCII.lf || naive.last == ASCII.cr) ? document.lineEnding : document.lineEnding + document.lineEnding
            }
            naive += BodyCheck.probe + document.lineEnding
            let after = Document(naive, options: document.options)
            let regionEnd = prefix.count + stored.count
            let outsideBefore = document.sections.filter { !target.bodyRange.contains($0.range.lowerBound) }.map { "\($0.level) \($0.title)" }
            let outsideAfter = after.sections.filter { !(prefix.count..<regionEnd).contains($0.range.lowerBound) }.map { "\($0.level) \($0.title)" }
            let probe = "1 " + String(decoding: BodyCheck.probe.dropFirst(2), as: UTF8.self)
            let endsSection = after.sections.contains { (prefix.count..<regionEnd).contains($0.range.lowerBound) && $0.level <= target.level }
            // A section whose heading does not read as one on its own (a setext heading whose
            // text is indented after link reference definitions) cannot be edited.
            let top = topLevel(of: target, in: document)
            let alone = Document(Array(document.bytes[top.range]), options: .commonMark)
            let readsAlone = alone.sections.first.map { $0.title == top.title && $0.heading.firstLine == 0 } ?? false
            if readsAlone, !endsSection, outsideAfter == outsideBefore + [probe] {
                problems.append("refused without cause: \(error.message)")
            }
        }
        problems += fileViolations(expecting: error)
        return problems
    }

    /// Through the file: the refused edit leaves the file byte-identical and no other file.
    func fileViolations(expecting error: InsightsError) -> [String] {
        guard let folder = try? PropertyFolder.make() else { return ["cannot make a temporary folder"] }
        defer { folder.remove() }
        let path = folder.path + "/insights.md"
        guard FileManager.default.createFile(atPath: path, contents: Data(document.bytes)) else { return ["cannot write \(path)"] }
        let request = request
        do {
            try InsightsFile(path: path).modify(lockTimeout: 5) { current in
                let result = try Document(current ?? []).applying(request)
                return (result.changed ? result.document.bytes : nil, ())
            }
            return ["the edit was refused in memory but written to the file"]
        } catch let thrown as InsightsError where thrown.code == error.code {
        } catch let other {
            return ["the file path threw \(other) instead of \(error)"]
        }
        var problems: [String] = []
        if FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) != document.bytes { problems.append("a refused edit changed the file") }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if names != ["insights.md"] { problems.append("a refused edit left files: \(names)") }
        return problems
    }

    /// Bytes outside the changeable range are unchanged, and so are the headings there.
    func outsideViolations(_ result: EditResult) -> [String] {
        var problems: [String] = []
        let old = document.bytes
        let new = result.document.bytes
        let range = changeableRange()
        let tail = old.count - range.upperBound
        guard new.count >= range.lowerBound + tail else { return ["the result is shorter than the bytes it must keep"] }
        if !new.prefix(range.lowerBound).elementsEqual(old.prefix(range.lowerBound)) {
            problems.append("bytes before the section changed (before offset \(range.lowerBound))")
        }
        if !new.suffix(tail).elementsEqual(old.suffix(tail)) { problems.append("bytes after the section changed") }
        let newRange = range.lowerBound..<(new.count - tail)
        let outside = { (document: Document, range: Range<Int>) in
            document.sections.filter { !range.contains($0.range.lowerBound) }
                .map { "\($0.level) \($0.title)" }
        }
        if outside(result.document, newRange) != outside(document, range) {
            problems.append("headings outside the section changed: \(outside(document, range)) became \(outside(result.document, newRange))")
        }
        if request.edit != .remove {
            guard let section = result.section, (try? result.document.resolve(request.address).target) == section else {
                return problems + ["the edited section is not found at its address after the edit"]
            }
            let headingText = { (document: Document, section: Section) in
                document.bytes[section.range.lowerBound..<document.lines.contentEnds[section.heading.lastLine]]
            }
            if let target, !headingText(result.document, section).elementsEqual(headingText(document, target)) {
                problems.append("the heading changed")
            }
            let inner = result.document.sections.filter { section.bodyRange.contains($0.range.lowerBound) }
            if inner.contains(where: { $0.level <= section.level }) { problems.append("a heading inside the section ends it") }
            if let date = request.stampDate {
                let top = topLevel(of: section, in: result.document)
                if result.document.lastUpdated(of: top) != date { problems.append("the stamp is not \(date)") }
            }
        }
        return problems
    }

    /// Unstamped edits read back as written, in the documented layout.
    func readBackViolations(_ result: EditResult) -> [String] {
        guard request.stampDate == nil, let section = result.section else { return [] }
        let new = result.document
        let stored = Array(new.bytes[section.bodyRange])
        let eol = document.lineEnding
        let atEnd = section.range.upperBound == new.bytes.count && !new.endsWithLineEnding
        /// `text` normalised, without its final line ending when the file ends without one here.
        func placed(_ text: [UInt8]) -> [UInt8] {
            var normalized = TextLines.normalized(text, lineEnding: eol)
            while atEnd, TextLines.endsWith(normalized, eol) { normalized.removeLast(eol.count) }
            return normalized
        }
        /// Blank lines and at most one `Last updated:` line.
        func onlyLayout(_ rest: ArraySlice<UInt8>) -> Bool {
            let lines = Document(Array(rest)).lines
            let nonBlank = (0..<lines.count).map { rest[(rest.startIndex + lines.starts[$0])..<(rest.startIndex + lines.contentEnds[$0])] }
                .filter { !TextLines.isBlank($0) }
            return nonBlank.count <= 1 && nonBlank.allSatisfy { Stamp.value(in: $0) != nil }
        }
        if case .set(let key, let value) = request.edit {
            // The section holds the entry with its value.
            let text = String(decoding: stored, as: UTF8.self)
            let tail = value.isEmpty ? "" : " \(value)"
            let ok = text.contains("**\(key)**:\(tail)") || text.contains("**\(key):**\(tail)")
            return ok ? [] : ["set \(key) reads back as \(text.debugDescription)"]
        }
        guard let target else {
            // A created section holds blank lines, the body, then only layout (trailing
            // blank lines of the body included).
            var expected = body.map(placed) ?? []
            expected.removeSubrange(TextLines.trailingBlankStart(expected, in: 0..<expected.count)...)
            let leadingBlank = stored.prefix { [ASCII.lf, ASCII.cr].contains($0) }.count
            let matches = (0...leadingBlank).contains { start in
                stored[start...].starts(with: expected) && onlyLayout(stored[(start + expected.count)...])
            }
            return matches ? [] : ["the created section reads back as \(String(decoding: stored, as: UTF8.self).debugDescription)"]
        }
        // The file as edited: a last line without a line ending gets one first.
        var old = document.bytes
        if target.range.upperBound == old.count, !document.endsWithLineEnding { old += eol }
        let bodyStart = target.bodyRange.lowerBound == document.bytes.count ? old.count : target.bodyRange.lowerBound
        let bodyRange = bodyStart..<(target.bodyRange.upperBound + old.count - document.bytes.count)
        switch request.edit {
        case .replace(let text):
            // A body written back as `read` prints it leaves the file as it was.
            if let match = try? document.resolve(request.address), let read = document.readBody(of: match),
               document.bytes[read].elementsEqual(text) || document.bytes[read].elementsEqual(TextLines.normalized(text, lineEnding: eol)) {
                return new.bytes == document.bytes ? [] : ["a body equal to the one read changed the file"]
            }
            let expected = expectedStoredBody(text, in: document, section: target)
            return stored == expected ? [] : ["replaced body reads back as \(String(decoding: stored, as: UTF8.self).debugDescription), expected \(String(decoding: expected, as: UTF8.self).debugDescription)"]
        case .append(let text), .prepend(let text):
            // The old body with the text inserted where the layout says, then at most the
            // blank line before a heading that follows (none at an end without line ending).
            let point = request.edit == .append(text)
                ? Document.endOfContent(old, in: bodyRange)
                : TextLines.leadingBlankEnd(old, in: bodyRange)
            // A blank line where a list meets other text.
            let added = TextLines.normalized(text, lineEnding: eol)
            var expected = request.edit == .append(text)
                ? Document.joined(Array(old[bodyRange.lowerBound..<point]), added, eol: eol) + old[point..<bodyRange.upperBound]
                : Array(old[bodyRange.lowerBound..<point]) + Document.joined(added, Array(old[point..<bodyRange.upperBound]), eol: eol)
            // Text placed right under the heading of a body that had no text, or whose text
            // came after a blank line, gets a blank line above it.
            if !expected.isEmpty, TextLines.leadingBlankEnd(expected, in: 0..<expected.count) == 0,
               bodyRange.isEmpty || TextLines.leadingBlankEnd(old, in: bodyRange) > bodyRange.lowerBound,
               !expected.elementsEqual(old[bodyRange]) {
                expected = eol + expected
            }
            let ok = stored == expected || stored == expected + eol || (atEnd && placed(stored) == placed(expected))
            return ok ? [] : ["\(editName) reads back as \(String(decoding: stored, as: UTF8.self).debugDescription), expected \(String(decoding: expected, as: UTF8.self).debugDescription)"]
        case .keep:
            return result.changed || new.bytes != document.bytes ? ["keeping the section without a stamp changed the file"] : []
        case .set, .remove, .substitute:
            return []
        }
    }

    static let changesAgain = "the same edit changes the file the second time"

    /// Replacing with the same body again, keeping, or setting the same entry changes nothing
    /// the second time.
    func idempotenceViolations(_ result: EditResult) -> [String] {
        // Documented exceptions: a body of blank lines only is layout, and a body ending
        // with its own `Last updated:` line gets the section's closing one kept after it.
        if let body {
            let lines = Document(body).lines
            let nonBlank = (0..<lines.count).map { body[lines.starts[$0]..<lines.contentEnds[$0]] }.filter { !TextLines.isBlank($0) }
            guard let last = nonBlank.last, Stamp.value(in: last) == nil else { return [] }
        }
        switch request.edit {
        case .replace, .keep, .set:
            guard let again = try? result.document.applying(request) else { return ["the same edit is refused the second time"] }
            return again.changed || again.document.bytes != result.document.bytes ? [Self.changesAgain] : []
        default:
            return []
        }
    }
}

extension MarkdownGenerator {
    /// A body from this generator's stream, handing the random state back.
    mutating func bodyWith(_ random: inout SeededRandom, level: Int, unsafe: Bool) -> [UInt8] {
        self.random = random
        let body = self.body(sectionLevel: level, unsafe: unsafe)
        random = self.random
        return body
    }
}

/// A temporary folder for file-level checks.
struct PropertyFolder {
    let path: String

    static func make() throws -> PropertyFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insights-property-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return PropertyFolder(path: url.path)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

@Suite("Properties of random documents and random edits")
struct PropertyTests {
    @Test("random edits keep every byte and heading outside the section, read back, and refuse cleanly")
    func randomEdits() {
        let seed = TestSeed.current(for: "property tests")
        let total = TestRun.cases(for: "property tests", full: 4000, quick: 1000)
        var counts = PropertyCounts()
        var failed = 0
        let start = ContinuousClock.now
        let only = TestSeed.count("INSIGHTS_CASE", default: -1)
        for index in 0..<total where only < 0 || index == only {
            let caseSeed = TestSeed.forCase(index, of: seed)
            let testCase = PropertyCase(seed: caseSeed)
            let problems = testCase.violations(counts: &counts)
            guard !problems.isEmpty else { continue }
            failed += 1
            Issue.record("""
                seed \(seed), case \(index): \(problems.joined(separator: "; "))
                edit: \(testCase.describeEdit) of \(testCase.request.address), stamp \(testCase.request.stampDate ?? "none")
                document: \(String(decoding: testCase.document.bytes, as: UTF8.self).debugDescription)
                """)
            if only >= 0, let result = try? testCase.document.applying(testCase.request) {
                print("result: \(String(decoding: result.document.bytes, as: UTF8.self).debugDescription)")
                if let again = try? result.document.applying(testCase.request) {
                    print("again: \(String(decoding: again.document.bytes, as: UTF8.self).debugDescription)")
                }
            }
            if failed >= 5 { break }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("property tests: seed \(seed): \(counts), in \((seconds * 10).rounded() / 10) s, \(Int(Double(counts.cases) / seconds)) cases/s")
        #expect(counts.accepted > total / 3 && counts.refused > total / 20, "the generator must give both accepted and refused edits")
    }
}
