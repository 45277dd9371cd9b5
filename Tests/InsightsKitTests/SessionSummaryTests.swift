import Testing
@testable import InsightsKit

/// How a session summary reads what agents write: one field split at its label, the summary
/// block an agent prints, and the errors for unknown and missing labels.
@Suite("Session summary input")
struct SessionSummaryTests {
    static let backend = try! TemplateCatalog(projectFolder: nil).template(named: "backend-architect")
    static let labels = backend.fields.map(\.label)

    /// `text` read as one field against the backend architect's labels, as `label=value`
    /// (`?` before the label when it is none of them); nil when it is not a field at all.
    static func read(_ text: String, labels: [String] = labels) -> String? {
        SessionSummary.field(text, labels: labels).map { (labels.contains($0.label) ? "" : "?") + "\($0.label)=\($0.value)" }
    }

    static func failure(_ body: () throws -> Void) -> InsightsError? {
        do {
            try body()
            return nil
        } catch {
            return error as? InsightsError
        }
    }

    @Test("a field splits at the earliest = or : whose left side is a label", arguments: [
        ("System Implementation=Orders API", "System Implementation=Orders API"),
        ("System Implementation: Orders API", "System Implementation=Orders API"),
        ("**System Implementation**: Orders API", "System Implementation=Orders API"),
        ("**System Implementation:** Orders API", "System Implementation=Orders API"),
        ("- **System Implementation**: Orders API", "System Implementation=Orders API"),
        ("* **System Implementation:** Orders API", "System Implementation=Orders API"),
        ("  system \t IMPLEMENTATION = Orders API  ", "System Implementation=Orders API"),
        ("`Monitoring/Validation`: alarms", "Monitoring/Validation=alarms"),
        ("__Knowledge Captured:__ pool sizing", "Knowledge Captured=pool sizing"),
        ("**Performance Achieved**: p95=84 ms: under target", "Performance Achieved=p95=84 ms: under target"),
        ("Performance Achieved=ratio: 3", "Performance Achieved=ratio: 3"),
        ("Architecture Impact: a: b", "Architecture Impact=a: b"),
        ("**Integration Points**:**webhook**", "Integration Points=**webhook**"),
        ("Collaboration Needs:", "Collaboration Needs="),
    ])
    func knownLabels(text: String, expected: String) {
        #expect(Self.read(text) == expected)
    }

    @Test("with no label, the text before the earliest = or : is an unknown label", arguments: [
        ("Sytem Implementation=Orders API", "?Sytem Implementation=Orders API"),
        ("**Sytem Implementation**: a=b", "?**Sytem Implementation**=a=b"),
        ("**Sytem:** x", "?**Sytem:**=x"),
        ("System: Implementation", "?System=Implementation"),
        ("Monitoring: alarms", "?Monitoring=alarms"),
        ("=x", "?=x"),
    ])
    func unknownLabels(text: String, expected: String) {
        #expect(Self.read(text) == expected)
    }

    @Test func noSeparatorIsNoField() {
        #expect(Self.read("System Implementation") == nil)
        #expect(Self.read("") == nil)
        #expect(Self.read("- **System Implementation**") == nil)
    }

    @Test("a label holding : or = is found at its own split point")
    func labelWithSeparators() {
        let labels = ["Ratio: A/B", "Ratio"]
        #expect(Self.read("Ratio: A/B=3", labels: labels) == "Ratio=A/B=3")
        #expect(Self.read("Ratio: A/B=3", labels: ["Ratio: A/B"]) == "Ratio: A/B=3")
        #expect(Self.read("Key=a=b", labels: ["Key=a"]) == "Key=a=b")
    }

    @Test("a prefix or a near miss is suggested, never matched")
    func suggestions() {
        #expect(SessionSummary.suggestion(for: "System", in: Self.labels) == "System Implementation")
        #expect(SessionSummary.suggestion(for: "**Sytem Implementation**", in: Self.labels) == "System Implementation")
        #expect(SessionSummary.suggestion(for: "Monitoring", in: Self.labels) == "Monitoring/Validation")
        #expect(SessionSummary.suggestion(for: "Bogus", in: Self.labels) == nil)
        #expect(SessionSummary.suggestion(for: "", in: Self.labels) == nil)
        let error = Self.failure { _ = try SessionSummary(template: Self.backend, given: [("System", "x")], allowMissing: true) }
        #expect(error?.kind == .unknownField)
        #expect(error?.message == "\"System\" is not a summary field of backend-architect; did you mean \"System Implementation\"?")
    }

    @Test("labels match in loose form")
    func looseMatching() throws {
        let summary = try SessionSummary(template: Self.backend, given: [
            ("**System Implementation:**", "a"), ("key technical  decision", "b"), ("`Performance Achieved`", "c"),
        ], allowMissing: true)
        #expect(summary.text == "**System Implementation**: a\n**Key Technical Decision**: b\n**Performance Achieved**: c\n")
    }

