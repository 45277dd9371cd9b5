import Foundation
import Testing

/// What a review in CI and a pre-commit hook see, in real repositories: `check` with a base
/// reports what the change did, `--staged` checks what is staged, and the merge driver never
/// loses a side.
@Suite("Review and CI")
struct ReviewAndCITests {
    static let agents = ["backend-architect", "ui-designer", "frontend-developer"]

    /// A repository whose main branch holds the three agents' sections, fresh from `init`.
    func teamRepo() throws -> GitRepo {
        let repo = try GitRepo()
        let created = try repo.insights(["init"] + Self.agents.flatMap { ["--agent", $0] } + ["--date", "2026-01-01"])
        #expect(created.status == 0, "\(created)")
        try repo.git(["add", "-A"])
        try repo.git(["commit", "-q", "-m", "three agents"])
        return repo
    }

    func rules(_ outcome: Outcome) -> [String] {
        outcome.out.split(separator: "\n").compactMap { line in
            guard let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"), line.contains(": warning: ") || line.contains(": error: ")
            else { return nil }
            return String(line[line.index(after: open)..<close])
        }
    }

    @Test("a change by one agent that also edits another agent's section is flagged with no flags; --one-agent fails it")
    func crossAgentChange() throws {
        let repo = try teamRepo()
        defer { repo.remove() }
        try repo.git(["checkout", "-q", "-b", "backend"])
        let own = try repo.insights(["update", "--agent", "backend-architect", "--sub", "Key Technical Decisions", "--append",
                                     "--body", "- **Database**: PostgreSQL", "--date", "2026-02-01"])
        #expect(own.status == 0, "\(own)")
        // Its own section only: nothing about the untouched sections' placeholders, no multi-agent.
        let alone = try repo.insights(["check", "--base", "main"])
        #expect(alone.status == 0, "\(alone)")
        #expect(!rules(alone).contains("multi-agent"), "\(alone)")
        #expect(!alone.out.contains("Design System"), "\(alone)")

        let other = try repo.insights(["update", "--agent", "ui-designer", "--sub", "Lessons Learned", "--append",
                                       "--body", "- **Buttons**: backend says square", "--date", "2026-02-01"])
        #expect(other.status == 0, "\(other)")
        let flagged = try repo.insights(["check", "--base", "main"])
        #expect(flagged.status == 0, "\(flagged)")
        #expect(rules(flagged).filter { $0 == "multi-agent" }.count == 1, "\(flagged)")
        #expect(flagged.out.contains("warning: [multi-agent] the change touches the sections of 2 agents: \"System Architecture\", \"Design System Insights\""), "\(flagged)")
        let strict = try repo.insights(["check", "--base", "main", "--one-agent", "--format", "github"])
        #expect(strict.status == 1, "\(strict)")
        #expect(strict.out.contains("::error file=.superagent/memory/insights.md,line="), "\(strict)")
        #expect(strict.out.contains(",title=multi-agent::"), "\(strict)")
        // The frontend agent's section was not touched: none of its placeholders is reported.
        #expect(!flagged.out.contains("Frontend"), "\(flagged)")
        // A change that creates the file sets every agent's section up at once: not multi-agent.
        let empty = try repo.sandbox.write("empty.md", "")
        let created = try repo.insights(["check", "--base-file", empty, "--one-agent"])
        #expect(created.status == 0, "\(created)")
        #expect(!rules(created).contains("multi-agent"), "\(created)")
    }

