import Foundation
import Testing

/// `insights check`: its rules, its scoping against a base, and its three output formats.
@Suite("check")
struct CheckTests {
    static let file = GitRepo.memory

    @Test("--base HEAD --only: 0 when only that section changed, 1 naming the section and line otherwise")
    func onlyAgainstHead() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.commit(TeamFile.base, "base")
        let arguments = ["check", "--base", "HEAD", "--only", "System Architecture"]

        try repo.sandbox.write(Self.file, TeamFile.editing([
            ("- **Queue**: SQS for reminders", "- **Queue**: SQS with a dead-letter queue\n- **Search**: OpenSearch"),
            ("Last updated: 2026-11-01\n\n## Testing", "Last updated: 2026-11-04\n\n## Testing"),
        ]))
        let inside = try repo.insights(arguments)
        #expect(inside.status == 0, "\(inside)")
        #expect(inside.out == """
            \(repo.memoryPath):15: note: modified "System Architecture" > "Key Technical Decisions" (lines 15-22, was 15-21)

            """)

        // Another section changed: an error naming it and its line.
        try repo.sandbox.write(Self.file, TeamFile.editing([
            ("- **Queue**: SQS for reminders", "- **Queue**: SQS with a dead-letter queue"),
            ("- **Coverage**: 78% lines", "- **Coverage**: 80% lines"),
        ]))
        let outside = try repo.insights(arguments)
        #expect(outside.status == 1, "\(outside)")
        #expect(outside.out.hasPrefix("""
            \(repo.memoryPath):13: warning: [stale-stamp] section "System Architecture" changed but its Last updated value (2026-11-01) did not
            \(repo.memoryPath):25: error: [outside-allowed] modified section "Testing Insights" at line 25, outside the allowed section "System Architecture"

            """), "\(outside)")
        #expect(outside.out.hasSuffix("1 error, 1 warning\n"))

        // The introduction under the file's title is the title section's own text.
        try repo.sandbox.write(Self.file, TeamFile.editing([("Shared memory of the agents.", "Shared memory of all the agents.")]))
        let introduction = try repo.insights(arguments)
        #expect(introduction.status == 1, "\(introduction)")
        #expect(introduction.out.hasPrefix("""
            \(repo.memoryPath):3: error: [outside-allowed] modified section "Project Insights" at line 3, outside the allowed section "System Architecture"

            """), "\(introduction)")

        // The text before the first heading.
        try repo.commit("<!-- Edit with insights update -->\n\n" + TeamFile.base, "a note before the title")
        try repo.sandbox.write(Self.file, "<!-- Edit with `insights update` -->\n\n" + TeamFile.base)
        let preamble = try repo.insights(arguments)
        #expect(preamble.status == 1, "\(preamble)")
        #expect(preamble.out.hasPrefix("""
            \(repo.memoryPath):1: error: [outside-allowed] the text before the first heading changed at line 1, outside the allowed section "System Architecture"

