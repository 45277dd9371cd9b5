import Foundation
import Testing

/// `insights journal`: dated entries in an agent's own file (the backend architect's seed
/// definition, which ends with its Evolution Journal), read back, and archived so that the
/// file an agent loads stays small.
@Suite("journal add, list, read and archive")
struct JournalCommandTests {
    static let seed = (try? Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/journals/backend-architect.md"))).map { [UInt8]($0) } ?? []

    /// The six parts of the evolution template, each with a value; labels as an agent may
    /// spell them.
    static let parts = [
        "--field", "context=Built the orders API on Vapor",
        "--field", "**Key Learnings:**=**Pools matter.** Size them to the cores\n2. Retries belong in the client",
        "--field", "Pattern Recognition: Background enrichment again",
        "--field", "## World Context=Vapor 5 is out",
        "--field", "Commitments for Improvement=- Trace ids end to end\n- Alarm on p95",
        "--field", "questions for tomorrow:Shard the orders table?",
    ]

    static let expectedEntry = """
    ### Entry: 2026-01-27 - Orders API

    **Context:**
    Built the orders API on Vapor

    **Key Learnings:**

    1. **Pools matter.** Size them to the cores

    2. Retries belong in the client

    **Pattern Recognition:**
    Background enrichment again

    **World Context:**
    Vapor 5 is out

    **Commitments for Improvement:**

    - Trace ids end to end
    - Alarm on p95

    **Questions for Tomorrow:**

    - Shard the orders table?

    """

    @Test("the seed's own journal lists its entry; add leaves every byte before the new entry as it was")
    func seedJournal() throws {
        try withSandbox { sandbox in
            let path = try sandbox.write(".claude/agents/backend-architect.md", Self.seed)
            let list = try insights(["journal", "list", "--file", path, "--json"])
            #expect(list.status == 0, "\(list)")
            let entries = try #require(try list.json()["entries"] as? [[String: Any]])
            #expect(entries.count == 1)
            #expect(entries.first?["date"] as? String == "2026-01-26")
            #expect(entries.first?["title"] as? String == "Essence Identity Backend Integration")
            #expect(entries.first?["line"] as? Int == 99)
            #expect(entries.first?["endLine"] as? Int == 132)

            let add = try insights(["journal", "add", "--file", path, "--title", "Orders API", "--date", "2026-01-27"] + Self.parts)
            #expect(add.status == 0, "\(add)")
            let after = try #require(bytes(at: path))
            #expect(Array(after.prefix(Self.seed.count)) == Self.seed, "a byte before the new entry changed")
            #expect(String(decoding: after.dropFirst(Self.seed.count), as: UTF8.self) == "\n" + Self.expectedEntry)

            let text = try insights(["journal", "list", "--file", path])
            #expect(text.out == """
                2026-01-26  Essence Identity Backend Integration  (lines 99-132)
                2026-01-27  Orders API  (lines 134-158)

                """)
            let read = try insights(["journal", "read", "--file", path, "## orders api"])
            #expect(read.status == 0, "\(read)")
            #expect(read.out == Self.expectedEntry)
            #expect(try insights(["journal", "read", "--file", path, "--last", "1"]).out == Self.expectedEntry)
            let byDate = try insights(["journal", "read", "--file", path, "2026-01-26", "--json"])
            let read26 = try #require(try byDate.json()["entries"] as? [[String: Any]])
            #expect((read26.first?["text"] as? String)?.hasPrefix("### Entry: 2026-01-26 - Essence Identity") == true)
            let missing = try insights(["journal", "read", "--file", path, "Orders APX"])
            #expect(missing.status == 3)
            #expect(missing.err.contains("did you mean \"Orders API\""))
        }
    }

    @Test("a missing part exits 65 naming each with its hint, and writes nothing; --allow-missing leaves it out")
    func missingParts() throws {
        try withSandbox { sandbox in
            let path = try sandbox.write("agent.md", Self.seed)
            let run = try insights(["journal", "add", "--file", path, "--title", "Orders", "--field", "Context=x", "--field", "Key Learnings=y"])
            #expect(run.status == 65)
            #expect(run.firstErrorLine == "insights: error: 4 journal parts are missing: \"Pattern Recognition\", \"World Context\", \"Commitments for Improvement\", \"Questions for Tomorrow\"")
            #expect(run.err.contains("insights: hint: --field \"Pattern Recognition=[A pattern seen again across the work, and where]\""))
            #expect(bytes(at: path) == Self.seed)
            let unknown = try insights(["journal", "add", "--file", path, "--title", "Orders", "--field", "Contxt=x"])
            #expect(unknown.status == 65)
            #expect(unknown.err.contains("did you mean \"Context\""))

            let allowed = try insights(["journal", "add", "--file", path, "--title", "Orders", "--date", "2026-01-27", "--allow-missing", "--field", "Context=x"])
            #expect(allowed.status == 0, "\(allowed)")
            #expect(text(at: path)?.hasSuffix("\n### Entry: 2026-01-27 - Orders\n\n**Context:**\nx\n") == true)
        }
    }

    @Test("--file is required; a decision log from the decision template; the entry on standard input")
    func decisionsAndStandardInput() throws {
        try withSandbox { sandbox in
            let noFile = try insights(["journal", "add", "--title", "x", "--field", "Context=y"], in: sandbox.url)
            #expect(noFile.status == 64)
            #expect(noFile.err.contains("needs --file PATH"))

            let path = sandbox.path(".agency/decisions/backend-architecture.md")
            let decision = try insights(["journal", "add", "--file", path, "--template", "decision", "--date", "2026-02-01", "--title", "PostgreSQL for orders",
                                         "--field", "Context=Orders need transactions", "--field", "Decision=PostgreSQL 16",
                                         "--field", "Alternatives=DynamoDB: no joins\nMongoDB: no transactions across documents",
                                         "--field", "Consequences=One more database to run"])
            #expect(decision.status == 0, "\(decision)")
            #expect(text(at: path) == """
                # backend-architecture

                ## Decision Log

                ### Entry: 2026-02-01 - PostgreSQL for orders

                **Context:**
                Orders need transactions

                **Decision:**
                PostgreSQL 16

                **Alternatives:**

                - DynamoDB: no joins
                - MongoDB: no transactions across documents

                **Consequences:**

                - One more database to run

                """)

            // Kept as written, after its heading (written the one way) and a blank line.
            let body = "**Context:** sessions are hot\n\n**Decision:** Redis\n\n**Alternatives:**\n- Memcached\n\n**Consequences:**\n- A cache to warm\n"
            let piped = try insights(["journal", "add", "--file", path, "--template", "decision"],
                                     input: .bytes(Array(("#### entry: 2026-02-02 - Redis for sessions\n" + body).utf8)))
            #expect(piped.status == 0, "\(piped)")
            #expect(text(at: path)?.hasSuffix("- One more database to run\n\n### Entry: 2026-02-02 - Redis for sessions\n\n" + body) == true)
            let incomplete = try insights(["journal", "add", "--file", path, "--template", "decision", "--title", "X"], input: .bytes(Array("**Context:** y\n".utf8)))
            #expect(incomplete.status == 65)
            #expect(incomplete.firstErrorLine.contains("3 journal parts are missing"))

            let echoed = try insights(["journal", "add", "--file", path, "--template", "decision", "--title", "## Entry: 2026-02-03 - Kafka", "--allow-missing",
                                       "--field", "Decision=Kafka", "--json"])
            #expect(echoed.status == 0, "\(echoed)")
            let entry = try #require(try echoed.json()["entry"] as? [String: Any])
            #expect(entry["heading"] as? String == "Entry: 2026-02-03 - Kafka")
            #expect(entry["title"] as? String == "Kafka")
            #expect(text(at: path)?.hasSuffix("\n\n### Entry: 2026-02-03 - Kafka\n\n**Decision:**\nKafka\n") == true)

            let escaping = try insights(["journal", "add", "--file", path, "--template", "decision", "--title", "X", "--allow-missing", "--field", "Context=a\n## Next"])
            #expect(escaping.status == 65, "\(escaping)")
            #expect(try insights(["journal", "list", "--file", path, "--template", "decision", "--json"]).json()["entries"].map { ($0 as? [Any])?.count } == 3)
        }
    }

    /// A journal of `count` entries below front matter and a preface, and a section after it.
    static func generatedJournal(_ count: Int) -> String {
        var text = "---\nname: generated\n---\n\n# Generated agent\n\nPreface.\n\n## Evolution Journal\n\nWhat this journal is.\n\n"
        for index in 1...count {
            let day = String(format: "2026-%02d-%02d", 1 + (index / 28) % 12, 1 + index % 28)
            text += "### Entry: \(day) - Entry \(index)\n\n**Context:**\nWork number \(index)\n\n**Commitments for Improvement:**\n- Item \(index)\n\n"
        }
        return text + "## Other Notes\n\nKept.\n"
    }

    @Test("1,000 entries: list, add, read, archive; a crash between the two writes loses nothing and the next run cleans the duplicate")
    func thousandEntries() throws {
        try withSandbox { sandbox in
            let original = Self.generatedJournal(1000)
            let path = try sandbox.write("agent.md", original)
            let list = try insights(["journal", "list", "--file", path, "--json"])
            #expect(try #require(list.json()["entries"] as? [[String: Any]]).count == 1000)
            let add = try insights(["journal", "add", "--file", path, "--title", "Entry 1001", "--date", "2026-12-31", "--allow-missing",
                                    "--field", "Context=Work number 1001", "--field", "Commitments for Improvement=Item 1001"])
            #expect(add.status == 0, "\(add)")
            let added = try #require(text(at: path))
            let otherNotes = try #require(original.range(of: "## Other Notes"))
            #expect(added.hasPrefix(String(original[..<otherNotes.lowerBound]) + "### Entry: 2026-12-31 - Entry 1001\n"))
            #expect(added.hasSuffix("- Item 1001\n\n## Other Notes\n\nKept.\n"))
            #expect(try insights(["journal", "read", "--file", path, "Entry 1001"]).out.hasPrefix("### Entry: 2026-12-31 - Entry 1001\n"))

            // A crash after the archive was written and before the file was: the file as it was.
            let before = try #require(bytes(at: path))
            let archive = try insights(["journal", "archive", "--file", path, "--keep", "10", "--json"])
            #expect(archive.status == 0, "\(archive)")
            #expect(try archive.json()["moved"] as? Int == 991)
            let archivePath = sandbox.path("agent.archive.md")
            let archived = try #require(text(at: archivePath))
            #expect(archived.hasPrefix("# Archive of agent.md\n\n## Evolution Journal\n\n### Entry: 2026-01-02 - Entry 1\n"))
            #expect(archived.hasSuffix("- Item 991\n"))
            let kept = try #require(text(at: path))
            #expect(kept.contains("What this journal is.\n\n### Entry: 2026-12-13 - Entry 992\n"))
            #expect(kept.hasSuffix("- Item 1001\n\n## Other Notes\n\nKept.\n"))
            #expect(kept.hasPrefix("---\nname: generated\n---\n"))
            try Data(before).write(to: URL(fileURLWithPath: path))

            // Nothing lost: every entry is in one file or both.
            let inFile = try titles(path), inArchive = try titles(archivePath)
            #expect(Set(inFile).union(inArchive) == Set((1...1001).map { "Entry \($0)" }))
            #expect(inArchive.count == 991)

            let again = try insights(["journal", "archive", "--file", path, "--keep", "10", "--json"])
            #expect(again.status == 0, "\(again)")
            #expect(try again.json()["alreadyArchived"] as? Int == 991)
            #expect(try again.json()["moved"] as? Int == 0)
            #expect(try titles(archivePath) == (1...991).map { "Entry \($0)" }, "an entry was archived twice")
            #expect(try titles(path) == (992...1001).map { "Entry \($0)" })
            #expect(text(at: path) == kept)
            #expect(text(at: archivePath) == archived)
            #expect(try listing(sandbox.path) == ["agent.archive.md", "agent.md"])
            let unchanged = try insights(["journal", "archive", "--file", path, "--keep", "10", "--json"])
            #expect(try unchanged.json()["moved"] as? Int == 0)
            #expect(text(at: archivePath) == archived)
        }
    }

    func titles(_ path: String) throws -> [String] {
        let list = try insights(["journal", "list", "--file", path, "--json"])
        return try #require(list.json()["entries"] as? [[String: Any]]).compactMap { $0["title"] as? String }
    }

    @Test("an agent definition under .claude/agents/ is archived outside it; the session log by its level-2 entries")
    func archivePlaces() throws {
        try withSandbox { sandbox in
            let path = try sandbox.write("project/.claude/agents/backend-architect.md", Self.seed)
            let add = try insights(["journal", "add", "--file", path, "--title", "Orders API", "--date", "2026-01-27"] + Self.parts)
            #expect(add.status == 0, "\(add)")
            let run = try insights(["journal", "archive", "--file", path, "--keep", "1"])
            #expect(run.status == 0, "\(run)")
            #expect(try listing(sandbox.path("project/.claude/agents")) == ["backend-architect.md"])
            let archive = try #require(text(at: sandbox.path("project/.superagent/memory/archive/backend-architect.md")))
            let seedEntry = try #require(String(decoding: Self.seed, as: UTF8.self).components(separatedBy: "\n\n### Entry").last)
            #expect(archive == "# Archive of backend-architect.md\n\n## Evolution Journal\n\n### Entry" + seedEntry)
            #expect(text(at: path) == String(decoding: Self.seed, as: UTF8.self).components(separatedBy: "### Entry")[0] + Self.expectedEntry)

            // The session log: whatever its entries' headings say, they are its level-2 sections.
            let memory = sandbox.path("project/.superagent/memory")
            _ = try sandbox.write("project/.superagent/memory/sessions.md",
                                  "# Sessions\n\n## 2026-01-01 09:00:00 backend-architect\n\n- **Summary**: one\n\n## Tuesday (2)\n\n- **Summary**: two\n\n## 2026-01-03 10:00:00 backend-architect\n\n- **Summary**: three\n")
            let sessions = try insights(["journal", "archive", "--sessions", "--keep", "1"], in: URL(fileURLWithPath: sandbox.path("project")))
            #expect(sessions.status == 0, "\(sessions)")
            #expect(text(at: memory + "/sessions.md") == "# Sessions\n\n## 2026-01-03 10:00:00 backend-architect\n\n- **Summary**: three\n")
            #expect(text(at: memory + "/sessions.archive.md") == "# Sessions\n\n## 2026-01-01 09:00:00 backend-architect\n\n- **Summary**: one\n\n## Tuesday (2)\n\n- **Summary**: two\n")
        }
    }

    @Test("check warns about a journal past its template's keep:")
    func checkWarnsPastKeep() throws {
        try withSandbox { sandbox in
            let path = try sandbox.write("agent.md", Self.generatedJournal(31))
            let run = try insights(["check", "--file", path])
            #expect(run.status == 0)
            #expect(run.out.contains("agent.md:9: warning: [journal-over-keep] journal \"Evolution Journal\" has 31 entries, more than the 30 its template keeps"))
            _ = try insights(["journal", "archive", "--file", path])
            #expect(!(try insights(["check", "--file", path])).out.contains("journal-over-keep"))
        }
    }
}
