import Foundation
import Testing
@testable import InsightsCLI

/// `insights diff`, `insights history` and `insights init --git`.
@Suite("diff, history and init --git")
struct ReviewCommandTests {
    static let edited = TeamFile.editing([
        ("- **Caching**: Redis - Hit rate: 91%", "- **Caching**: Redis - Hit rate: 94%"),
        ("## Growth Notes\n\n- **Channel**: TikTok cheapest installs\n\nLast updated: 2026-11-01\n", "## Sales Notes\n\n- **Pipeline**: 12 leads\n"),
    ])

    @Test("diff with no argument compares with HEAD: each changed section with its own hunks, in file line numbers")
    func diffAgainstHead() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.commit(TeamFile.base, "base")
        try repo.sandbox.write(GitRepo.memory, Self.edited)
        let outcome = try repo.insights(["diff"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.out == """
            --- HEAD:.superagent/memory/insights.md
            +++ \(repo.memoryPath)
            modified "System Architecture" > "Key Technical Decisions" (lines 15-21)
            @@ -15,6 +15,6 @@
             ### Key Technical Decisions
             - **Database Choice**: PostgreSQL - Rationale: relational data
            -- **Caching**: Redis - Hit rate: 91%
            +- **Caching**: Redis - Hit rate: 94%
             - **Queue**: SQS for reminders
             
             Last updated: 2026-11-01
            removed "Growth Notes" (was lines 29-33)
            @@ -29,5 +28,0 @@
            -## Growth Notes
            -
            -- **Channel**: TikTok cheapest installs
            -
            -Last updated: 2026-11-01
            added "Sales Notes" (lines 29-31)
            @@ -33,0 +29,3 @@
            +## Sales Notes
            +
            +- **Pipeline**: 12 leads
            3 sections changed (1 added, 1 removed, 1 modified), 5 unchanged

            """)
        // The hunk numbers are the file's: `git diff` puts the changed line at 17 too (the hunk
        // above starts at 15 with two lines of context, as the subsection starts there).
        let gitDiff = try repo.git(["diff", "-U0", "--", GitRepo.memory]).out
        #expect(gitDiff.contains("@@ -17 +17 @@"))
    }

