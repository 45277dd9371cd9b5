import Foundation
import Testing

/// A template file of `Templates/`, read as plain text, independently of the library.
struct TemplateFile: Sendable, CustomTestStringConvertible {
    let name: String
    let section: String
    /// The skeleton's body lines (after its `## ` heading), trailing blank lines dropped.
    let skeleton: [String]
    /// `(label, hint)` of each `**Label**: hint` line of the summary part.
    let fields: [(label: String, hint: String)]
    var testDescription: String { name }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates")

    /// The 39 agent templates.
    static let agents: [TemplateFile] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".md") && $0 != "default.md" }.sorted().compactMap { try? TemplateFile(String($0.dropLast(3))) }

    init(_ name: String) throws {
        self.name = name
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        section = try #require(lines.first { $0.hasPrefix("section: ") }).dropFirst("section: ".count).description
        let sectionPart = try #require(lines.firstIndex(of: "# Section"))
        let summaryPart = try #require(lines.firstIndex(of: "# Session Summary"))
        let heading = try #require(lines[sectionPart...].firstIndex { $0.hasPrefix("## ") })
        var body = Array(lines[(heading + 1)..<summaryPart])
        while body.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { body.removeLast() }
        skeleton = body
        fields = lines[(summaryPart + 1)...].compactMap { line in
            guard line.hasPrefix("**"), let close = line.range(of: "**: ") else { return nil }
            return (String(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound]), String(line[close.upperBound...]))
        }
    }
}

/// Today in the local time zone, as the stamp writes it.
func today() -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.timeZone = .current
    return formatter.string(from: Date())
}

@Suite("Every agent's workflow")
struct EveryAgentTests {
    @Test("init --agent gives the template's skeleton with today's date", arguments: TemplateFile.agents)
    func initCreatesTheSkeleton(template: TemplateFile) throws {
        try withSandbox { sandbox in
            let run = try insights(["init", "--agent", template.name], in: sandbox.url)
            #expect(run.status == 0, "\(run)")
            let file = try #require(text(at: sandbox.path(".superagent/memory/insights.md")))
            let body = template.skeleton.map { $0 == "Last updated: [Date]" ? "Last updated: \(today())" : $0 }
            let expected = "## \(template.section)\n" + body.joined(separator: "\n") + "\n"
            #expect(file.hasSuffix("\n\n" + expected), "\(file)")
            #expect(!file.contains("[Date]"))
            let read = try insights(["read", "--agent", template.name], in: sandbox.url)
            // The blank line under the heading is layout, which `read` leaves out.
            #expect(body.first == "")
            #expect(read.out == body.drop { $0.isEmpty }.joined(separator: "\n") + "\n")
        }
    }

    @Test("session-summary --agent prints exactly the agent's labels in order", arguments: TemplateFile.agents)
    func summaryHasEveryLabel(template: TemplateFile) throws {
        let values = template.fields.enumerated().map { "value \($0.offset + 1) of \(template.name)" }
        let arguments = zip(template.fields, values).flatMap { ["--field", "\($0.label)=\($1)"] }
        let run = try insights(["session-summary", "--agent", template.name] + arguments)
        #expect(run.status == 0, "\(run)")
        #expect(run.out == zip(template.fields, values).map { "**\($0.label)**: \($1)\n" }.joined())
        #expect(run.err.isEmpty)
    }

    @Test("session-summary without one label exits 65 naming it and its hint", arguments: TemplateFile.agents)
    func summaryMissingALabel(template: TemplateFile) throws {
        let required = template.fields.filter { $0.hint.hasPrefix("[") }
        let left = try #require(required.last)
        let arguments = template.fields.filter { $0.label != left.label }.flatMap { ["--field", "\($0.label)=done"] }
        let run = try insights(["session-summary", "--agent", template.name] + arguments)
        #expect(run.status == 65, "\(run)")
        #expect(run.firstErrorLine == "\(errorPrefix)a summary field is missing: \"\(left.label)\"")
        #expect(run.err.contains("insights: hint: --field \"\(left.label)=\(left.hint)\""), "\(run)")
        #expect(run.stdout.isEmpty)
    }
}

