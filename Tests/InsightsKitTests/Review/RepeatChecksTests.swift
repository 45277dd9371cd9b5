import Foundation
import Testing
@testable import InsightsKit

/// The rules near-duplicate-section, duplicate-stamp and duplicate-key.
@Suite("Repeat checks")
struct RepeatChecksTests {
    static let rules: Set<CheckRule> = [.nearDuplicateSection, .duplicateStamp, .duplicateKey]

    /// The findings of `rule` in `text`, checked as `insights check` reads a file and as a
    /// library user's fully scanned document (the same findings either way).
    func findings(_ rule: CheckRule, in text: String, strict: Bool = false) throws -> [Finding] {
        let bytes = Array(text.utf8)
        let options = CheckOptions(strict: strict)
        let found = try Check.run(Document(bytes), options: options).findings.filter { $0.rule == rule }
        let scanned = try Check.run(Document(bytes), options: options).findings.filter { $0.rule == rule }
        #expect(found == scanned)
        return found
    }

    // MARK: near-duplicate-section

    @Test("a title equal to an earlier sibling's in loose form is a near duplicate, at the later heading")
    func nearDuplicate() throws {
        let text = """
            # Insights

            ## Growth Strategy Intelligence

            ### Key Technical Decisions
            - **Channel**: TikTok

            ### key technical decisions:
            - **Budget**: small

            ## growth  strategy intelligence

            ## **Growth Strategy Intelligence**

            """
        let found = try findings(.nearDuplicateSection, in: text)
        #expect(found.map(\.line) == [8, 11, 13])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found[0].section == "Growth Strategy Intelligence > key technical decisions:")
        #expect(found[0].message == #"section "Growth Strategy Intelligence" > "key technical decisions:" nearly duplicates "Key Technical Decisions" at line 5 (titles equal but for case, emphasis, a trailing colon or spacing)"#)
        #expect(found[1].message.contains(#"nearly duplicates "Growth Strategy Intelligence" at line 3"#))
        #expect(found[2].message.contains(#"nearly duplicates "Growth Strategy Intelligence" at line 3"#))
    }

    @Test("not a near duplicate: under other parents, at another level, or an exact duplicate")
    func notNearDuplicates() throws {
        let text = """
            ## Frontend Patterns
            ### Lessons Learned
            - one

            ## Backend Patterns
            ### lessons learned
            - two
            #### Lessons Learned:
            - three

            ## System Architecture
            ## System Architecture

            """
        #expect(try findings(.nearDuplicateSection, in: text).isEmpty)
        // The exact duplicate is the duplicate-section rule's error.
        let report = try Check.run(Document(Array(text.utf8)), options: CheckOptions())
        #expect(report.findings.map(\.rule) == [.duplicateSection])
    }

    @Test("each section is one finding: a repeat of an exact title is a duplicate only")
    func exactRepeatOfANearDuplicate() throws {
        let text = "## Alpha\n\n## alpha\n\n## Alpha\n\n## alpha\n\n## ALPHA\n"
        let report = try Check.run(Document(Array(text.utf8)), options: CheckOptions())
        #expect(report.findings.map(\.rule) == [.nearDuplicateSection, .duplicateSection, .duplicateSection, .nearDuplicateSection])
        #expect(report.findings.map(\.line) == [3, 5, 7, 9])
        #expect(report.findings.filter { $0.rule == .nearDuplicateSection }.allSatisfy { $0.message.contains("\"Alpha\" at line 1") })
    }

    @Test("titles with letters beyond ASCII are compared in their loose form")
    func unicodeTitles() throws {
        #expect(try findings(.nearDuplicateSection, in: "## Études Récentes\n\n## études récentes:\n").map(\.line) == [3])
        #expect(try findings(.nearDuplicateSection, in: "## Études\n\n## Etudes\n").isEmpty)
    }

    // MARK: duplicate-stamp

    @Test("a second Last updated line right before the closing one, or ending the last subsection, is a duplicate")
    func duplicateStamp() throws {
        let text = """
            # Insights

            ## System Architecture

            ### Key Technical Decisions
            - **Database**: PostgreSQL

            Last updated: 2026-01-02
            Last updated: 2026-01-03

            ## Frontend Patterns

            ### Lessons Learned
            - **Forms**: one library
            **Last updated**: 2026-01-01

            Last updated: 2026-01-04

            """
        let found = try findings(.duplicateStamp, in: text)
        #expect(found.map(\.line) == [8, 15])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found[0].section == "System Architecture")
        #expect(found[0].message == #"another Last updated line before the one closing section "System Architecture" at line 9; update sets only that one"#)
        #expect(found[1].section == "Frontend Patterns")
        #expect(found[1].message.contains("closing section \"Frontend Patterns\" at line 17"))
    }

