import Foundation
import TestSupport
import Testing
@testable import InsightsKit

// `read X | update X` is byte-identical for every section and subsection (SPEC §6, "The stamp
// belongs to the top-level section"): the body `read` prints, written back with `update`,
// gives the file it came from, with or without a stamp of the date the section already has.

/// What one round-trip run did.
struct ReadUpdateCounts: CustomStringConvertible {
    var documents = 0
    var addresses = 0
    var stamped = 0
    var skipped = 0
    var failures = 0
    var refusedSetext = 0

    var description: String {
        "\(documents) documents, \(addresses) addresses (\(stamped) also stamped with their own date), "
            + "\(skipped) skipped as ambiguous, \(refusedSetext) refused as setext headings that cannot be edited, \(failures) failures"
    }
}

/// Where `new` differs from `old`: the bytes replaced, with a little context before them.
func difference(from old: [UInt8], to new: [UInt8]) -> String {
    let common = zip(old, new).prefix { $0 == $1 }.count
    var tail = 0
    while tail < old.count - common, tail < new.count - common, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
    let show = { (bytes: ArraySlice<UInt8>) in String(decoding: bytes, as: UTF8.self).debugDescription }
    let context = old[max(0, common - 40)..<common]
    return "at byte \(common), after \(show(context)): \(show(old[common..<(old.count - tail)])) became \(show(new[common..<(new.count - tail)]))"
}