@Suite("The backend architect's protocol, end to end")
struct BackendArchitectTests {
    @Test("on a file holding the other 38 agents' sections")
    func wholeProtocol() throws {
        try withSandbox { sandbox in
            let teamFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/team/insights.md")
            let original = [UInt8](try Data(contentsOf: teamFile))
            let path = try sandbox.write(".superagent/memory/insights.md", original)
            let folder = sandbox.url
            let others = try #require(try insights(["list", "--json"], in: folder).json()["sections"] as? [[String: Any]])
            #expect(others.filter { $0["level"] as? Int == 2 }.count == 38)

            // 1. Look for the section: it is not there yet.
            let look = try insights(["read", "--agent", "backend-architect"], in: folder)
            #expect(look.status == 3)
            #expect(look.firstErrorLine == "\(errorPrefix)section \"System Architecture\" not found; there is a level-3 heading \"System Architecture\" at line 330 (level 3)")

            // 2. Create it at the end from the template, writing this session's implementation.
            let create = try insights(["update", "--agent", "backend-architect", "--sub", "Current Implementations", "--json",
                                       "--body", "- **Orders API**: Swift on Vapor - p95 84 ms - scales out behind the ALB\n"], in: folder)
            #expect(create.status == 0, "\(create)")
            #expect(try create.json()["created"] as? Bool == true)
            var file = try #require(bytes(at: path))
            #expect(Array(file.prefix(original.count)) == original, "the 38 other sections changed")
            var added = String(decoding: file.dropFirst(original.count), as: UTF8.self)
            #expect(added.hasPrefix("\n## System Architecture\n\n### Current Implementations\n\n- **Orders API**: Swift on Vapor"))
            #expect(added.hasSuffix("\nLast updated: \(today())\n"))
            #expect(added.contains("- **Database Choice**: [Choice made] - Rationale: [Why this approach]\n"))

            // 3. Record the key decision, twice: one entry, the second value.
            for value in ["PostgreSQL 15 - Rationale: relational orders", "PostgreSQL 16 - Rationale: relational orders, JSONB for events"] {
                let set = try insights(["set", "--agent", "backend-architect", "--sub", "Key Technical Decisions", "Database Choice", value], in: folder)
                #expect(set.status == 0, "\(set)")
            }
            file = try #require(bytes(at: path))
            #expect(Array(file.prefix(original.count)) == original, "the 38 other sections changed")
            added = String(decoding: file.dropFirst(original.count), as: UTF8.self)
            let entries = added.split(separator: "\n").filter { $0.contains("**Database Choice**") }
            #expect(entries == ["- **Database Choice**: PostgreSQL 16 - Rationale: relational orders, JSONB for events"])
            let read = try insights(["read", "--agent", "backend-architect", "--sub", "Key Technical Decisions"], in: folder)
            #expect(read.out.hasPrefix("- **Database Choice**: PostgreSQL 16"), "\(read)")
            let after = try #require(try insights(["list", "--json"], in: folder).json()["sections"] as? [[String: Any]])
            #expect(after.filter { $0["level"] as? Int == 2 }.map { $0["title"] as? String }.last == "System Architecture")

            // 4. The session summary, printed and logged.
            let labels = ["System Implementation", "Key Technical Decision", "Performance Achieved", "Architecture Impact",
                          "Integration Points", "Monitoring/Validation", "Knowledge Captured", "Collaboration Needs"]
            let summary = try insights(["session-summary", "--agent", "backend-architect", "--log"]
                + labels.flatMap { ["--field", "\($0)=\($0.lowercased()) noted"] }, in: folder)
            #expect(summary.status == 0, "\(summary)")
            let expected = labels.map { "**\($0)**: \($0.lowercased()) noted\n" }.joined()
            #expect(summary.out == expected)
            let log = try #require(text(at: sandbox.path(".superagent/memory/sessions.md")))
            let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first == "# Sessions")
            let heading = try #require(lines.first { $0.hasPrefix("## ") })
            #expect(heading.wholeMatch(of: /## \d{4}-\d\d-\d\d \d\d:\d\d:\d\d backend-architect/) != nil, "\(heading)")
            #expect(heading.hasPrefix("## \(today()) "), "\(heading)")
            // One field per list item, a blank line around the heading and the list.
            #expect(log.hasSuffix("\n\n" + heading + "\n\n" + expected.split(separator: "\n").map { "- \($0)\n" }.joined()))
            #expect(try listing(sandbox.path(".superagent/memory")) == ["insights.md", "sessions.md"])
        }
    }
}