    @Test("with a base, placeholders of untouched sections are not reported (--all reports them); the whole-file rules still are")
    func untouchedPlaceholders() throws {
        let repo = try teamRepo()
        defer { repo.remove() }
        try repo.git(["checkout", "-q", "-b", "work"])
        let update = try repo.insights(["set", "--agent", "frontend-developer", "--sub", "Component Patterns", "Routing", "file-based", "--date", "2026-02-01"])
        #expect(update.status == 0, "\(update)")
        let text = try #require(repo.memoryText)
        let designLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("## Design System Insights") }) + 1

        let scoped = try repo.insights(["check", "--base", "main", "--format", "json"])
        #expect(scoped.status == 0, "\(scoped)")
        let findings = try #require(try scoped.json()["findings"] as? [[String: Any]])
        let sections = Set(findings.compactMap { ($0["section"] as? String)?.split(separator: " > ").first.map(String.init) })
        #expect(sections.isSubset(of: ["Frontend Development Insights"]), "\(scoped)")

        let all = try repo.insights(["check", "--base", "main", "--all", "--format", "json"])
        let allFindings = try #require(try all.json()["findings"] as? [[String: Any]])
        #expect(allFindings.contains { ($0["line"] as? Int ?? 0) > designLine && ($0["section"] as? String)?.hasPrefix("Design System Insights") == true }, "\(all)")
        #expect(allFindings.count > findings.count)

        // A leftover conflict marker in a section the change did not touch is still an error.
        try repo.git(["commit", "-q", "-am", "frontend"])
        try repo.sandbox.write(GitRepo.memory, text.replacingOccurrences(of: "## Design System Insights\n", with: "## Design System Insights\n<<<<<<< ours\n=======\n>>>>>>> theirs\n"))
        try repo.git(["commit", "-q", "-am", "leftover"])
        let update2 = try repo.insights(["set", "--agent", "frontend-developer", "--sub", "Component Patterns", "State", "signals", "--date", "2026-02-02"])
        #expect(update2.status == 0, "\(update2)")
        let marker = try repo.insights(["check", "--base", "HEAD"])
        #expect(marker.status == 1, "\(marker)")
        #expect(rules(marker).contains("conflict-marker"), "\(marker)")
    }

    @Test("--staged checks the index against HEAD, whatever the working tree holds")
    func staged() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        // No commit yet: the base is empty; nothing staged: exit 0.
        let none = try repo.insights(["check", "--staged"])
        #expect(none.status == 0, "\(none)")
        #expect(none.out.isEmpty, "\(none)")
        try repo.sandbox.write(GitRepo.memory, "## A\n<<<<<<< ours\na\n=======\nb\n>>>>>>> theirs\n")
        try repo.git(["add", "-A"])
        let first = try repo.insights(["check", "--staged"])
        #expect(first.status == 1, "\(first)")
        #expect(rules(first) == ["conflict-marker"], "\(first)")

        try repo.commit(TeamFile.base, "base")
        // Staged: a clean edit. Working tree: conflict markers, not staged.
        let staged = TeamFile.editing([("- **Coverage**: 78% lines", "- **Coverage**: 85% lines")])
        try repo.sandbox.write(GitRepo.memory, staged)
        try repo.git(["add", GitRepo.memory])
        try repo.sandbox.write(GitRepo.memory, staged + "<<<<<<< ours\n=======\n>>>>>>> theirs\n")
        let clean = try repo.insights(["check", "--staged", "--format", "json"])
        #expect(clean.status == 0, "\(clean)")
        #expect(try clean.json()["base"] as? String == "HEAD:.superagent/memory/insights.md")
        let worktree = try repo.insights(["check", "--base", "HEAD"])
        #expect(worktree.status == 1, "\(worktree)")

        // The other way round: markers staged, the working tree clean.
        try repo.git(["add", GitRepo.memory])
        try repo.sandbox.write(GitRepo.memory, staged)
        let dirty = try repo.insights(["check", "--staged"])
        #expect(dirty.status == 1, "\(dirty)")
        #expect(rules(dirty).contains("conflict-marker"), "\(dirty)")

        // Nothing of the file staged: 0, nothing checked.
        try repo.git(["reset", "-q"])
        let unstaged = try repo.insights(["check", "--staged"])
        #expect(unstaged.status == 0, "\(unstaged)")
        #expect(unstaged.out.isEmpty, "\(unstaged)")
        let both = try repo.insights(["check", "--staged", "--base", "HEAD"])
        #expect(both.status == 64, "\(both)")
    }

    @Test("remove --sub stamps its section, so stale-stamp does not fire")
    func removeSubStamps() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.commit(TeamFile.base, "base")
        let removed = try repo.insights(["remove", "System Architecture", "--sub", "Key Technical Decisions", "--date", "2026-12-01"])
        #expect(removed.status == 0, "\(removed)")
        let check = try repo.insights(["check", "--base", "HEAD", "--strict"])
        #expect(check.status == 0, "\(check)")
        #expect(!rules(check).contains("stale-stamp"), "\(check)")
        #expect(repo.memoryText?.contains("## System Architecture\n\nLast updated: 2026-12-01\n") == true, "\(repo.memoryText ?? "")")
    }

    @Test("the driver init --git installs falls back to git's line merge, with markers, when the binary is gone")
    func missingBinary() throws {
        let repo = try GitRepo(driver: false)
        defer { repo.remove() }
        // A link to the binary (a copy could still be open for writing in a process another
        // test starts: "text file busy"), run as the shell finds it on PATH, then removed.
        let folder = repo.sandbox.path("bin")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let copy = folder + "/insights"
        try FileManager.default.createSymbolicLink(atPath: copy, withDestinationPath: insightsBinary.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "insights init --git --local"]
        process.currentDirectoryURL = repo.sandbox.url
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in repo.environment { environment[key] = value }
        environment["PATH"] = folder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let driver = try repo.git(["config", "--local", "merge.insights.driver"]).out
        #expect(driver == "if test -x '\(copy)'; then '\(copy)' merge %O %A %B %P; else git merge-file -L ours -L base -L theirs %A %O %B; fi\n")

        let ours = TeamFile.editing([("- **Coverage**: 78% lines", "- **Coverage**: 80% lines")])
        let theirs = TeamFile.editing([("- **Coverage**: 78% lines", "- **Coverage**: 85% lines")])
        let merge = try repo.mergeBranches(base: TeamFile.base, ours: ours, theirs: theirs) {
            try FileManager.default.removeItem(atPath: copy)
        }
        #expect(merge.status != 0, "\(merge)")
        let text = try #require(repo.memoryText)
        #expect(text.contains("<<<<<<< ours\n- **Coverage**: 80% lines\n=======\n- **Coverage**: 85% lines\n>>>>>>> theirs\n"), "\(text)")
        let check = try repo.insights(["check"])
        #expect(check.status == 1, "\(check)")
    }

    @Test("two branches editing different lines of one section, each stamping it: clean, with the later date")
    func stampOnlyConflict() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let base = "## System Architecture\n\n### Decisions\n- **Database**: PostgreSQL\n\n### Lessons\n- **Caching**: Redis\n\nLast updated: 2026-11-01\n\n## Testing\n\n- flaky\n"
        let ours = base.replacingOccurrences(of: "PostgreSQL", with: "PostgreSQL 16").replacingOccurrences(of: "2026-11-01", with: "2026-11-05")
        let theirs = base.replacingOccurrences(of: "Redis", with: "Redis 7").replacingOccurrences(of: "2026-11-01", with: "2026-11-03")
        let merge = try repo.mergeBranches(base: base, ours: ours, theirs: theirs)
        #expect(merge.status == 0, "\(merge)")
        #expect(repo.memoryText == base.replacingOccurrences(of: "PostgreSQL", with: "PostgreSQL 16").replacingOccurrences(of: "Redis", with: "Redis 7")
            .replacingOccurrences(of: "2026-11-01", with: "2026-11-05"))

        // The later date wins whichever side has it.
        let other = try GitRepo()
        defer { other.remove() }
        let swapped = try other.mergeBranches(base: base, ours: theirs, theirs: ours)
        #expect(swapped.status == 0, "\(swapped)")
        #expect(other.memoryText?.contains("Last updated: 2026-11-05\n") == true)
        #expect(other.memoryText?.contains("Last updated: 2026-11-03") == false)
    }
}