/// Whether `value` is an ISO date, `YYYY-MM-DD`.
func isISODate(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
    return bytes.enumerated().allSatisfy { index, byte in index == 4 || index == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}

enum ReadUpdateRoundTrip {
    /// The addresses of `section`: from each section it lies in (and itself), that section's
    /// title and level, then the titles down to it as `--sub`. Only those that lead back to
    /// it (not ambiguous, not shadowed by a shallower heading of the same title).
    static func addresses(of section: Section, in document: Document) -> [SectionAddress] {
        var chain = [section]
        while let parent = chain[0].parent { chain.insert(document.sections[parent], at: 0) }
        return chain.indices.compactMap { start in
            let address = SectionAddress(title: chain[start].title, level: chain[start].level,
                                         subsections: chain[(start + 1)...].map(\.title))
            guard let match = try? document.resolve(address), match.target == section else { return nil }
            return address
        }
    }

    /// Reads and writes back every section of `bytes` through each of its addresses;
    /// returns what went wrong.
    static func problems(in bytes: [UInt8], counts: inout ReadUpdateCounts) -> [String] {
        let document = Document(bytes)
        counts.documents += 1
        var problems: [String] = []
        for section in document.sections {
            let addresses = addresses(of: section, in: document)
            if addresses.isEmpty { counts.skipped += 1 }
            for address in addresses {
                counts.addresses += 1
                guard let match = try? document.resolve(address), let range = document.readBody(of: match) else {
                    problems.append("\(address): no body to read")
                    continue
                }
                guard range.lowerBound >= section.bodyRange.lowerBound, range.upperBound <= section.bodyRange.upperBound else {
                    problems.append("\(address): read range \(range) is not inside the body \(section.bodyRange)")
                    continue
                }
                let body = Array(bytes[range])
                var dates: [String?] = [nil]
                if let stamp = document.lastUpdated(of: match.found[0]), isISODate(stamp) {
                    dates.append(stamp)
                    counts.stamped += 1
                }
                for date in dates {
                    let request = EditRequest(address: address, edit: .replace(body), stampDate: date)
                    let described = "\(address) with stamp \(date ?? "none"), body \(String(decoding: body, as: UTF8.self).debugDescription)"
                    do {
                        let result = try document.applying(request)
                        let written = result.bytes
                        if written != bytes {
                            problems.append("\(described): \(difference(from: bytes, to: written))")
                        } else if result.changed {
                            problems.append("\(described): the bytes are the same but the result says changed")
                        }
                    } catch let error as InsightsError where error.message.contains("does not read back as a heading") {
                        // A known limit, not a change: a setext heading whose text reads
                        // differently on its own (after link reference definitions, or
                        // starting like a list item) cannot be edited; nothing is written.
                        counts.refusedSetext += 1
                    } catch {
                        problems.append("\(described): refused: \(error)")
                    }
                }
            }
        }
        return problems
    }

    /// A file holding every agent template's section, `# Insights` first, the stamps filled
    /// with `date` (or left as `[Date]` when nil).
    static func allTemplates(date: String?) throws -> [UInt8] {
        let catalog = TemplateCatalog(projectFolder: nil)
        var text = "# Insights\n\nShared memory of the agents.\n"
        for name in TemplateCatalog.bundledNames where name != "default" {
            let template = try catalog.template(named: name)
            var skeleton = String(decoding: template.skeleton, as: UTF8.self)
            if let date { skeleton = skeleton.replacingOccurrences(of: "Last updated: [Date]", with: "Last updated: \(date)") }
            text += "\n## \(template.section)\n" + skeleton
        }
        return Array(text.utf8)
    }
}

@Suite("read X | update X gives the same file")
struct ReadUpdateRoundTripTests {
    /// Records the problems of one document, at most `limit` of them.
    static func record(_ problems: [String], name: String, counts: inout ReadUpdateCounts, limit: Int = 3) {
        guard !problems.isEmpty else { return }
        counts.failures += 1
        for problem in problems.prefix(limit) { Issue.record("\(name): \(problem)") }
        if problems.count > limit { Issue.record("\(name): and \(problems.count - limit) more") }
    }

    @Test("every section and subsection of every fixture")
    func fixtures() throws {
        var counts = ReadUpdateCounts()
        var failing = 0
        for fixture in RoundTripCase.edited {
            let problems = ReadUpdateRoundTrip.problems(in: fixture.bytes, counts: &counts)
            if !problems.isEmpty, failing < 20 { Self.record(problems, name: fixture.name, counts: &counts) }
            if !problems.isEmpty { failing += 1 }
        }
        print("read | update round trip, fixtures: \(counts), \(failing) documents failing")
        #expect(failing == 0, "\(failing) of \(counts.documents) fixtures do not round-trip")
        #expect(counts.addresses > 500)
    }

    @Test("every section and subsection of a file of all 39 agent templates", .enabled(if: TestRun.stress, "large: runs with INSIGHTS_STRESS=1"))
    func allTemplates() throws {
        var counts = ReadUpdateCounts()
        for date in ["2026-01-15", nil] {
            let bytes = try ReadUpdateRoundTrip.allTemplates(date: date)
            let document = Document(bytes)
            #expect(document.sections.filter { $0.level == 2 }.count == 39)
            let problems = ReadUpdateRoundTrip.problems(in: bytes, counts: &counts)
            Self.record(problems, name: "all templates, stamps \(date ?? "[Date]")", counts: &counts, limit: 10)
        }
        print("read | update round trip, all templates: \(counts)")
        #expect(counts.stamped > 0)
    }

    @Test("every section and subsection of the team fixture", .enabled(if: TestRun.stress, "large: runs with INSIGHTS_STRESS=1"))
    func teamFixture() throws {
        var counts = ReadUpdateCounts()
        let bytes = try Fixtures.bytes("team/insights.md")
        let problems = ReadUpdateRoundTrip.problems(in: bytes, counts: &counts)
        Self.record(problems, name: "team/insights.md", counts: &counts, limit: 10)
        print("read | update round trip, team fixture: \(counts)")
    }

    @Test("every section and subsection of random documents")
    func randomDocuments() {
        let seed = TestSeed.current(for: "read | update round trip")
        let total = TestRun.cases(for: "read | update round trip", full: 300, quick: 100)
        var counts = ReadUpdateCounts()
        var failing = 0
        for index in 0..<total {
            var generator = MarkdownGenerator(seed: TestSeed.forCase(index, of: seed))
            let bytes = generator.document()
            let problems = ReadUpdateRoundTrip.problems(in: bytes, counts: &counts)
            guard !problems.isEmpty else { continue }
            failing += 1
            if failing <= 5 {
                Self.record(problems, name: "seed \(seed), case \(index), document \(String(decoding: bytes, as: UTF8.self).debugDescription)",
                            counts: &counts, limit: 2)
            }
        }
        print("read | update round trip, random documents: seed \(seed): \(total) cases, \(counts), \(failing) documents failing")
        #expect(failing == 0, "\(failing) of \(total) random documents do not round-trip (seed \(seed))")
    }
}
