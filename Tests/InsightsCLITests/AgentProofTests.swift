import Foundation
import Testing

// Acceptance tests for "agent-proof writes" (SPEC §6): the mistakes an agent makes when it
// shells out to `insights` are either understood (a loose title, a pasted `## `, an `@` path,
// a key spelled `Key:`) or refused with a message that says what to do instead, and a
// `read` piped into an `update` of the same section changes nothing.

/// A sandbox holding the file `insights init --agent backend-architect --agent growth-hacker
/// --agent ui-designer` makes, at `.superagent/memory/insights.md`.
struct InitedTeam {
    static let agents = ["backend-architect", "growth-hacker", "ui-designer"]
    static let relativePath = ".superagent/memory/insights.md"

    let sandbox: Sandbox
    /// The file's absolute path.
    let path: String
    /// The file as `init` wrote it.
    let original: [UInt8]

    init() throws {
        sandbox = try Sandbox()
        let made = try insights(["init"] + Self.agents.flatMap { ["--agent", $0] }, in: sandbox.url)
        try #require(made.status == 0, "\(made)")
        path = sandbox.path(Self.relativePath)
        original = try #require(bytes(at: path))
    }

    func remove() { sandbox.remove() }

    /// Runs `insights arguments --file PATH` in the sandbox.
    func run(_ arguments: [String], input: Input = .devNull) throws -> Outcome {
        try insights(arguments + ["--file", path], in: sandbox.url, input: input)
    }

    var current: [UInt8] { bytes(at: path) ?? [] }
    /// Whether the file still holds `expected` (by default, the file as `init` wrote it).
    func holds(_ expected: [UInt8]? = nil) -> Bool { current == (expected ?? original) }
    var currentText: String { String(decoding: current, as: UTF8.self) }
    var originalText: String { String(decoding: original, as: UTF8.self) }

    /// Replaces the file's bytes (to set up a case).
    func write(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Every heading, as `list --json` reports it.
    func headings() throws -> [ListedHeading] {
        try Self.headings(of: run(["list", "--json"]))
    }

    static func headings(of list: Outcome) throws -> [ListedHeading] {
        try #require(list.status == 0, "\(list)")
        let sections = try #require(try list.json()["sections"] as? [[String: Any]])
        return try sections.map { entry in
            ListedHeading(title: try #require(entry["title"] as? String), level: try #require(entry["level"] as? Int),
                          line: try #require(entry["line"] as? Int), endLine: try #require(entry["endLine"] as? Int))
        }
    }

    /// The level-2 heading titled `title` in the original file.
    func originalSection(_ title: String) throws -> ListedHeading {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("insights-original-\(UUID().uuidString).md").path
        try Data(original).write(to: URL(fileURLWithPath: copy))
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let listed = try Self.headings(of: insights(["list", "--json", "--file", copy]))
        return try #require(listed.first { $0.title == title && $0.level == 2 }, "no ## \(title) in the original file")
    }

    /// Every line of the file outside the level-2 section `title` (as it was in the original
    /// file) is as it was: the lines before it, and the lines after it.
    func expectOnlyChanged(_ title: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let section = try originalSection(title)
        let old = splitLines(originalText)
        let new = splitLines(currentText)
        let before = section.line - 1
        let after = old.count - section.endLine
        #expect(new.count >= before + after, "the file got shorter than the lines outside ## \(title)", sourceLocation: sourceLocation)
        #expect(Array(new.prefix(before)) == Array(old.prefix(before)), "lines before ## \(title) changed", sourceLocation: sourceLocation)
        #expect(Array(new.suffix(after)) == Array(old.suffix(after)), "lines after ## \(title) changed", sourceLocation: sourceLocation)
    }

    /// How many headings of `title` at `level` the file has.
    func count(_ title: String, level: Int) throws -> Int {
        try headings().filter { $0.title == title && $0.level == level }.count
    }
}

struct ListedHeading: Equatable, CustomStringConvertible {
    let title: String
    let level: Int
    let line: Int
    let endLine: Int
    var description: String { "\(String(repeating: "#", count: level)) \(title) (\(line)-\(endLine))" }
}

/// The lines of `text`, each with its line ending.
func splitLines(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    for character in text {
        current.append(character)
        if character == "\n" || character == "\r\n" {
            result.append(current)
            current = ""
        }
    }
    if !current.isEmpty { result.append(current) }
    return result
}

/// Whether `text` holds `number` as a whole number (not part of a longer one).
func mentions(_ text: String, number: Int) -> Bool {
    let digits = String(number)
    var index = text.startIndex
    while let found = text.range(of: digits, range: index..<text.endIndex) {
        let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
        let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
        if !(before?.isNumber ?? false), !(after?.isNumber ?? false) { return true }
        index = found.upperBound
    }
    return false
}

/// The `error` object of a `--json` run that failed.
func jsonError(_ run: Outcome, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(!run.stdout.isEmpty, "no JSON error object on stdout: \(run)", sourceLocation: sourceLocation)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout))
    let top = try #require(object as? [String: Any], "stdout is not one JSON object: \(run)", sourceLocation: sourceLocation)
    return try #require(top["error"] as? [String: Any], "no \"error\" object: \(run)", sourceLocation: sourceLocation)
}

@Suite("Agent-proof writes: what an agent types is understood or refused helpfully")
struct AgentProofTests {
    // MARK: - Loose titles, pasted markers, @ paths, keys