/// `diff` and `list` as a reviewer reads them.
@Suite("diff and list for reviewers")
struct ReviewerOutputTests {
    static let old = "# Insights\n\n## A\n\nintro\n\n### Sub1\n- x\n\n### Sub2\n- y\n\nLast updated: 2026-01-01\n\n## B\n- b\n"

    @Test("a change of the closing stamp alone is reported on its section, with its hunk; with the text, on the subsection")
    func stampOnly() throws {
        try withSandbox { sandbox in
            let old = try sandbox.write("old.md", Self.old)
            let new = try sandbox.write("new.md", Self.old.replacingOccurrences(of: "2026-01-01", with: "2026-01-05"))
            let diff = try insights(["diff", old, new])
            #expect(diff.out.contains("modified \"A\" (lines 3-6)\n@@ -10,5 +10,5 @@\n ### Sub2\n - y\n \n-Last updated: 2026-01-01\n+Last updated: 2026-01-05\n \n"), "\(diff)")
            #expect(!diff.out.contains("\"Sub2\""), "\(diff)")
            #expect(diff.out.hasSuffix("1 section changed (1 modified), 4 unchanged\n"), "\(diff)")
            let stat = try insights(["diff", old, new, "--stat"])
            #expect(stat.out == "modified  \"A\" | +1 -1\n1 section changed (1 modified), 4 unchanged, +1 -1 lines\n", "\(stat)")
            let json = try insights(["diff", old, new, "--json"]).json()
            let sections = try #require(json["sections"] as? [[String: Any]])
            let modified = sections.filter { $0["status"] as? String == "modified" }
            #expect(modified.map { $0["section"] as? String } == ["A"])
            #expect(modified.first?["added"] as? Int == 1)

            let both = try sandbox.write("both.md", Self.old.replacingOccurrences(of: "2026-01-01", with: "2026-01-05").replacingOccurrences(of: "- y", with: "- y2"))
            let changed = try insights(["diff", old, both, "--stat"])
            #expect(changed.out.hasPrefix("modified  \"A\" > \"Sub2\" | +2 -2\n"), "\(changed)")
        }
    }