@Suite("set, remove, templates and init")
struct AgentCommandTests {
    static let notes = "# Team\n\n## Notes\n\n- **Database**: MySQL\n  chosen in 2019\n  - legacy detail\n- **Cache**: none\n\nLast updated: 2026-01-01\n\n## Other\nother body\n"

    @Test("set replaces the item with its continuation lines, and matches **Key:** too")
    func setReplaces() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.notes.replacingOccurrences(of: "**Cache**:", with: "**Cache:**"))
            #expect(try insights(["set", "Notes", "Database", "PostgreSQL", "--date", "2026-02-02", "--file", file]).status == 0)
            #expect(try insights(["set", "Notes", "Cache", "Redis", "--date", "2026-02-02", "--file", file]).status == 0)
            #expect(text(at: file) == "# Team\n\n## Notes\n\n- **Database**: PostgreSQL\n- **Cache:** Redis\n\nLast updated: 2026-02-02\n\n## Other\nother body\n")
        }
    }

    @Test("set adds a missing key after the last list item; the same set again writes nothing")
    func setAdds() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.notes)
            let arguments = ["set", "Notes", "Queue", "NATS", "--date", "2026-01-01", "--file", file]
            #expect(try insights(arguments).status == 0)
            let written = try #require(text(at: file))
            #expect(written == Self.notes.replacingOccurrences(of: "- **Cache**: none\n", with: "- **Cache**: none\n- **Queue**: NATS\n"))
            let past = try ageFile(file)
            let again = try insights(arguments + ["--json"])
            #expect(try again.json()["changed"] as? Bool == false)
            #expect(try modificationDate(file) == past)
        }
    }

    @Test("set into a section without a list adds one before its Last updated line")
    func setIntoEmptySection() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", "## Notes\nSome prose.\nLast updated: 2026-01-01\n")
            #expect(try insights(["set", "Notes", "Key", "value", "--date", "2026-01-02", "--file", file]).status == 0)
            #expect(text(at: file) == "## Notes\nSome prose.\n\n- **Key**: value\n\nLast updated: 2026-01-02\n")
        }
    }

    @Test("set refuses a value of two lines with 65 and writes nothing")
    func setRefusesTwoLines() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.notes)
            let run = try insights(["set", "Notes", "Database", "one\n## Two", "--file", file])
            #expect(run.status == 65)
            #expect(run.firstErrorLine == "\(errorPrefix)the value must be one line: \"one\\n## Two\"")
            #expect(text(at: file) == Self.notes)
        }
    }

    @Test("remove deletes a section or a subsection and keeps the layout tidy; a missing one exits 3")
    func remove() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", "# Team\n\n## A\na\n\n### Sub\nsub\n\n## B\nb\n")
            #expect(try insights(["remove", "A", "--sub", "Sub", "--no-stamp", "--file", file]).status == 0)
            #expect(text(at: file) == "# Team\n\n## A\na\n\n## B\nb\n")
            #expect(try insights(["remove", "B", "--file", file]).status == 0)
            #expect(text(at: file) == "# Team\n\n## A\na\n")
            let missing = try insights(["remove", "B", "--file", file])
            #expect(missing.status == 3)
            #expect(missing.firstErrorLine == "\(errorPrefix)section \"B\" not found")
            #expect(text(at: file) == "# Team\n\n## A\na\n")
            let noFile = try insights(["remove", "A", "--file", sandbox.path("none/insights.md")])
            #expect(noFile.status == 66)
            #expect(try listing(sandbox.path) == ["insights.md"])
        }
    }

    @Test("templates lists every template and prints one byte for byte")
    func templates() throws {
        let list = try insights(["templates"])
        #expect(list.status == 0)
        #expect(list.out.split(separator: "\n").count == 40)
        #expect(list.out.contains("backend-architect"))
        let one = try insights(["templates", "backend-architect"])
        #expect(one.stdout == [UInt8](try Data(contentsOf: TemplateFile.folder.appendingPathComponent("backend-architect.md"))))
        for name in ["../secrets", "/etc/passwd", "a/b", ".."] {
            let refused = try insights(["templates", name])
            #expect(refused.status == 64)
            #expect(refused.firstErrorLine == "\(errorPrefix)template name \"\(name)\" is not a plain name")
        }
        let unknown = try insights(["update", "--agent", "backend-architec", "--body", "x"])
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("did you mean \"backend-architect\"?"))
    }

    @Test("a project's .superagent/templates overrides a bundled template")
    func projectOverride() throws {
        try withSandbox { sandbox in
            try sandbox.write(".superagent/templates/joker.md", "---\nagent: joker\nsection: Jokes\n---\n# Section\n\n## Jokes\n\n- **Best**: [Joke]\n\nLast updated: [Date]\n\n# Session Summary\n\n**Laughs**: [Count]\n")
            let nested = try sandbox.makeFolder("app/src")
            #expect(try insights(["init", "--agent", "joker", "--date", "2026-03-03"], in: nested).status == 0)
            #expect(text(at: sandbox.path("app/src/.superagent/memory/insights.md"))?.hasSuffix("## Jokes\n\n- **Best**: [Joke]\n\nLast updated: 2026-03-03\n") == true)
            let summary = try insights(["session-summary", "--agent", "joker", "--field", "Laughs=3"], in: nested)
            #expect(summary.out == "**Laughs**: 3\n")
            #expect(try insights(["templates"], in: nested).out.contains("(project)"))
        }
    }

    @Test("init on an existing file adds only the missing sections and touches nothing else")
    func initExisting() throws {
        try withSandbox { sandbox in
            let original = "# Ours\r\n\r\n## Team Humor Notes\r\nkept as is\r\n"
            let file = try sandbox.write(".superagent/memory/insights.md", original)
            let run = try insights(["init", "--agent", "joker", "--agent", "studio-coach", "--date", "2026-05-05", "--json"], in: sandbox.url)
            #expect(run.status == 0, "\(run)")
            #expect(try run.json()["added"] as? [String] == ["Team Motivation Notes"])
            let written = try #require(text(at: file))
            #expect(written.hasPrefix(original + "\r\n## Team Motivation Notes\r\n"))
            #expect(!written.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a line ending that is not the file's")
            let past = try ageFile(file)
            let again = try insights(["init", "--agent", "joker", "--agent", "studio-coach"], in: sandbox.url)
            #expect(again.status == 0)
            #expect(try modificationDate(file) == past)
        }
    }
}

