import Foundation
import Testing
@testable import InsightsKit

/// `JournalArchive.plan`: what moves, what stays, and a second run after a crash between the
/// two writes, for every number of entries kept, LF and CRLF.
@Suite struct JournalArchiveTests {
    static func journal(_ count: Int, eol: String) -> String {
        var text = "---\nname: x\n---\n\n# Agent\n\n## Evolution Journal\n\nWhy this journal.\n\n"
        for index in 1...count { text += "### Entry: 2026-01-0\(index) - E\(index)\n\n**Context:**\nc\(index)\n\n" }
        text += "## After\n\nKept.\n"
        return text.replacingOccurrences(of: "\n", with: eol)
    }

    static func entries(_ bytes: [UInt8], scope: JournalScope) throws -> [String] {
        let document = Document(bytes)
        return try document.journal(scope).entries.map { String(decoding: document.journalEntry($0).text, as: UTF8.self) }
    }

    @Test(arguments: [0, 1, 2, 4, 5, 9], ["\n", "\r\n"])
    func keepsTheNewestAndMovesTheRest(keep: Int, eol: String) throws {
        let scope = JournalScope.section(SectionAddress(title: "Evolution Journal"))
        let source = Array(Self.journal(5, eol: eol).utf8)
        let original = try Self.entries(source, scope: scope)
        let plan = try JournalArchive.plan(source: Document(source), archive: nil, scope: scope, keep: keep, archiveTitle: "Archive of a.md")
        let moving = max(0, 5 - keep)
        #expect(plan.moved == moving)
        #expect(plan.kept == 5 - moving)
        guard moving > 0 else {
            #expect(plan.source == nil && plan.archive == nil)
            return
        }
        let kept = try #require(plan.source)
        let archive = try #require(plan.archive)
        #expect(try Self.entries(archive, scope: scope) == Array(original.prefix(moving)))
        #expect(try Self.entries(kept, scope: scope) == Array(original.suffix(5 - moving)))
        let keptText = String(decoding: kept, as: UTF8.self)
        #expect(keptText.hasPrefix(["---", "name: x", "---", "", "# Agent", "", "## Evolution Journal", "", "Why this journal.", "", ""].joined(separator: eol)))
        #expect(keptText.hasSuffix(eol + eol + "## After" + eol + eol + "Kept." + eol))
        #expect(!keptText.contains(eol + eol + eol), "three line endings in a row: two blank lines")
        #expect(String(decoding: archive, as: UTF8.self).hasPrefix("# Archive of a.md" + eol + eol + "## Evolution Journal" + eol + eol + "### Entry: 2026-01-01 - E1" + eol))

        // The archive was written and the file was not: the next run moves nothing twice.
        let again = try JournalArchive.plan(source: Document(source), archive: Document(archive), scope: scope, keep: keep, archiveTitle: "Archive of a.md")
        #expect(again.alreadyArchived == moving)
        #expect(again.moved == 0)
        #expect(again.archive == nil)
        #expect(again.source == kept)

        // More entries since: they are archived after the ones already there.
        let more = try JournalArchive.plan(source: Document(kept), archive: Document(archive), scope: scope, keep: 0, archiveTitle: "Archive of a.md")
        if 5 - moving > 0 {
            #expect(try Self.entries(try #require(more.archive), scope: scope) == original)
        }
    }

    @Test("the session log's entries are its level-2 sections, whatever their headings say")
    func sessionLog() throws {
        let log = Array("# Sessions\n\n## 2026-01-01 09:00:00 a\n\n- **Summary**: one\n\n## anything (2)\n\n- **Summary**: two\n".utf8)
        let plan = try JournalArchive.plan(source: Document(log), archive: nil, scope: .sessionLog, keep: 1, archiveTitle: "Archive of sessions.md")
        #expect(plan.source.map { String(decoding: $0, as: UTF8.self) } == "# Sessions\n\n## anything (2)\n\n- **Summary**: two\n")
        #expect(plan.archive.map { String(decoding: $0, as: UTF8.self) } == "# Sessions\n\n## 2026-01-01 09:00:00 a\n\n- **Summary**: one\n")
        let untitled = Array("## 2026-01-01 09:00 a\n\n**Summary**: one\n\n## 2026-01-02 09:00 a\n\n**Summary**: two\n".utf8)
        let second = try JournalArchive.plan(source: Document(untitled), archive: nil, scope: .sessionLog, keep: 1, archiveTitle: "Archive of sessions.md")
        #expect(second.source.map { String(decoding: $0, as: UTF8.self) } == "## 2026-01-02 09:00 a\n\n**Summary**: two\n")
        #expect(second.archive.map { String(decoding: $0, as: UTF8.self) } == "# Archive of sessions.md\n\n## 2026-01-01 09:00 a\n\n**Summary**: one\n")
    }

    @Test("a file without the journal section is not found; one without entries moves nothing")
    func missingJournal() throws {
        let scope = JournalScope.section(SectionAddress(title: "Evolution Journal"))
        #expect(throws: InsightsError.self) {
            try JournalArchive.plan(source: Document(Array("# A\n".utf8)), archive: nil, scope: scope, keep: 0, archiveTitle: "x")
        }
        let empty = try JournalArchive.plan(source: Document(Array("## Evolution Journal\n\nNothing yet.\n".utf8)), archive: nil, scope: scope, keep: 0, archiveTitle: "x")
        #expect(empty.moved == 0 && empty.source == nil && empty.archive == nil)
    }
}