    @Test("every unknown label is in one error, each with its suggestion")
    func everyUnknownLabel() {
        let given: [(label: String, value: String?)] = [
            ("Sytem Implementation", "a"), ("Key Technical Decision", "b"), ("Perfomance Achieved", "c"), ("Bogus", "d"), ("bogus", "e"),
        ]
        let error = Self.failure { _ = try SessionSummary(template: Self.backend, given: given, allowMissing: false) }
        #expect(error?.kind == .unknownField)
        #expect(error?.code == .badData)
        #expect(error?.message == "3 labels are not summary fields of backend-architect: \"Sytem Implementation\" (did you mean "
            + "\"System Implementation\"?), \"Perfomance Achieved\" (did you mean \"Performance Achieved\"?), \"Bogus\"")
        #expect(error?.candidates.map(\.title) == ["System Implementation", "Performance Achieved"])
        #expect(error?.hint?.hasPrefix("its fields: \"System Implementation\", ") == true)
    }

    @Test("missing fields are named, with their labels as candidates")
    func missingFields() {
        let given = Self.labels.dropLast(2).map { (label: $0, value: String?.some("done")) }
        let error = Self.failure { _ = try SessionSummary(template: Self.backend, given: Array(given), allowMissing: false) }
        #expect(error?.kind == .missingField)
        #expect(error?.code == .badData)
        #expect(error?.message == "2 summary fields are missing: \"Knowledge Captured\", \"Collaboration Needs\"")
        #expect(error?.candidates.map(\.title) == ["Knowledge Captured", "Collaboration Needs"])
    }

    static func block(_ text: String) throws -> [String] {
        try SessionSummary.fields(inBlock: Array(text.utf8), labels: labels).map { "\($0.label)=\($0.value ?? "nil")" }
    }

    @Test("the summary block: headings and blank lines skipped, each line a field", arguments: ["\n", "\r\n", "\r"])
    func summaryBlock(lineEnding: String) throws {
        let lines = ["## Session Summary", "", "**System Implementation**: Orders API", "- **Key Technical Decision:** PG 16",
                     "  Performance Achieved: p95 84 ms  ", "**Bogus Label**: kept for the error", "#", "### Notes ###"]
        #expect(try Self.block(lines.joined(separator: lineEnding) + lineEnding) == [
            "System Implementation=Orders API", "Key Technical Decision=PG 16", "Performance Achieved=p95 84 ms",
            "**Bogus Label**=kept for the error",
        ])
        #expect(try Self.block("\u{FEFF}System Implementation=a") == ["System Implementation=a"])
        #expect(try Self.block("") == [])
        #expect(try Self.block("\n \n") == [])
    }

    @Test("a line of the block that is no field is named by number and text", arguments: [
        ("## Session Summary\nAfter updating insights.md, provide this enhanced summary:\n", 2, "After updating insights.md, provide this enhanced summary:"),
        ("**System Implementation**: a\r\n  wrapped onto a second line\r\n", 2, "wrapped onto a second line"),
        ("Sytem Implementation: a\n", 1, "Sytem Implementation: a"),
        ("#hashtag: a\n", 1, "#hashtag: a"),
        ("\n\n**System Implementation**\n", 3, "**System Implementation**"),
    ])
    func strayLine(text: String, line: Int, shown: String) {
        let error = Self.failure { _ = try Self.block(text) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.code == .badData)
        #expect(error?.message == "standard input line \(line) is not a summary field: \"\(shown)\"")
        #expect(error?.hint?.contains("\"System Implementation\"") == true)
    }

    @Test func blockMustBeUTF8() {
        let error = Self.failure { _ = try SessionSummary.fields(inBlock: [0x41, 0x3A, 0xFF], labels: Self.labels) }
        #expect(error?.code == .badData)
        #expect(error?.message.hasPrefix("standard input line 1, column 3") == true)
    }

    @Test("the session log: # Sessions, a heading with seconds (numbered on a clash), one list item per field")
    func sessionLogFormat() throws {
        let summary = try SessionSummary(template: Self.backend, given: [("System Implementation", "Orders API"), ("Key Technical Decision", "Postgres")],
                                         allowMissing: true)
        let first = summary.appended(to: nil, agent: "backend-architect", date: "2026-01-02", time: "10:11:12")
        let items = "- **System Implementation**: Orders API\n- **Key Technical Decision**: Postgres\n"
        #expect(String(decoding: first, as: UTF8.self) == "# Sessions\n\n## 2026-01-02 10:11:12 backend-architect\n\n" + items)
        let second = summary.appended(to: first, agent: "backend-architect", date: "2026-01-02", time: "10:11:12")
        let third = summary.appended(to: second, agent: "backend-architect", date: "2026-01-02", time: "10:11:12")
        let other = summary.appended(to: third, agent: "frontend-developer", date: "2026-01-02", time: "10:11:12")
        let headings = String(decoding: other, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## 2026-01-02 10:11:12 backend-architect", "## 2026-01-02 10:11:12 backend-architect (2)",
                             "## 2026-01-02 10:11:12 backend-architect (3)", "## 2026-01-02 10:11:12 frontend-developer"])
        #expect(String(decoding: second, as: UTF8.self).hasSuffix(items + "\n## 2026-01-02 10:11:12 backend-architect (2)\n\n" + items))
        // An existing log keeps its bytes and line endings; the entry follows a blank line.
        let old = Array("# Session log\r\n\r\n## 2025-12-01 09:00 x\r\n\r\n**A**: b".utf8)
        let added = String(decoding: summary.appended(to: old, agent: "y", date: "2026-01-02", time: "10:11:12"), as: UTF8.self)
        #expect(added.hasPrefix("# Session log\r\n\r\n## 2025-12-01 09:00 x\r\n\r\n**A**: b\r\n\r\n## 2026-01-02 10:11:12 y\r\n\r\n- **System"))
    }
}