@Suite("set keeps the lines after its entry out of it")
struct SetPlacementTests {
    @Test("lines indented under a new entry's content column: the entry goes where they cannot join it, and a second set changes nothing", arguments: [
        "## Notes\n1)\t> quoted\n\n   > indented three\n   more\n\nLast updated: 2026-01-01\n",
        "## Notes\n- a\n  ```\n  code\n  ```\nafter the fence\n\nLast updated: 2026-01-01\n",
    ])
    func entryStaysOneLine(original: String) throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", original)
            let arguments = ["set", "Notes", "Database Choice", "PostgreSQL", "--date", "2026-01-01", "--file", file]
            let first = try insights(arguments)
            #expect(first.status == 0, "\(first)")
            let written = try #require(text(at: file))
            // Every line of the original is still there, in order.
            let kept = written.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("Database Choice") }
            #expect(kept.filter { !$0.isEmpty } == original.split(separator: "\n").filter { !$0.isEmpty }, "\(written)")
            let second = try insights(arguments + ["--json"])
            #expect(try second.json()["changed"] as? Bool == false, "\(String(describing: text(at: file)))")
            #expect(text(at: file) == written)
            let replaced = try insights(["set", "Notes", "Database Choice", "MySQL", "--date", "2026-01-01", "--file", file])
            #expect(replaced.status == 0)
            #expect(text(at: file) == written.replacingOccurrences(of: "PostgreSQL", with: "MySQL"))
        }
    }
}