    @Test("diff --stat, --exit-code, --json and OLD NEW")
    func diffModes() throws {
        try withSandbox { sandbox in
            let old = try sandbox.write("old.md", TeamFile.base)
            let new = try sandbox.write("new.md", Self.edited)
            let stat = try insights(["diff", old, new, "--stat", "--exit-code"])
            #expect(stat.status == 1, "\(stat)")
            #expect(stat.out == """
                modified  "System Architecture" > "Key Technical Decisions" | +1 -1
                removed   "Growth Notes"                                    | -5
                added     "Sales Notes"                                     | +3
                3 sections changed (1 added, 1 removed, 1 modified), 5 unchanged, +4 -6 lines

                """)
            let same = try insights(["diff", old, old, "--exit-code"])
            #expect(same.status == 0, "\(same)")
            #expect(same.stdout.isEmpty)

            let json = try insights(["diff", old, new, "--json"]).json()
            #expect(Set(json.keys) == ["old", "new", "changed", "sections"])
            #expect(json["old"] as? String == old)
            #expect(json["changed"] as? Bool == true)
            let sections = try #require(json["sections"] as? [[String: Any]])
            #expect(sections.map { $0["status"] as? String } == [
                "unchanged", "unchanged", "unchanged", "unchanged", "unchanged", "modified", "unchanged", "removed", "added",
            ])
            #expect(sections.map { $0["section"] as? String } == [
                nil, "Project Insights", "Frontend Patterns", "Frontend Patterns > Effective Patterns", "System Architecture",
                "System Architecture > Key Technical Decisions", "Testing Insights", "Growth Notes", "Sales Notes",
            ])
            for section in sections {
                #expect(Set(section.keys) == ["status", "section", "oldSection", "level", "line", "endLine", "oldLine", "oldEndLine", "added", "removed", "diff"])
            }
            let modified = sections[5]
            #expect(modified["level"] as? Int == 3)
            #expect(modified["line"] as? Int == 15 && modified["endLine"] as? Int == 21)
            #expect(modified["added"] as? Int == 1 && modified["removed"] as? Int == 1)
            #expect((modified["diff"] as? String)?.hasPrefix("@@ -15,6 +15,6 @@\n") == true)
            #expect(sections[7]["line"] is NSNull && sections[7]["oldLine"] as? Int == 29)

            let wrong = try insights(["diff", old])
            #expect(wrong.status == 64, "\(wrong)")
        }
    }

    @Test("diff names moves and renames")
    func movesAndRenames() throws {
        try withSandbox { sandbox in
            let old = try sandbox.write("old.md", "## A\n- a\n\n## B\n- b\n\n## C\n- c\n")
            let new = try sandbox.write("new.md", "## B\n- b\n\n## A\n- a\n\n## See\n- c\n")
            let outcome = try insights(["diff", old, new])
            #expect(outcome.out == """
                --- \(old)
                +++ \(new)
                moved "B" (lines 1-3, was 4-6)
                renamed "C" to "See" (lines 7-8)
                @@ -7,2 +7,2 @@
                -## C
                +## See
                 - c
                2 sections changed (1 moved, 1 renamed), 1 unchanged

                """)
        }
    }

    @Test("history lists only the commits that changed the section, newest first, with its own diff")
    func history() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.commit(TeamFile.base, "base")
        var text = TeamFile.editing([("- **Coverage**: 78% lines", "- **Coverage**: 80% lines")])
        try repo.commit(text, "testing: coverage")
        text = TeamFile.editing([("- **Queue**: SQS for reminders", "- **Queue**: SQS with retries")], in: text)
        try repo.commit(text, "architecture: queue")
        text = TeamFile.editing([("- **Channel**: TikTok cheapest installs", "- **Channel**: Reddit")], in: text)
        try repo.commit(text, "growth: channel")
        text = TeamFile.editing([("- **Caching**: Redis - Hit rate: 91%", "- **Caching**: Redis - Hit rate: 95%")], in: text)
        try repo.commit(text, "architecture: caching")
        try repo.sandbox.write("other.txt", "unrelated\n")
        try repo.git(["add", "other.txt"])
        try repo.git(["commit", "-q", "-m", "unrelated file"])

        let json = try repo.insights(["history", "System Architecture", "--json"])
        #expect(json.status == 0, "\(json)")
        let commits = try #require(try json.json()["commits"] as? [[String: Any]])
        #expect(commits.map { $0["subject"] as? String } == ["architecture: caching", "architecture: queue", "base"])
        #expect(commits.map { $0["status"] as? String } == ["modified", "modified", "added"])
        let head = try repo.git(["log", "--format=%H", "-n", "1", "HEAD~1"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(commits[0]["hash"] as? String == head)
        #expect(commits[0]["author"] as? String == "Ada Tester")
        #expect(commits[0]["diff"] as? String == """
            @@ -14,7 +14,7 @@
             
             ### Key Technical Decisions
             - **Database Choice**: PostgreSQL - Rationale: relational data
            -- **Caching**: Redis - Hit rate: 91%
            +- **Caching**: Redis - Hit rate: 95%
             - **Queue**: SQS with retries
             
             Last updated: 2026-11-01

            """)

        let text2 = try repo.insights(["history", "Growth Notes", "--limit", "1"])
        #expect(text2.status == 0, "\(text2)")
        let growthHash = try repo.git(["log", "--format=%H", "-n", "1", "HEAD~2"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text2.out.hasPrefix("commit \(growthHash)\nAuthor: Ada Tester <ada@example.com>\nDate:   "))
        #expect(text2.out.hasSuffix("""

                growth: channel

            modified "Growth Notes" (lines 29-33)
            @@ -29,5 +29,5 @@
             ## Growth Notes
             
            -- **Channel**: TikTok cheapest installs
            +- **Channel**: Reddit
             
             Last updated: 2026-11-01

            """), "\(text2)")

        let missing = try repo.insights(["history", "Nowhere"])
        #expect(missing.status == 3, "\(missing)")
    }

    @Test("history follows a section through a merge: the merge itself is not listed")
    func historyThroughMerge() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.commit(TeamFile.base, "base")
        try repo.git(["checkout", "-q", "-b", "side"])
        try repo.commit(TeamFile.editing([("- **Coverage**: 78% lines", "- **Coverage**: 90% lines")]), "side: coverage")
        try repo.git(["checkout", "-q", "main"])
        try repo.commit(TeamFile.editing([("- **Channel**: TikTok cheapest installs", "- **Channel**: Reddit")]), "main: channel")
        try repo.git(["merge", "-q", "--no-edit", "side"])
        let outcome = try repo.insights(["history", "Testing Insights", "--json"])
        let commits = try #require(try outcome.json()["commits"] as? [[String: Any]])
        #expect(commits.map { $0["subject"] as? String } == ["side: coverage", "base"])
    }

    @Test("init --git writes the attributes line once and prints the driver line; --local sets it")
    func initGit() throws {
        let repo = try GitRepo(driver: false)
        defer { repo.remove() }
        let first = try repo.insights(["init", "--git"])
        #expect(first.status == 0, "\(first)")
        let driver = "if test -x '\(insightsBinary.path)'; then '\(insightsBinary.path)' merge %O %A %B %P; else git merge-file -L ours -L base -L theirs %A %O %B; fi"
        #expect(first.out == "git config merge.insights.driver \"\(driver)\"\n")
        #expect(text(at: repo.sandbox.path(".gitattributes")) == ".superagent/memory/*.md merge=insights\n")
        #expect(bytes(at: repo.memoryPath) != nil)

        try repo.sandbox.write(".gitattributes", "*.png binary")
        let second = try repo.insights(["init", "--git", "--local"])
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout.isEmpty)
        #expect(text(at: repo.sandbox.path(".gitattributes")) == "*.png binary\n.superagent/memory/*.md merge=insights\n")
        #expect(try repo.git(["config", "--local", "merge.insights.driver"]).out == driver + "\n")
        let third = try repo.insights(["init", "--git"])
        #expect(third.status == 0, "\(third)")
        #expect(text(at: repo.sandbox.path(".gitattributes")) == "*.png binary\n.superagent/memory/*.md merge=insights\n")

        // Another file: its own path. Outside a repository: 66, nothing written.
        let other = try repo.insights(["init", "--git", "--file", "docs/memory notes.md"])
        #expect(other.status == 0, "\(other)")
        #expect(text(at: repo.sandbox.path(".gitattributes"))?.hasSuffix("\n\"docs/memory notes.md\" merge=insights\n") == true)
        try withSandbox { plain in
            let outside = try insights(["init", "--git"], in: plain.url, environment: repo.environment)
            #expect(outside.status == 66, "\(outside)")
            #expect(try listing(plain.path) == [])
            let lonely = try repo.insights(["init", "--local"])
            #expect(lonely.status == 64, "\(lonely)")
        }
    }
}

/// Colour, which only a terminal gets: the command is run in-process with a terminal that
/// says it is one.
@Suite("diff colour")
struct DiffColorTests {
    @Test("removed lines red, added green, hunk headers cyan, section lines bold; none without a terminal")
    func colors() throws {
        try withSandbox { sandbox in
            let old = try sandbox.write("old.md", "## A\nold line\n")
            let new = try sandbox.write("new.md", "## A\nnew line\n")
            let colored = run(["diff", old, new], color: true).out
            #expect(colored.contains("\u{1B}[1mmodified \"A\" (lines 1-2)\u{1B}[0m\n"))
            #expect(colored.contains("\u{1B}[36m@@ -1,2 +1,2 @@\u{1B}[0m\n ## A\n\u{1B}[31m-old line\u{1B}[0m\n\u{1B}[32m+new line\u{1B}[0m\n"))
            let plain = run(["diff", old, new], color: false).out
            #expect(!plain.contains("\u{1B}"))
            #expect(plain.contains("@@ -1,2 +1,2 @@\n ## A\n-old line\n+new line\n"))
        }
    }
}