    @Test("--color always, never and auto; a wrong value is a usage error")
    func color() throws {
        try withSandbox { sandbox in
            let old = try sandbox.write("old.md", Self.old)
            let new = try sandbox.write("new.md", Self.old.replacingOccurrences(of: "- b", with: "- c"))
            for flag in ["--color=always", "--color"] {
                #expect(try insights(["diff", old, new, flag]).out.contains("\u{1B}[31m-- b\u{1B}[0m"), "\(flag)")
            }
            for flag in ["--color=never", "--color=auto"] {
                #expect(!(try insights(["diff", old, new, flag]).out.contains("\u{1B}")), "\(flag)")
            }
            #expect(run(["diff", old, new, "--color=never"], color: true).out.contains("\u{1B}") == false)
            #expect(run(["diff", old, new], color: true).out.contains("\u{1B}"))
            #expect(try insights(["list", "--file", new, "--color=always"]).out.contains("\u{1B}[2mlines 3-14\u{1B}[0m"))
            let wrong = try insights(["list", "--file", new, "--color=sometimes"])
            #expect(wrong.status == 64, "\(wrong)")
            #expect(wrong.firstErrorLine == "insights: error: --color takes auto, always or never, not \"sometimes\"")
        }
    }

    @Test("list shows a closing stamp on its section only, not on the last subsection nor the file's title")
    func listStamp() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.old + "\n### Sub3\nLast updated: 2026-02-02\n- z\n")
            let listed = try insights(["list", "--file", file, "--json"]).json()
            let sections = try #require(listed["sections"] as? [[String: Any]])
            let stamps = sections.map { "\($0["title"] as? String ?? ""): \($0["lastUpdated"] as? String ?? "-")" }
            #expect(stamps == ["Insights: -", "A: 2026-01-01", "Sub1: -", "Sub2: -", "B: -", "Sub3: 2026-02-02"])
        }
    }
}
