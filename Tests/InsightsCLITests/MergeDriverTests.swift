import Foundation
import Testing

/// `git merge` with `insights merge` installed as the merge driver, in a real repository.
@Suite("Merge driver")
struct MergeDriverTests {
    @Test("two branches updating two different agent sections merge cleanly with both edits")
    func differentSections() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let ours = TeamFile.editing([("- **Suspense**: one boundary per tab", "- **Suspense**: one boundary per route")])
        let theirs = TeamFile.editing([("- **Flaky tests**: 3 in the sync suite", "- **Flaky tests**: 0 after quarantine")])
        let merge = try repo.mergeBranches(base: TeamFile.base, ours: ours, theirs: theirs)
        #expect(merge.status == 0, "\(merge)")
        #expect(repo.memoryText == TeamFile.editing([
            ("- **Suspense**: one boundary per tab", "- **Suspense**: one boundary per route"),
            ("- **Flaky tests**: 3 in the sync suite", "- **Flaky tests**: 0 after quarantine"),
        ]))
        #expect(try repo.git(["status", "--porcelain"]).out == "")
    }

    @Test("an edit of the last section and a section appended after it: clean with the driver, a conflict without")
    func appendAfterEditedLast() throws {
        let ours = TeamFile.editing([("- **Channel**: TikTok cheapest installs\n\nLast updated: 2026-11-01", "- **Channel**: TikTok cheapest installs\n\nLast updated: 2026-11-03")])
        let theirs = TeamFile.base + "\n## Design Notes\n\n- **Palette**: warm greys\n"
        for driver in [true, false] {
            let repo = try GitRepo(driver: driver)
            defer { repo.remove() }
            let merge = try repo.mergeBranches(base: TeamFile.base, ours: ours, theirs: theirs)
            if driver {
                #expect(merge.status == 0, "\(merge)")
                #expect(repo.memoryText == ours + "\n## Design Notes\n\n- **Palette**: warm greys\n")
            } else {
                #expect(merge.status != 0, "git's own line merge was expected to conflict here: \(merge)")
            }
        }
    }

    @Test("both sides editing different lines of the same section merge cleanly")
    func sameSectionDifferentLines() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let ours = TeamFile.editing([("PostgreSQL - Rationale: relational data", "PostgreSQL 16 - Rationale: relational data")])
        let theirs = TeamFile.editing([("- **Queue**: SQS for reminders", "- **Queue**: SQS with a dead-letter queue")])
        let merge = try repo.mergeBranches(base: TeamFile.base, ours: ours, theirs: theirs)
        #expect(merge.status == 0, "\(merge)")
        #expect(repo.memoryText == TeamFile.editing([
            ("PostgreSQL - Rationale: relational data", "PostgreSQL 16 - Rationale: relational data"),
            ("- **Queue**: SQS for reminders", "- **Queue**: SQS with a dead-letter queue"),
        ]))
    }

    @Test("both sides editing the same lines: a conflict with markers only inside that section")
    func sameLines() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let ours = TeamFile.editing([
            ("- **Caching**: Redis - Hit rate: 91%", "- **Caching**: Redis - Hit rate: 94%"),
            ("- **Channel**: TikTok cheapest installs", "- **Channel**: TikTok and Reddit"),
        ])
        let theirs = TeamFile.editing([
            ("- **Caching**: Redis - Hit rate: 91%", "- **Caching**: Memcached - Hit rate: 88%"),
            ("- **Coverage**: 78% lines", "- **Coverage**: 81% lines"),
        ])
        let merge = try repo.mergeBranches(base: TeamFile.base, ours: ours, theirs: theirs)
        #expect(merge.status != 0, "\(merge)")
        #expect(merge.out.contains("CONFLICT (content): Merge conflict in .superagent/memory/insights.md"))
        let expected = TeamFile.editing([
            ("- **Caching**: Redis - Hit rate: 91%\n",
             "<<<<<<< ours\n- **Caching**: Redis - Hit rate: 94%\n=======\n- **Caching**: Memcached - Hit rate: 88%\n>>>>>>> theirs\n"),
            ("- **Channel**: TikTok cheapest installs", "- **Channel**: TikTok and Reddit"),
            ("- **Coverage**: 78% lines", "- **Coverage**: 81% lines"),
        ])
        #expect(repo.memoryText == expected)
        // The driver's own exit code: 1 with conflicts, the result written to OURS.
        let folder = try repo.sandbox.makeFolder("driver")
        try repo.sandbox.write("driver/base", TeamFile.base)
        try repo.sandbox.write("driver/ours", ours)
        try repo.sandbox.write("driver/theirs", theirs)
        let driver = try insights(["merge", folder.path + "/base", folder.path + "/ours", folder.path + "/theirs", "insights.md"])
        #expect(driver.status == 1, "\(driver)")
        #expect(driver.stdout.isEmpty)
        #expect(driver.err == "insights: 1 conflict left in insights.md\n")
        #expect(text(at: folder.path + "/ours") == expected)
        #expect(text(at: folder.path + "/theirs") == theirs)
        #expect(try listing(folder.path) == ["base", "ours", "theirs"])
    }

    @Test("sections added on both sides are both kept")
    func addedOnBothSides() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let ours = TeamFile.base + "## Design Notes\n\n- **Palette**: warm greys\n\nLast updated: 2026-11-02\n"
        let theirs = TeamFile.editing([("## Growth Notes", "## Support Notes\n\n- **Top ticket**: sync delays\n\n## Growth Notes")])
        let merge = try repo.mergeBranches(base: TeamFile.base, ours: ours, theirs: theirs)
        #expect(merge.status == 0, "\(merge)")
        #expect(repo.memoryText == TeamFile.editing([("## Growth Notes", "## Support Notes\n\n- **Top ticket**: sync delays\n\n## Growth Notes")])
            + "## Design Notes\n\n- **Palette**: warm greys\n\nLast updated: 2026-11-02\n")
    }

    @Test("sections added at the same place on both sides are both kept, ours first")
    func addedAtTheSamePlace() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let ours = TeamFile.base + "## Design Notes\n\n- **Palette**: warm greys\n"
        let theirs = TeamFile.base + "## Support Notes\n\n- **Top ticket**: sync delays\n"
        let merge = try repo.mergeBranches(base: TeamFile.base, ours: ours, theirs: theirs)
        #expect(merge.status == 0, "\(merge)")
        #expect(repo.memoryText == TeamFile.base + "## Design Notes\n\n- **Palette**: warm greys\n\n## Support Notes\n\n- **Top ticket**: sync delays\n")
    }

    static let growth = "## Growth Notes\n\n- **Channel**: TikTok cheapest installs\n\nLast updated: 2026-11-01\n"

    @Test("a section deleted on one side and untouched on the other is deleted")
    func deletedUntouched() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let ours = TeamFile.editing([("- **Coverage**: 78% lines", "- **Coverage**: 80% lines")])
        let theirs = TeamFile.editing([("\n" + Self.growth, "")])
        let merge = try repo.mergeBranches(base: TeamFile.base, ours: ours, theirs: theirs)
        #expect(merge.status == 0, "\(merge)")
        #expect(repo.memoryText == TeamFile.editing([("- **Coverage**: 78% lines", "- **Coverage**: 80% lines"), ("\n" + Self.growth, "")]))
    }

    @Test("a section deleted on one side and changed on the other is a conflict")
    func deletedChanged() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let ours = TeamFile.editing([("## Testing Insights\n\n- **Flaky tests**: 3 in the sync suite\n- **Coverage**: 78% lines\n\nLast updated: 2026-11-01\n\n", "")])
        let theirs = TeamFile.editing([("- **Coverage**: 78% lines", "- **Coverage**: 85% lines")])
        let merge = try repo.mergeBranches(base: TeamFile.base, ours: ours, theirs: theirs)
        #expect(merge.status != 0, "\(merge)")
        #expect(repo.memoryText == TeamFile.editing([(
            "## Testing Insights\n\n- **Flaky tests**: 3 in the sync suite\n- **Coverage**: 78% lines\n\nLast updated: 2026-11-01\n\n",
            "<<<<<<< ours\n=======\n## Testing Insights\n\n- **Flaky tests**: 3 in the sync suite\n- **Coverage**: 85% lines\n\nLast updated: 2026-11-01\n\n>>>>>>> theirs\n"
        )]))
    }

    @Test("the driver honours a marker size given as %L, and a clean merge exits 0")
    func markerSize() throws {
        try withSandbox { sandbox in
            let base = try sandbox.write("base", "## A\na\n")
            let ours = try sandbox.write("ours", "## A\na ours\n")
            let theirs = try sandbox.write("theirs", "## A\na theirs\n")
            let conflicted = try insights(["merge", base, ours, theirs, "insights.md", "9"])
            #expect(conflicted.status == 1, "\(conflicted)")
            #expect(text(at: ours) == "## A\n<<<<<<<<< ours\na ours\n=========\na theirs\n>>>>>>>>> theirs\n")

            try sandbox.write("ours", "## A\na\n\n## B\nb\n")
            let clean = try insights(["merge", base, ours, theirs, "--marker-size", "3"])
            #expect(clean.status == 0, "\(clean)")
            #expect(clean.stdout.isEmpty && clean.stderr.isEmpty)
            #expect(text(at: ours) == "## A\na theirs\n\n## B\nb\n")

            let badSize = try insights(["merge", base, ours, theirs, "insights.md", "seven"])
            #expect(badSize.status == 64, "\(badSize)")
            let missing = try insights(["merge", sandbox.path("nothing"), ours, theirs])
            #expect(missing.status == 66, "\(missing)")
            #expect(text(at: ours) == "## A\na theirs\n\n## B\nb\n")
        }
    }
}