    @Test("a section named in lower case edits the real heading, says which, and reports it in JSON")
    func looseSectionTitle() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let body = "- **Failed Experiments**: cold email blasts - Why: spam filters\n"
        let run = try team.run(["update", "growth strategy intelligence", "--sub", "Avoid", "--body", body])
        #expect(run.status == 0, "\(run)")
        #expect(run.err.contains("Growth Strategy Intelligence"), "no note naming the heading matched: \(run)")
        #expect(try team.count("Growth Strategy Intelligence", level: 2) == 1)
        #expect(try team.count("growth strategy intelligence", level: 2) == 0)
        #expect(try team.count("Avoid", level: 3) == 1)
        let read = try team.run(["read", "--agent", "growth-hacker", "--sub", "Avoid"])
        #expect(read.out.hasPrefix(body), "\(read)")
        try team.expectOnlyChanged("Growth Strategy Intelligence")

        let json = try team.run(["update", "growth strategy intelligence", "--sub", "Avoid", "--json",
                                 "--body", "- **Channel Mistakes**: paid search - Learning: too early\n"])
        #expect(json.status == 0, "\(json)")
        let matched = try json.json()["matched"] as? String
        #expect(matched?.contains("Growth Strategy Intelligence") == true, "\"matched\" is \(String(describing: matched)): \(json)")
        #expect(try team.count("Growth Strategy Intelligence", level: 2) == 1)
        try team.expectOnlyChanged("Growth Strategy Intelligence")
    }

