import Testing
@testable import InsightsKit

/// `insights status`: who owns which section, when each last wrote, placeholders, budgets.
@Suite("Memory status")
struct MemoryStatusTests {
    static let owners = [SectionOwner(agent: "backend-architect", section: "System Architecture", limit: 10),
                         SectionOwner(agent: "frontend-developer", section: "Frontend Development Insights", limit: nil)]

    static let file = """
        # Insights

        ## Frontend Development Insights

        - **Framework**: [Choice] - Bundle: [Size]
        - A [link](https://example.com) and a task [x] box are not placeholders.

        ```text
        [Not counted] inside code
        ```

        Last updated: **2026-02-27**

        ## Team Notes

        Free text, no stamp.

        ## System Architecture

        ### Current Implementations

        - **Orders API**: [Technology]

        Last updated: 2026-01-31

        """

    @Test("one row per owned section in file order, then the unowned ones")
    func rows() {
        let status = MemoryStatus(Document(Array(Self.file.utf8)), owners: Self.owners, today: "2026-03-01")
        #expect(status.agents == [
            SectionState(agent: "frontend-developer", section: "Frontend Development Insights", line: 3, lastUpdated: "**2026-02-27**",
                         daysSince: 2, placeholders: 2, lines: 10, limit: nil),
            SectionState(agent: "backend-architect", section: "System Architecture", line: 18, lastUpdated: "2026-01-31",
                         daysSince: 29, placeholders: 1, lines: 7, limit: 10),
        ])
        #expect(status.unowned == [SectionState(agent: nil, section: "Team Notes", line: 14, lastUpdated: nil, daysSince: nil,
                                                placeholders: 0, lines: 3, limit: nil)])
    }

    @Test("placeholders are the ones check reports, each counted")
    func placeholdersAreCheckPlaceholders() throws {
        let document = Document(Array(Self.file.utf8))
        let status = MemoryStatus(document, owners: Self.owners, today: "2026-03-01")
        let findings = try Check.run(document, options: CheckOptions(budgets: [])).findings.filter { $0.rule == .placeholder }
        // check reports a line once, naming each placeholder on it.
        let named = findings.map { $0.message.split(separator: "\"").count / 2 }.reduce(0, +)
        #expect(status.agents.map(\.placeholders).reduce(0, +) == named)
        #expect(named == 3)
    }

    @Test("days between dates, across months, leap days and years", arguments: [
        ("2026-01-01", "2026-01-01", 0), ("2026-01-31", "2026-03-01", 29), ("2024-02-28", "2024-03-01", 2),
        ("2025-12-31", "2026-01-01", 1), ("2000-01-01", "2026-01-01", 9497), ("2026-03-01", "2026-02-01", -28),
    ])
    func days(from: String, to: String, expected: Int) {
        #expect(CalendarDate.days(from: from, to: to) == expected)
    }

    @Test("a value that is not a date has no days since")
    func notADate() {
        #expect(CalendarDate.days(from: "[Date]", to: "2026-01-01") == nil)
        #expect(CalendarDate.days(from: "2026-02-30", to: "2026-03-01") == nil)
    }

    @Test("the bundled templates own their sections with their budgets")
    func bundledOwners() {
        let owners = TemplateCatalog(projectFolder: nil).owners()
        #expect(owners.count == 39)
        #expect(owners.contains(SectionOwner(agent: "backend-architect", section: "System Architecture", limit: 150)))
        #expect(!owners.contains { $0.section.hasPrefix("[") })
    }
}
