import Testing
@testable import InsightsKit

@Suite("Stale stamps")
struct StaleStampTests {
    static let base = "## Notes\nold text\n\nLast updated: 2026-11-01\n"
    static let changed = "## Notes\nnew text\n\nLast updated: 2026-11-01\n"

    func staleFindings(today: String?) throws -> [Finding] {
        let report = try Check.run(Document(Array(Self.changed.utf8)), options: CheckOptions(base: Array(Self.base.utf8), budgets: [], today: today))
        return report.findings.filter { $0.rule == .staleStamp }
    }

    @Test("a changed section whose stamp did not move is stale, unless the stamp is already today")
    func staleUnlessToday() throws {
        #expect(try staleFindings(today: "2026-11-22").map(\.line) == [1])
        #expect(try staleFindings(today: nil).count == 1)
        #expect(try staleFindings(today: "2026-11-01").isEmpty)
    }
}