    @Test("a section named with its ## marker edits that section; no `## ## ` heading appears")
    func pastedHeadingMarker() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let body = "- **Orders API**: Swift on Vapor - p95 84 ms - scales out behind the ALB\n"
        let run = try team.run(["update", "## System Architecture", "--sub", "Current Implementations", "--body", body])
        #expect(run.status == 0, "\(run)")
        #expect(!team.currentText.contains("## ## "), "a heading with a doubled marker:\n\(team.currentText)")
        #expect(try team.count("System Architecture", level: 2) == 1)
        #expect(try team.headings().allSatisfy { !$0.title.hasPrefix("#") })
        let read = try team.run(["read", "--agent", "backend-architect", "--sub", "Current Implementations"])
        #expect(read.out.hasPrefix(body), "\(read)")
        try team.expectOnlyChanged("System Architecture")
    }

    @Test("--file @PATH is PATH: the real file is written and no @ folder is made")
    func atPathFlag() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let body = "- **Orders API**: written through an @ path\n"
        let run = try insights(["update", "--agent", "backend-architect", "--sub", "Current Implementations", "--body", body,
                                "--file", "@" + InitedTeam.relativePath], in: team.sandbox.url)
        #expect(run.status == 0, "\(run)")
        #expect(team.currentText.contains(body), "the real file was not written")
        #expect(!FileManager.default.fileExists(atPath: team.sandbox.path("@.superagent")), "an @.superagent folder was made")
        #expect(try listing(team.sandbox.path) == [".superagent"])
        try team.expectOnlyChanged("System Architecture")
    }

    @Test("INSIGHTS_FILE=@PATH is PATH")
    func atPathEnvironment() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let body = "- **Orders API**: written through INSIGHTS_FILE with an @\n"
        let run = try insights(["update", "--agent", "backend-architect", "--sub", "Current Implementations", "--body", body],
                               in: team.sandbox.url, environment: ["INSIGHTS_FILE": "@" + InitedTeam.relativePath])
        #expect(run.status == 0, "\(run)")
        #expect(team.currentText.contains(body), "the real file was not written")
        #expect(!FileManager.default.fileExists(atPath: team.sandbox.path("@.superagent")), "an @.superagent folder was made")
        #expect(try listing(team.sandbox.path) == [".superagent"])
    }

    @Test("a file literally named @x.md is used as it is")
    func literalAtPath() throws {
        try withSandbox { sandbox in
            let original = "## Notes\nold\n"
            let file = try sandbox.write("@x.md", original)
            let run = try insights(["update", "Notes", "--body", "new\n", "--no-stamp", "--file", "@x.md"], in: sandbox.url)
            #expect(run.status == 0, "\(run)")
            #expect(text(at: file) == "## Notes\nnew\n")
            #expect(try listing(sandbox.path) == ["@x.md"], "another file was made")
        }
    }

    @Test("set with a lower-case --sub and key updates the existing entry, keeping its spelling")
    func looseSubAndKey() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let value = "PostgreSQL 16 - Rationale: relational orders"
        let run = try team.run(["set", "--agent", "backend-architect", "--sub", "key technical decisions", "database choice", value])
        #expect(run.status == 0, "\(run)")
        #expect(try team.count("Key Technical Decisions", level: 3) == 1)
        #expect(try team.headings().filter { $0.title.lowercased() == "key technical decisions" }.count == 1)
        let entries = team.currentText.split(separator: "\n").filter { $0.lowercased().contains("database choice") }
        #expect(entries == ["- **Database Choice**: \(value)"], "\(team.currentText)")
        try team.expectOnlyChanged("System Architecture")
    }

    @Test("set with the key written as `Key:` or `**Key**` updates the real entry", arguments: ["Authentication:", "**Authentication**"])
    func keySpelledWithMarkup(key: String) throws {
        let team = try InitedTeam()
        defer { team.remove() }
        #expect(team.originalText.contains("- **Authentication**: [Method]"))
        let run = try team.run(["set", "--agent", "backend-architect", "--sub", "Key Technical Decisions", key, "OAuth2"])
        #expect(run.status == 0, "\(run)")
        let entries = team.currentText.split(separator: "\n").filter { $0.contains("Authentication") }
        #expect(entries == ["- **Authentication**: OAuth2"], "\(team.currentText)")
        #expect(!team.currentText.contains("**Authentication:**:"))
        #expect(!team.currentText.contains("****"))
        try team.expectOnlyChanged("System Architecture")
    }

    // MARK: - read | update

    @Test("read SUB piped into update SUB leaves the file byte-identical",
          arguments: ["Avoid", "Growth Patterns", "Breakthrough Experiments"])
    func readPipedIntoUpdate(sub: String) throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let read = try team.run(["read", "--agent", "growth-hacker", "--sub", sub])
        #expect(read.status == 0, "\(read)")
        let update = try team.run(["update", "--agent", "growth-hacker", "--sub", sub], input: .bytes(read.stdout))
        #expect(update.status == 0, "\(update)")
        #expect(team.holds(), "read | update changed the file:\n\(team.currentText)")
    }

    @Test("reading the last subsection does not include its section's closing Last updated line")
    func lastSubsectionReadWithoutStamp() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        // Avoid is the growth hacker's last subsection, just before `Last updated:`.
        let listed = try team.headings()
        let growth = try #require(listed.first { $0.title == "Growth Strategy Intelligence" })
        let avoid = try #require(listed.first { $0.title == "Avoid" })
        #expect(avoid.line > growth.line && avoid.line <= growth.endLine)
        #expect(!listed.contains { $0.level > 2 && $0.line > avoid.line && $0.line <= growth.endLine })
        let read = try team.run(["read", "--agent", "growth-hacker", "--sub", "Avoid"])
        #expect(read.status == 0, "\(read)")
        #expect(!read.out.contains("Last updated"), "\(read)")
        #expect(read.out.hasPrefix("- **Failed Experiments**:"))
        let json = try team.run(["read", "--agent", "growth-hacker", "--sub", "Avoid", "--json"])
        #expect((try json.json()["body"] as? String)?.contains("Last updated") == false, "\(json)")
    }

    // MARK: - Empty, escaped and misplaced bodies

    @Test("update with an empty stdin and no --body exits 64 'no body' and writes nothing",
          arguments: [["--agent", "ui-designer"], ["Some Section"]])
    func emptyStdin(address: [String]) throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let run = try team.run(["update"] + address, input: .bytes([]))
        #expect(run.status == 64, "\(run)")
        #expect(run.err.lowercased().contains("no body"), "\(run)")
        #expect(team.holds(), "the file changed")
    }

    @Test("a --body with a literal backslash-n is written, with a warning saying how to pass new lines")
    func literalBackslashN() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let run = try team.run(["update", "--agent", "ui-designer", "--sub", "Key Components", "--body", "- a\\n- b"])
        #expect(run.status == 0, "\(run)")
        #expect(team.currentText.contains("- a\\n- b"), "the body was not written as given")
        #expect(run.err.contains("--body-file") || run.err.contains("stdin") || run.err.contains("$'"), "no warning: \(run)")
        try team.expectOnlyChanged("Design System Insights")

        let json = try team.run(["update", "--agent", "ui-designer", "--sub", "Key Components", "--json", "--body", "- c\\n- d"])
        #expect(json.status == 0, "\(json)")
        let warnings = try json.json()["warnings"] as? [Any]
        #expect(warnings?.isEmpty == false, "\"warnings\" is \(String(describing: warnings)): \(json)")
    }

    @Test("a positional that looks like a body exits 64 and suggests --body")
    func strayBodyPositional() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let run = try team.run(["update", "System Architecture", "- some text"])
        #expect(run.status == 64, "\(run)")
        #expect(run.err.contains("did you mean --body"), "\(run)")
        #expect(team.holds(), "the file changed")
    }

    // MARK: - Other levels

    @Test("a SECTION that exists only as ### headings is refused (65), naming them; read exits 3")
    func sectionOnlyAtAnotherLevel() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        // The backend architect's and the UI designer's templates both hold ### Lessons Learned;
        // writing into them is the agents' normal use.
        for agent in ["backend-architect", "ui-designer"] {
            let write = try team.run(["update", "--agent", agent, "--sub", "Lessons Learned", "--body", "- **What works**: \(agent) notes\n"])
            #expect(write.status == 0, "\(write)")
        }
        let before = team.current
        let lessons = try team.headings().filter { $0.title == "Lessons Learned" }
        try #require(lessons.count == 2 && lessons.allSatisfy { $0.level == 3 }, "\(lessons)")

        let run = try team.run(["update", "Lessons Learned", "--body", "x"])
        #expect(run.status == 65, "\(run)")
        #expect(team.holds(before), "the file changed")
        for heading in lessons { #expect(mentions(run.err, number: heading.line), "line \(heading.line) not named: \(run)") }
        #expect(run.err.contains("--sub") || run.err.contains("--level"), "\(run)")

        let read = try team.run(["read", "Lessons Learned"])
        #expect(read.status == 3, "\(read)")

        let json = try team.run(["update", "Lessons Learned", "--body", "x", "--json"])
        #expect(json.status == 65, "\(json)")
        #expect(try jsonError(json)["kind"] as? String == "other-level")
        #expect(team.holds(before), "the file changed")
    }

    @Test("--sub finds the shallowest heading of its title inside the parent, at any depth, and never makes a twin of it")
    func subAtADeeperLevel() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let setup = try team.run(["update", "--agent", "growth-hacker", "--sub", "Growth Patterns", "--append",
                                  "--body", "#### Lessons Learned\n- **Deep**: a note one level down\n"])
        try #require(setup.status == 0, "\(setup)")
        let before = try team.headings()
        let run = try team.run(["update", "--agent", "growth-hacker", "--sub", "lessons learned:", "--body", "- x\n", "--json"])
        #expect(run.status == 0, "\(run)")
        #expect(try run.json()["created"] as? Bool == false, "\(run)")
        let deep = try #require(try team.headings().first { $0.title == "Lessons Learned" && $0.level == 4 })
        #expect(try run.json()["line"] as? Int == deep.line)
        #expect(try team.headings().count == before.count, "a heading was added")
        #expect(try team.run(["read", "--agent", "growth-hacker", "--sub", "Lessons Learned"]).out.hasPrefix("- x\n"))
    }

    @Test("another agent's ### of the same title never stops --sub from being created in this agent's section")
    func subCreatedDespiteOtherSections() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        #expect(try team.headings().filter { $0.title == "Lessons Learned" }.count == 2)
        let run = try team.run(["update", "--agent", "growth-hacker", "--sub", "Lessons Learned", "--json",
                                "--body", "- **Lesson**: referral loops beat paid ads\n"])
        #expect(run.status == 0, "\(run)")
        #expect(try run.json()["created"] as? Bool == true, "\(run)")
        let listed = try team.headings()
        let growth = try #require(listed.first { $0.title == "Growth Strategy Intelligence" })
        let created = listed.filter { $0.title == "Lessons Learned" && $0.level == 3 && $0.line > growth.line && $0.line <= growth.endLine }
        #expect(created.count == 1, "\(listed)")
        #expect(listed.filter { $0.title == "Lessons Learned" }.count == 3)
        try team.expectOnlyChanged("Growth Strategy Intelligence")
    }

    // MARK: - JSON errors

    @Test("--json errors are one object on stdout: code, kind, message, hint, candidates")
    func jsonErrorNotFound() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let run = try team.run(["read", "Nope", "--json"])
        #expect(run.status == 3, "\(run)")
        try #require(!run.stdout.isEmpty, "no JSON error object on stdout: \(run)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout))
        let top = try #require(object as? [String: Any], "\(run)")
        #expect(Array(top.keys) == ["error"])
        let error = try jsonError(run)
        #expect(error["code"] as? Int == 3)
        #expect(error["kind"] as? String == "section-not-found")
        #expect((error["message"] as? String)?.isEmpty == false)
        #expect(error.keys.contains("hint"))
        #expect(error["hint"] is String || error["hint"] is NSNull)
        #expect(error["candidates"] is [Any])
    }

    @Test("an ambiguous name in --json: 65, kind ambiguous, both headings as candidates")
    func jsonErrorAmbiguous() throws {
        try withSandbox { sandbox in
            let original = "# Team\n\n## Notes\na\n\n## Other\nb\n\n## Notes\nc\n"
            let file = try sandbox.write("insights.md", original)
            for arguments in [["read", "Notes"], ["update", "Notes", "--body", "x"]] {
                let run = try insights(arguments + ["--json", "--file", file], in: sandbox.url)
                #expect(run.status == 65, "\(run)")
                let error = try jsonError(run)
                #expect(error["code"] as? Int == 65)
                #expect(error["kind"] as? String == "ambiguous")
                let candidates = try #require(error["candidates"] as? [[String: Any]], "\(run)")
                #expect(candidates.map { $0["title"] as? String } == ["Notes", "Notes"])
                #expect(candidates.map { $0["line"] as? Int } == [3, 9])
                #expect(text(at: file) == original)
            }
        }
    }

    // MARK: - replace

    static let replaceAddress = ["replace", "--agent", "backend-architect", "--sub", "Key Technical Decisions"]

    @Test("replace changes exactly one occurrence and moves the stamp to --date")
    func replaceOne() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let run = try team.run(Self.replaceAddress + ["--old", "[Choice made]", "--new", "PostgreSQL 16", "--date", "2030-01-02"])
        #expect(run.status == 0, "\(run)")
        var expected = team.originalText
        expected = expected.replacingFirst("[Choice made]", with: "PostgreSQL 16")
        expected = expected.replacingFirst("Last updated: \(today())", with: "Last updated: 2030-01-02")
        #expect(team.currentText == expected)
        try team.expectOnlyChanged("System Architecture")
    }

    @Test("replace: text not found exits 3 (text-not-found)")
    func replaceNotFound() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let run = try team.run(Self.replaceAddress + ["--old", "MongoDB", "--new", "PostgreSQL"])
        #expect(run.status == 3, "\(run)")
        #expect(team.holds(), "the file changed")
        let json = try team.run(Self.replaceAddress + ["--old", "MongoDB", "--new", "PostgreSQL", "--json"])
        #expect(json.status == 3, "\(json)")
        #expect(try jsonError(json)["kind"] as? String == "text-not-found")
        // Text elsewhere in the file is not in this subsection.
        let elsewhere = try team.run(Self.replaceAddress + ["--old", "[Mechanism description]", "--new", "x"])
        #expect(elsewhere.status == 3, "\(elsewhere)")
        #expect(team.holds(), "the file changed")
    }

    @Test("replace: text occurring twice exits 65 naming the count and the lines")
    func replaceTwice() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let sub = try #require(try team.headings().first { $0.title == "Key Technical Decisions" })
        let fileLines = splitLines(team.originalText)
        let hits = (sub.line...sub.endLine).filter { fileLines[$0 - 1].contains("Performance") }
        try #require(hits.count == 2, "the subsection should hold 'Performance' on two lines: \(hits)")
        let run = try team.run(Self.replaceAddress + ["--old", "Performance", "--new", "Speed"])
        #expect(run.status == 65, "\(run)")
        #expect(mentions(run.err, number: 2) || run.err.contains("twice"), "the count is not named: \(run)")
        for line in hits { #expect(mentions(run.err, number: line), "line \(line) not named: \(run)") }
        #expect(team.holds(), "the file changed")
        let json = try team.run(Self.replaceAddress + ["--old", "Performance", "--new", "Speed", "--json"])
        #expect(json.status == 65)
        #expect(try jsonError(json)["kind"] as? String == "ambiguous")
    }

    @Test("replace --dry-run writes nothing")
    func replaceDryRun() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let run = try team.run(Self.replaceAddress + ["--old", "[Choice made]", "--new", "PostgreSQL 16", "--dry-run"])
        #expect(run.status == 0, "\(run)")
        #expect(run.out.contains("+- **Database Choice**: PostgreSQL 16"), "no diff of the change: \(run)")
        #expect(team.holds(), "the file changed")
    }

    @Test("replace --if-match with a stale fingerprint exits 75")
    func replaceStale() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let read = try team.run(["read", "--agent", "backend-architect", "--sub", "Key Technical Decisions", "--json"])
        let fingerprint = try #require(try read.json()["fingerprint"] as? String)
        let other = try team.run(["set", "--agent", "backend-architect", "--sub", "Key Technical Decisions", "API Pattern", "REST"])
        try #require(other.status == 0, "\(other)")
        let before = team.current
        let run = try team.run(Self.replaceAddress + ["--old", "[Choice made]", "--new", "PostgreSQL 16", "--if-match", fingerprint])
        #expect(run.status == 75, "\(run)")
        #expect(!run.err.contains("unknown"), "\(run)")
        #expect(team.holds(before), "the file changed")
    }

    @Test("replace --old \"\" exits 64")
    func replaceEmptyOld() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let run = try team.run(Self.replaceAddress + ["--old", "", "--new", "x"])
        #expect(run.status == 64, "\(run)")
        #expect(!run.err.contains("unknown command"), "\(run)")
        #expect(run.err.contains("--old"), "\(run)")
        #expect(team.holds(), "the file changed")
    }

    // MARK: - Budgets

    static let bundledTemplates: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TemplateFile.folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }()

    @Test("every bundled template declares limit: 150", arguments: bundledTemplates)
    func templateLimit(name: String) throws {
        let run = try insights(["templates", name])
        #expect(run.status == 0, "\(run)")
        let frontMatter = run.out.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0 != "# Section" }
        #expect(frontMatter.contains("limit: 150"), "\(run.out)")
    }

    /// `count` list items.
    static func longBody(_ count: Int, _ label: String = "item") -> String {
        (1...count).map { "- **\(label) \($0)**: detail\n" }.joined()
    }

    @Test("a write that leaves a section over its template's limit succeeds with a warning")
    func overLimitWarns() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let run = try team.run(["update", "--agent", "ui-designer", "--sub", "Key Components", "--body", Self.longBody(200)])
        #expect(run.status == 0, "\(run)")
        #expect(team.currentText.contains("- **item 200**: detail"))
        let section = try #require(try team.headings().first { $0.title == "Design System Insights" })
        let length = section.endLine - section.line + 1
        #expect(mentions(run.err, number: 150), "the limit is not named: \(run)")
        #expect(mentions(run.err, number: length) || mentions(run.err, number: length - 1), "the line count (\(length)) is not named: \(run)")
        try team.expectOnlyChanged("Design System Insights")

        let json = try team.run(["update", "--agent", "ui-designer", "--sub", "Key Components", "--json", "--body", Self.longBody(201)])
        #expect(json.status == 0, "\(json)")
        let warnings = try #require(try json.json()["warnings"] as? [Any], "\(json)")
        #expect(warnings.contains { "\($0)".contains("150") }, "\(warnings)")
    }

    @Test("--max-lines refuses (65, over-budget) a write that grows a section past it")
    func maxLinesRefusesGrowth() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let section = try #require(try team.headings().first { $0.title == "Design System Insights" })
        try #require(section.endLine - section.line + 1 > 10)
        let run = try team.run(["update", "--agent", "ui-designer", "--append", "--body", "- one more line\n", "--max-lines", "10"])
        #expect(run.status == 65, "\(run)")
        #expect(team.holds(), "the file changed")
        let json = try team.run(["update", "--agent", "ui-designer", "--append", "--body", "- one more line\n", "--max-lines", "10", "--json"])
        #expect(json.status == 65, "\(json)")
        #expect(try jsonError(json)["kind"] as? String == "over-budget")
        #expect(team.holds(), "the file changed")
        // Under the budget it is written.
        let roomy = try team.run(["update", "--agent", "ui-designer", "--append", "--body", "- one more line\n", "--max-lines", "100"])
        #expect(roomy.status == 0, "\(roomy)")
    }

    @Test("--max-lines accepts a write that shortens a section already over it")
    func maxLinesAcceptsShrinking() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let section = try #require(try team.headings().first { $0.title == "Design System Insights" })
        let length = section.endLine - section.line + 1
        // A body a few lines shorter than the section's, still well over 10 lines.
        let shorter = "\n" + Self.longBody(length - 8, "kept") + "\nLast updated: \(today())\n"
        let run = try team.run(["update", "--agent", "ui-designer", "--body", shorter, "--max-lines", "10"])
        #expect(run.status == 0, "\(run)")
        let after = try #require(try team.headings().first { $0.title == "Design System Insights" })
        #expect(after.endLine - after.line + 1 < length)
        #expect(after.endLine - after.line + 1 > 10)
        try team.expectOnlyChanged("Design System Insights")
    }

    // MARK: - remove

    @Test("remove needs the exact title: a loose match exits 65 naming the heading")
    func removeNeedsExactTitle() throws {
        let team = try InitedTeam()
        defer { team.remove() }
        let loose = try team.run(["remove", "system architecture"])
        #expect(loose.status == 65, "\(loose)")
        #expect(loose.err.contains("System Architecture"), "\(loose)")
        #expect(team.holds(), "the file changed")
        let exact = try team.run(["remove", "System Architecture"])
        #expect(exact.status == 0, "\(exact)")
        #expect(try team.count("System Architecture", level: 2) == 0)
        #expect(!team.currentText.contains("[Choice made]"))
        #expect(team.currentText.contains("## Growth Strategy Intelligence"))
    }

    // MARK: - Reported titles

    @Test("list --json and read --json report raw titles, trimmed")
    func rawTitles() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", "# Team\n\n##   Two   spaces  ##\nbody\n\nSetext\nheading\n---\nmore\n")
            let listed = try InitedTeam.headings(of: insights(["list", "--json", "--file", file]))
            #expect(listed.map(\.title) == ["Team", "Two   spaces", "Setext\nheading"])
            let two = try insights(["read", "Two spaces", "--json", "--file", file])
            #expect(two.status == 0, "\(two)")
            #expect(try two.json()["title"] as? String == "Two   spaces")
            let setext = try insights(["read", "Setext heading", "--json", "--file", file])
            #expect(setext.status == 0, "\(setext)")
            #expect(try setext.json()["title"] as? String == "Setext\nheading")
        }
    }

    // MARK: - Open blocks

    @Test("a file that ends inside an open fence: its last section may keep that fence open, not open another; nothing is created after it")
    func neverMakeItWorse() throws {
        try withSandbox { sandbox in
            let original = "# Team\n\n## A\ntext\n\n```\ncode\n"
            let file = try sandbox.write("insights.md", original)
            // Written back as read: nothing changes.
            let read = try insights(["read", "A", "--file", file])
            #expect(try insights(["update", "A", "--no-stamp", "--file", file], input: .bytes(read.stdout)).status == 0)
            #expect(text(at: file) == original)
            // The same fence left open: accepted.
            let same = try insights(["update", "A", "--no-stamp", "--body", "more\n```\nstill open\n", "--file", file])
            #expect(same.status == 0, "\(same)")
            #expect(text(at: file) == "# Team\n\n## A\nmore\n```\nstill open\n")
            // Another block left open (a longer fence, a tilde fence, an HTML comment): refused.
            for body in ["````\nx\n", "~~~\nx\n", "<!--\nx\n"] {
                let worse = try insights(["update", "A", "--body", body, "--file", file])
                #expect(worse.status == 65, "\(body.debugDescription): \(worse)")
                #expect(text(at: file) == "# Team\n\n## A\nmore\n```\nstill open\n")
            }
            // A section created after the open fence would be part of it: 65 naming the fence's line.
            let created = try insights(["update", "New", "--body", "x", "--json", "--file", file])
            #expect(created.status == 65, "\(created)")
            #expect(created.firstErrorLine.contains("line 5"), "\(created)")
            #expect(try jsonError(created)["kind"] as? String == "body-escapes-section")
            // Closing it mends the file.
            #expect(try insights(["update", "A", "--no-stamp", "--body", "closed\n", "--file", file]).status == 0)
            #expect(try insights(["update", "New", "--no-stamp", "--body", "x", "--file", file]).status == 0)
            #expect(text(at: file) == "# Team\n\n## A\nclosed\n\n## New\n\nx\n")
        }
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