            """), "\(preamble)")
        try repo.commit(TeamFile.base, "no note")

        // A section removed, and one added, outside the allowed one.
        try repo.sandbox.write(Self.file, TeamFile.editing([("## Growth Notes\n\n- **Channel**: TikTok cheapest installs\n\nLast updated: 2026-11-01\n", "## Sales Notes\n\n- new\n")]))
        let removed = try repo.insights(arguments + ["--format", "json"])
        #expect(removed.status == 1, "\(removed)")
        let findings = try #require(try removed.json()["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["message"] as? String } == [
            "removed section \"Growth Notes\" (was line 29) at line 29, outside the allowed section \"System Architecture\"",
            "added section \"Sales Notes\" at line 29, outside the allowed section \"System Architecture\"",
        ])

        // --agent names the section its template owns.
        try repo.sandbox.write(Self.file, TeamFile.editing([("- **Queue**: SQS for reminders", "- **Queue**: SQS, FIFO")]))
        let agent = try repo.insights(["check", "--base", "HEAD", "--agent", "backend-architect"])
        #expect(agent.status == 0, "\(agent)")
        let otherAgent = try repo.insights(["check", "--base", "HEAD", "--agent", "frontend-developer"])
        #expect(otherAgent.status == 1, "\(otherAgent)")
        #expect(otherAgent.out.contains("[outside-allowed] modified section \"System Architecture\" > \"Key Technical Decisions\" at line 18"))
    }

    @Test("a file absent at the base revision counts as empty")
    func absentAtBase() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.sandbox.write("README.md", "hello\n")
        try repo.git(["add", "README.md"])
        try repo.git(["commit", "-q", "-m", "first"])
        try repo.sandbox.write(Self.file, "## System Architecture\n\n- **Database**: PostgreSQL\n")
        let only = try repo.insights(["check", "--base", "HEAD", "--only", "System Architecture"])
        #expect(only.status == 0, "\(only)")
        #expect(only.out == "\(repo.memoryPath):1: note: added \"System Architecture\" (lines 1-3)\n")

        let badRevision = try repo.insights(["check", "--base", "no-such-branch"])
        #expect(badRevision.status == 66, "\(badRevision)")
        #expect(badRevision.firstErrorLine.hasPrefix(errorPrefix + "\"no-such-branch\" is not a commit"))
    }

    @Test("the base can be a file, from a subfolder of the repository too")
    func baseFile() throws {
        try withSandbox { sandbox in
            let old = try sandbox.write("old.md", TeamFile.base)
            let new = try sandbox.write("new.md", TeamFile.editing([("- **Coverage**: 78% lines", "- **Coverage**: 79% lines")]))
            let outcome = try insights(["check", "--file", new, "--base-file", old, "--only", "Growth Notes"])
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.out.contains("\(new):25: error: [outside-allowed] modified section \"Testing Insights\" at line 25"))
            let both = try insights(["check", "--file", new, "--base-file", old, "--base", "HEAD"])
            #expect(both.status == 64, "\(both)")
        }
    }

    static let problems = """
    # Insights