    @Test("three stamps in a row: the two before the closing one")
    func threeStamps() throws {
        let text = "## Notes\n- one\n\n- Last updated: 2026-01-01\n\nLast updated: 2026-01-02\n\n\nLast updated: 2026-01-03\n"
        #expect(try findings(.duplicateStamp, in: text).map(\.line) == [4, 6])
    }

    @Test("not a duplicate stamp: one in the middle followed by text, one per subsection, one in a code block")
    func notDuplicateStamps() throws {
        let middle = "## Notes\nLast updated: 2026-01-01\nThe plan changed.\n\nLast updated: 2026-01-02\n"
        #expect(try findings(.duplicateStamp, in: middle).isEmpty)
        let perSubsection = "## Notes\n### One\n- a\n\nLast updated: 2026-01-01\n\n### Two\n- b\n\nLast updated: 2026-01-02\n"
        #expect(try findings(.duplicateStamp, in: perSubsection).isEmpty)
        let fenced = "## Notes\n```\nLast updated: 2026-01-01\n```\nLast updated: 2026-01-02\n"
        #expect(try findings(.duplicateStamp, in: fenced).isEmpty)
        let fencedPair = "## Notes\n- a\n\n```text\nLast updated: 2026-01-01\nLast updated: 2026-01-02\n```\n"
        #expect(try findings(.duplicateStamp, in: fencedPair).isEmpty)
        // A setext heading whose text reads like a stamp is a heading.
        let setext = "## Notes\n- a\n\nLast updated: 2026-01-01\n---\n\nLast updated: 2026-01-02\n"
        #expect(try findings(.duplicateStamp, in: setext).isEmpty)
    }

    @Test("the top level is the level under the file's title: level-1 sections without subsections, or level 2")
    func topLevel() throws {
        // The file's title encloses the sections: each duplicate is reported once.
        let titled = "# Insights\n\n## Notes\n- a\n\nLast updated: 2026-01-01\nLast updated: 2026-01-02\n"
        #expect(try findings(.duplicateStamp, in: titled).map(\.line) == [6])
        let levelOne = "# Notes\n- a\n\nLast updated: 2026-01-01\nLast updated: 2026-01-02\n\n# Other\n- b\n"
        #expect(try findings(.duplicateStamp, in: levelOne).map(\.line) == [4])
        let deeper = "# Insights\n\n### Notes\n#### Sub\n- a\n\nLast updated: 2026-01-01\n\nLast updated: 2026-01-02\n"
        let found = try findings(.duplicateStamp, in: deeper)
        #expect(found.map(\.line) == [7])
        #expect(found.first?.section == "Notes")
    }

    // MARK: duplicate-key

    @Test("two entries of one section with the same loose key: the second, naming the first")
    func duplicateKey() throws {
        let text = """
            ## System Architecture

            ### Key Technical Decisions
            - **Database Choice**: PostgreSQL - Rationale: relational data
            - **Caching**: Redis
            * **database choice:** MySQL
            1. **Database  Choice**: SQLite

            """
        let found = try findings(.duplicateKey, in: text)
        #expect(found.map(\.line) == [6, 7])
        #expect(found.allSatisfy { $0.severity == .warning && $0.message.hasSuffix("(first at line 4); set changes only the first") })
        #expect(found.first?.section == "System Architecture > Key Technical Decisions")
        #expect(found.first?.message == #"duplicate key "database choice" in section "System Architecture" > "Key Technical Decisions" (first at line 4); set changes only the first"#)
        let sameList = "## Notes\n- **Queue**: SQS\n- **Search**: OpenSearch\n- **`Queue`**: Kafka\n- **QUEUE:** RabbitMQ\n"
        #expect(try findings(.duplicateKey, in: sameList).map(\.line) == [4, 5])
    }

    @Test("not a duplicate key: a placeholder key, other sections, nested items, code, stamps")
    func notDuplicateKeys() throws {
        let placeholders = "## Tools\n- **[Tool Category]**: [Tool name]\n- **[Tool Category]**: [Tool name]\n- **[ Tool Category ]:** [Other]\n"
        #expect(try findings(.duplicateKey, in: placeholders).isEmpty)
        let sections = "## Notes\n- **Queue**: SQS\n\n### Detail\n- **Queue**: FIFO\n\n### More\n- **Queue**: DLQ\n"
        #expect(try findings(.duplicateKey, in: sections).isEmpty)
        let nested = "## Notes\n- **Frontend**:\n  - **Queue**: none\n- **Backend**:\n  - **Queue**: SQS\n"
        #expect(try findings(.duplicateKey, in: nested).isEmpty)
        let fenced = "## Notes\n- **Queue**: SQS\n\n```\n- **Queue**: example\n```\n"
        #expect(try findings(.duplicateKey, in: fenced).isEmpty)
        let quoted = "## Notes\n- **Queue**: SQS\n\n> - **Queue**: quoted\n"
        #expect(try findings(.duplicateKey, in: quoted).isEmpty)
        let notKeys = "## Notes\n- **Queue** is SQS\n- **Queue** is SQS\n- **Queue**: SQS\n"
        #expect(try findings(.duplicateKey, in: notKeys).isEmpty)
        // Stamps as list items are the duplicate-stamp rule's.
        let stamps = "## Notes\n- **Last updated**: 2026-01-01\n- **Last updated**: 2026-01-02\n"
        #expect(try findings(.duplicateKey, in: stamps).isEmpty)
        #expect(try findings(.duplicateStamp, in: stamps).map(\.line) == [2])
    }

    @Test("a keyed entry's key: **KEY**: or **KEY:**, the first ** closing it")
    func entryKeys() {
        func key(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            return KeyedEntry.key(in: bytes[...]).map { String(decoding: bytes[$0.key], as: UTF8.self) }
        }
        #expect(key("**Database Choice**: PostgreSQL") == "Database Choice")
        #expect(key("  **Database Choice:** PostgreSQL") == "Database Choice")
        #expect(key("**A**:") == "A")
        #expect(key("**Database** Choice: PostgreSQL") == nil)
        #expect(key("**:** x") == nil)
        #expect(key("****: x") == nil)
        #expect(key("**Open: never closed") == nil)
        #expect(key("*Database*: PostgreSQL") == nil)
    }

    @Test("titles with equal loose forms have equal loose hashes")
    func looseHashes() {
        let groups = [
            ["Key Technical Decisions", "key technical decisions:", "**Key  Technical Decisions**", "## `Key Technical Decisions`:", " __KEY TECHNICAL DECISIONS__ "],
            ["Études Récentes", "études récentes", "**ÉTUDES RÉCENTES:**"],
            ["\u{212A}elvin", "kelvin", "Kelvin:"],
        ]
        for group in groups {
            #expect(Set(group.map { Title.loose($0) }).count == 1, "\(group)")
            #expect(Set(group.map { Title.looseHash($0.utf8) }).count == 1, "\(group)")
        }
        #expect(Title.looseHash("Key Decisions".utf8) != Title.looseHash("Key Technical Decisions".utf8))
    }

    // MARK: all three

    @Test("--strict makes the three warnings errors")
    func strict() throws {
        let text = "## Notes\n- **Queue**: SQS\n- **queue**: SQS\n\nLast updated: 2026-01-01\nLast updated: 2026-01-02\n\n## notes:\n"
        let report = try Check.run(Document(Array(text.utf8)), options: CheckOptions(strict: true))
        #expect(report.findings.map(\.rule) == [.duplicateKey, .duplicateStamp, .nearDuplicateSection])
        #expect(report.findings.map(\.line) == [3, 5, 8])
        #expect(report.errorCount == 3 && report.warningCount == 0)
        #expect(try Check.run(Document(Array(text.utf8)), options: CheckOptions()).warningCount == 3)
    }

    @Test("a file with every agent's section from its template, and the fixtures, have none of them")
    func templatesAndFixturesAreClean() throws {
        let catalog = TemplateCatalog(projectFolder: nil)
        var document = Document(Array("# Insights\n\nShared memory of the agents.\n".utf8))
        var agents = 0
        for name in TemplateCatalog.bundledNames where name != "default" {
            let template = try catalog.agent(named: name)
            document = try document.applying(EditRequest(address: SectionAddress(title: template.section), edit: .keep,
                                                         skeleton: template.skeleton, stampDate: "2026-01-01")).document
            agents += 1
        }
        #expect(agents == 39)
        let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        let files: [(String, [UInt8])] = [
            ("init", document.bytes),
            ("Examples/insights.md", [UInt8](try Data(contentsOf: root.appendingPathComponent("Examples/insights.md")))),
            ("Tests/Fixtures/team/insights.md", try Fixtures.bytes("team/insights.md")),
        ] + (try Fixtures.files(in: "handwritten").map { ($0, try Fixtures.bytes($0)) })
        for (name, bytes) in files {
            let report = try Check.run(Document(bytes), options: CheckOptions())
            let found = report.findings.filter { Self.rules.contains($0.rule) }
            #expect(found.isEmpty, "\(name): \(found.map { "\($0.line ?? 0): [\($0.rule.rawValue)] \($0.message)" })")
        }
    }
}