    ## Alpha
    - **Choice**: [Choice made] - Rationale: see [the RFC](https://example.com/rfc) and [ADR 7][adr]
    - **Ref**: [adr], `[not a placeholder]`, items[0], [x] done, ![diagram][adr], [^1]
    - [ ] an open task
    <<<<<<< ours
    - ours
    =======
    - theirs
    >>>>>>> theirs

    Last updated: [Date]

    ```markdown
    - **Example**: [Inside a fence]
    ```

    [adr]: https://example.com/adr-7

    ## Beta
    - one
    - two
    - three

    Last updated: last Tuesday

    ## Alpha
    - again

    Last updated: 2026-02-30

    """

    @Test("each rule: conflict markers, duplicates, placeholders, dates, budgets; links are not placeholders")
    func rules() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.problems)
            let outcome = try insights(["check", "--file", file, "--max-lines", "5"])
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.out == """
                \(file):3: warning: [over-budget] section "Alpha" has 17 lines, over its budget of 5
                \(file):4: warning: [placeholder] unfilled template placeholder "[Choice made]"
                \(file):7: error: [conflict-marker] unresolved merge conflict (lines 7-11)
                \(file):13: warning: [placeholder] unfilled template placeholder "[Date]"
                \(file):21: warning: [over-budget] section "Beta" has 6 lines, over its budget of 5
                \(file):26: warning: [bad-date] Last updated value "last Tuesday" is not a date (YYYY-MM-DD)
                \(file):28: error: [duplicate-section] duplicate section "Alpha" (also at line 3)
                \(file):31: warning: [bad-date] Last updated value "2026-02-30" is not a date (YYYY-MM-DD)
                2 errors, 6 warnings

                """)
            #expect(outcome.stderr.isEmpty)

            // --strict turns warnings into errors; a clean file exits 0 and prints nothing.
            let strict = try insights(["check", "--file", file, "--max-lines", "5", "--strict", "--format", "json"])
            #expect(try strict.json()["errors"] as? Int == 8)
            #expect(try strict.json()["warnings"] as? Int == 0)
            let clean = try sandbox.write("clean.md", "# Insights\n\n## Alpha\n- [the RFC](https://example.com) and [ADR][adr]\n\n[adr]: https://example.com/adr\n\nLast updated: 2026-11-01\n")
            let ok = try insights(["check", "--file", clean, "--strict"])
            #expect(ok.status == 0, "\(ok)")
            #expect(ok.stdout.isEmpty)
        }
    }

    @Test("a template's limit is the budget of the section it owns")
    func templateBudget() throws {
        try withSandbox { sandbox in
            let template = try #require(text(at: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Templates/backend-architect.md").path))
            try sandbox.write(".superagent/templates/backend-architect.md", template.replacingOccurrences(of: "limit: 150\n", with: "limit: 6\n"))
            try sandbox.write(".superagent/memory/insights.md", TeamFile.base)
            let outcome = try insights(["check"], in: sandbox.url)
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.out == """
                \(sandbox.path(".superagent/memory/insights.md")):13: warning: [over-budget] section "System Architecture" has 8 lines, over its budget of 6
                0 errors, 1 warning

                """)
        }
    }

    @Test("invalid UTF-8 is an error")
    func invalidUTF8() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Array("## A\nok\nbad \u{FF}".utf8).dropLast(2) + [0xFF, 0x0A])
            let outcome = try insights(["check", "--file", file])
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.out.hasPrefix("\(file):3: error: [invalid-utf8] not UTF-8 text: a byte that is not UTF-8 (0xFF) at column 5\n"), "\(outcome)")
        }
    }

    @Test("--format github prints workflow commands with the path relative to the repository, escaped")
    func githubFormat() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.commit(TeamFile.base, "base")
        try repo.sandbox.write(Self.file, TeamFile.editing([
            ("- **Coverage**: 78% lines", "- **Coverage**: [Percent, 100%: max]"),
            ("## Growth Notes", "## Growth Notes\n<<<<<<< ours\n>>>>>>> theirs"),
        ]))
        let outcome = try repo.insights(["check", "--base", "HEAD", "--only", "Growth Notes", "--format", "github"])
        #expect(outcome.status == 1, "\(outcome)")
        let file = ".superagent/memory/insights.md"
        #expect(outcome.out == """
            ::warning file=\(file),line=25,title=placeholder::unfilled template placeholder "[Percent, 100%25: max]"
            ::error file=\(file),line=25,title=outside-allowed::modified section "Testing Insights" at line 25, outside the allowed section "Growth Notes"
            ::warning file=\(file),line=29,title=stale-stamp::section "Growth Notes" changed but its Last updated value (2026-11-01) did not
            ::error file=\(file),line=30,title=conflict-marker::unresolved merge conflict (lines 30-31)
            ::notice file=\(file),line=22::modified "Testing Insights" (lines 22-28)
            ::notice file=\(file),line=29::modified "Growth Notes" (lines 29-35, was 29-33)

            """)
        // Every line has the exact shape of a workflow command.
        let shape = #/^::(error|warning|notice) file=[^,:]+(,line=[0-9]+)?(,title=[a-z0-9-]+)?::[^\r\n]*$/#
        for line in outcome.out.split(separator: "\n") {
            #expect(line.wholeMatch(of: shape) != nil, "not a workflow command: \(line)")
        }
    }

    @Test("--format json has the documented shape")
    func jsonShape() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.commit(TeamFile.base, "base")
        try repo.sandbox.write(Self.file, TeamFile.editing([("- **Coverage**: 78% lines", "- **Coverage**: [Percent]")]))
        let outcome = try repo.insights(["check", "--base", "HEAD", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome)")
        let object = try outcome.json()
        #expect(Set(object.keys) == ["file", "base", "errors", "warnings", "findings", "changes"])
        #expect(object["file"] as? String == repo.memoryPath)
        #expect(object["base"] as? String == "HEAD:.superagent/memory/insights.md")
        #expect(object["errors"] as? Int == 0)
        #expect(object["warnings"] as? Int == 2)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        for finding in findings {
            #expect(Set(finding.keys) == ["rule", "severity", "line", "section", "message"])
        }
        #expect(findings[0]["rule"] as? String == "stale-stamp")
        #expect(findings[0]["line"] as? Int == 22)
        #expect(findings[1]["rule"] as? String == "placeholder")
        #expect(findings[1]["severity"] as? String == "warning")
        #expect(findings[1]["section"] as? String == "Testing Insights")
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(Set(changes[0].keys) == ["status", "section", "line", "oldLine"])
        #expect(changes[0]["status"] as? String == "modified")
        #expect(changes[0]["section"] as? String == "Testing Insights")

        // Without a base, "base" and "changes" are null.
        let plain = try repo.insights(["check", "--format", "json"]).json()
        #expect(plain["base"] is NSNull)
        #expect(plain["changes"] is NSNull)
    }
}

/// The rules near-duplicate-section, duplicate-stamp and duplicate-key, end to end.
@Suite("check: repeats")
struct CheckRepeatTests {
    static let repeats = """
    # Insights

    ## Growth Strategy Intelligence

    ### Key Technical Decisions
    - **Channel**: TikTok - cheapest installs
    - **[Tool Category]**: [Tool name]
    - **[Tool Category]**: [Tool name]
    - **channel:** Reddit

    ### key technical decisions:
    - **Budget**: small

    Last updated: 2026-01-02
    Last updated: 2026-01-03

    ## growth strategy intelligence
    Last updated: 2026-01-01
    The plan changed since.

    ### Lessons Learned
    - **Channel**: TikTok

    Last updated: 2026-01-04

    """

    /// The lines of `outcome`'s text output with `rule`, as `line: severity`.
    func lines(_ outcome: Outcome, _ rule: String, file: String) -> [String] {
        outcome.out.split(separator: "\n").compactMap { line in
            guard line.contains("[\(rule)]") else { return nil }
            let fields = line.dropFirst(file.count + 1).split(separator: ":", maxSplits: 2)
            return "\(fields[0]):\(fields[1])"
        }
    }

    @Test("near-duplicate-section: the later heading, naming the earlier one; other parents and levels are not")
    func nearDuplicateSection() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.repeats)
            let outcome = try insights(["check", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(lines(outcome, "near-duplicate-section", file: file) == ["11: warning", "17: warning"])
            #expect(outcome.out.contains("""
                \(file):11: warning: [near-duplicate-section] section "Growth Strategy Intelligence" > "key technical decisions:" nearly duplicates "Key Technical Decisions" at line 5 (titles equal but for case, emphasis, a trailing colon or spacing)
                \(file):14: warning: [duplicate-stamp]
                """), "\(outcome)")
            #expect(outcome.out.contains("""
                \(file):17: warning: [near-duplicate-section] section "growth strategy intelligence" nearly duplicates "Growth Strategy Intelligence" at line 3
                """), "\(outcome)")
            // Under other parents, or at another level: no finding.
            let clean = try sandbox.write("clean.md", "## Frontend\n### Lessons Learned\n- a\n\n## Backend\n### lessons learned:\n- b\n#### Lessons Learned\n- c\n")
            let ok = try insights(["check", "--file", clean, "--strict"])
            #expect(ok.status == 0, "\(ok)")
            #expect(ok.stdout.isEmpty)
        }
    }

    @Test("duplicate-stamp: the stamp line right before the closing one; a stamp followed by text is not one")
    func duplicateStamp() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.repeats)
            let outcome = try insights(["check", "--file", file, "--format", "json"])
            #expect(outcome.status == 0, "\(outcome)")
            let findings = try #require(try outcome.json()["findings"] as? [[String: Any]]).filter { $0["rule"] as? String == "duplicate-stamp" }
            #expect(findings.count == 1)
            #expect(findings.first?["line"] as? Int == 14)
            #expect(findings.first?["severity"] as? String == "warning")
            #expect(findings.first?["section"] as? String == "Growth Strategy Intelligence")
            #expect(findings.first?["message"] as? String == "another Last updated line before the one closing section \"Growth Strategy Intelligence\" at line 15; update sets only that one")
            // The bug as an agent leaves it: the last subsection's own stamp above the closing one.
            let subsection = try sandbox.write("subsection.md", "## Notes\n\n### Lessons\n- a\n\nLast updated: 2026-01-02\n\nLast updated: 2026-01-03\n")
            let found = try insights(["check", "--file", subsection])
            #expect(found.status == 0, "\(found)")
            #expect(found.out.hasPrefix("\(subsection):6: warning: [duplicate-stamp] another Last updated line before the one closing section \"Notes\" at line 8"), "\(found)")
            let clean = try sandbox.write("clean.md", "## Notes\nLast updated: 2026-01-01\nThe plan changed.\n\nLast updated: 2026-01-02\n")
            let ok = try insights(["check", "--file", clean, "--strict"])
            #expect(ok.status == 0, "\(ok)")
            #expect(ok.stdout.isEmpty)
        }
    }

    @Test("duplicate-key: the second entry of a key in one section's own text, naming the first; placeholder keys are not")
    func duplicateKey() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.repeats)
            let outcome = try insights(["check", "--file", file, "--format", "github"])
            #expect(outcome.status == 0, "\(outcome)")
            let keys = outcome.out.split(separator: "\n").filter { $0.contains("title=duplicate-key") }
            #expect(keys == [
                "::warning file=\(file),line=9,title=duplicate-key::duplicate key \"channel\" in section \"Growth Strategy Intelligence\" > \"Key Technical Decisions\" (first at line 6); set changes only the first",
            ])
            // --strict: every one of them an error, exit 1.
            let strict = try insights(["check", "--file", file, "--strict"])
            #expect(strict.status == 1, "\(strict)")
            #expect(lines(strict, "duplicate-key", file: file) == ["9: error"])
            #expect(lines(strict, "duplicate-stamp", file: file) == ["14: error"])
            #expect(lines(strict, "near-duplicate-section", file: file) == ["11: error", "17: error"])
            let clean = try sandbox.write("clean.md", "## Notes\n- **Queue**: SQS\n- **[Key]**: [Value]\n- **[Key]**: [Value]\n\n### More\n- **Queue**: FIFO\n")
            let ok = try insights(["check", "--file", clean])
            #expect(ok.status == 0, "\(ok)")
            #expect(!ok.out.contains("duplicate-key"), "\(ok)")
        }
    }

    @Test("a file made by init with all 39 agents, the example and the team fixture have none of them")
    func templatesAreClean() throws {
        try withSandbox { sandbox in
            #expect(TemplateFile.agents.count == 39)
            let made = try insights(["init", "--date", "2026-01-01"] + TemplateFile.agents.flatMap { ["--agent", $0.name] }, in: sandbox.url)
            #expect(made.status == 0, "\(made)")
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            for file in [sandbox.path(".superagent/memory/insights.md"), root.appendingPathComponent("Examples/insights.md").path,
                         root.appendingPathComponent("Tests/Fixtures/team/insights.md").path] {
                let outcome = try insights(["check", "--file", file])
                #expect(outcome.status == 0, "\(outcome)")
                for rule in ["near-duplicate-section", "duplicate-stamp", "duplicate-key"] {
                    #expect(!outcome.out.contains("[\(rule)]"), "\(file): \(outcome.out)")
                }
            }
        }
    }

    @Test("past 100 findings of a rule: one more finding counts the rest, the totals and the exit status count them all")
    func longListsCounted() throws {
        try withSandbox { sandbox in
            let text = "# T\n\n## B\n\n[Date]\n\n" + String(repeating: "## A\n\nx\n\n", count: 251)
            let file = try sandbox.write("insights.md", text)
            let plain = try insights(["check", "--file", file])
            #expect(plain.status == 1, "\(plain)")
            let lines = plain.out.split(separator: "\n").map(String.init)
            #expect(lines.count == 1 + 100 + 1 + 1)
            #expect(lines.filter { $0.contains("[duplicate-section]") }.count == 101)
            #expect(lines[0] == "\(file):5: warning: [placeholder] unfilled template placeholder \"[Date]\"")
            #expect(lines[1] == "\(file):11: error: [duplicate-section] duplicate section \"A\" (also at line 7)")
            #expect(lines[100].hasPrefix("\(file):407: error: [duplicate-section]"))
            #expect(lines[101] == "\(file): error: [duplicate-section] 150 more duplicate-section findings not listed (the first 100 of each rule are)")
            #expect(lines[102] == "250 errors, 1 warning")

            let json = try insights(["check", "--file", file, "--format", "json"])
            #expect(json.status == 1, "\(json)")
            let object = try json.json()
            #expect(object["errors"] as? Int == 250)
            #expect(object["warnings"] as? Int == 1)
            let findings = try #require(object["findings"] as? [[String: Any]])
            #expect(findings.count == 102)
            let last = try #require(findings.last)
            #expect(last["rule"] as? String == "duplicate-section")
            #expect(last["severity"] as? String == "error")
            #expect(last["line"] is NSNull)
            #expect(last["message"] as? String == "150 more duplicate-section findings not listed (the first 100 of each rule are)")

            // Exactly 100 of a rule: all listed, nothing more.
            let hundred = try sandbox.write("hundred.md", "# T\n\n" + String(repeating: "## A\n\nx\n\n", count: 101))
            let listed = try insights(["check", "--file", hundred])
            #expect(listed.status == 1, "\(listed)")
            #expect(!listed.out.contains("more duplicate-section"))
            #expect(listed.out.hasSuffix("100 errors, 0 warnings\n"))
        }
    }
}
