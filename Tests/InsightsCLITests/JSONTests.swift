import Foundation
import Testing

/// `--json` output of list, read and update, and the fingerprint protocol.
@Suite("JSON output")
struct JSONTests {
    static let content = """
    # Team

    ## System Architecture
    Decisions here.

    ### Key Technical Decisions
    - **Database Choice**: PostgreSQL

    Last updated: 2026-01-05

    ## Frontend Patterns
    **Last updated**: 2026-02-01

    ## Empty

    """

    @Test("list --json has exactly file and sections with title, level, line, endLine, lastUpdated")
    func listJSON() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)

            let outcome = try insights(["list", "--json", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stderr.isEmpty)
            let json = try outcome.json()
            #expect(Set(json.keys) == ["file", "sections"])
            #expect(json["file"] as? String == file)
            let sections = try #require(json["sections"] as? [[String: Any]])
            for section in sections {
                #expect(Set(section.keys) == ["title", "level", "line", "endLine", "lastUpdated"])
            }
            #expect(sections.map { $0["title"] as? String } == ["Team", "System Architecture", "Key Technical Decisions", "Frontend Patterns", "Empty"])
            #expect(sections.map { $0["level"] as? Int } == [1, 2, 3, 2, 2])
            #expect(sections.map { $0["line"] as? Int } == [1, 3, 6, 11, 14])
            #expect(sections.map { $0["endLine"] as? Int } == [14, 10, 10, 13, 14])
            #expect(sections[1]["lastUpdated"] as? String == "2026-01-05")
            #expect(sections[3]["lastUpdated"] as? String == "2026-02-01")
            #expect(sections[4]["lastUpdated"] is NSNull)

            // The text form names every section too.
            let text = try insights(["list", "--file", file])
            #expect(text.status == 0)
            for title in ["Team", "System Architecture", "Key Technical Decisions", "Frontend Patterns", "Empty"] {
                #expect(text.out.contains(title))
            }
        }
    }

    @Test("read --json has exactly the documented keys and the body read prints")
    func readJSON() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)

            let outcome = try insights(["read", "System Architecture", "--json", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            let json = try outcome.json()
            #expect(Set(json.keys) == ["file", "title", "level", "line", "endLine", "lastUpdated", "body", "fingerprint"])
            #expect(json["title"] as? String == "System Architecture")
            #expect(json["level"] as? Int == 2)
            #expect(json["line"] as? Int == 3)
            #expect(json["endLine"] as? Int == 10)
            #expect(json["lastUpdated"] as? String == "2026-01-05")
            let fingerprint = try #require(json["fingerprint"] as? String)
            #expect(!fingerprint.isEmpty)

            let plain = try insights(["read", "System Architecture", "--file", file])
            #expect(json["body"] as? String == plain.out)

            let sub = try insights(["read", "System Architecture", "--sub", "Key Technical Decisions", "--json", "--file", file])
            #expect(sub.status == 0, "\(sub)")
            let subJSON = try sub.json()
            #expect(subJSON["level"] as? Int == 3)
            // The closing stamp belongs to the top-level section, not to its last subsection.
            #expect(subJSON["body"] as? String == "- **Database Choice**: PostgreSQL\n")
            #expect(subJSON["fingerprint"] as? String != fingerprint)
        }
    }

    @Test("update --json has exactly the documented keys")
    func updateJSON() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)

            let created = try insights(["update", "Brand New", "--body", "hello", "--date", "2026-03-04", "--json", "--file", file])
            #expect(created.status == 0, "\(created)")
            let json = try created.json()
            #expect(Set(json.keys) == ["file", "section", "created", "changed", "line", "endLine", "fingerprint", "warnings"])
            #expect(json["file"] as? String == file)
            #expect(json["created"] as? Bool == true)
            #expect(json["changed"] as? Bool == true)
            #expect(json["line"] as? Int == 16)

            let updated = try insights(["update", "Empty", "--body", "now full", "--date", "2026-03-04", "--json", "--file", file])
            #expect(updated.status == 0, "\(updated)")
            let updatedJSON = try updated.json()
            #expect(Set(updatedJSON.keys) == ["file", "section", "created", "changed", "line", "endLine", "fingerprint", "warnings"])
            #expect(updatedJSON["created"] as? Bool == false)
            #expect(updatedJSON["changed"] as? Bool == true)
            #expect(updatedJSON["line"] as? Int == 14)

            // The fingerprint update reports is the section's fingerprint now.
            let read = try insights(["read", "Empty", "--json", "--file", file])
            #expect(try read.json()["fingerprint"] as? String == updatedJSON["fingerprint"] as? String)
            #expect(try read.json()["endLine"] as? Int == updatedJSON["endLine"] as? Int)
        }
    }

    @Test("read --json fingerprint, update --if-match it, then the old fingerprint exits 75")
    func fingerprintProtocol() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)

            let read = try insights(["read", "Frontend Patterns", "--json", "--file", file])
            #expect(read.status == 0)
            let fingerprint = try #require(try read.json()["fingerprint"] as? String)

            // Editing another section leaves this one's fingerprint valid.
            let other = try insights(["update", "Empty", "--body", "x", "--file", file])
            #expect(other.status == 0)

            let first = try insights(["update", "Frontend Patterns", "--body", "first", "--date", "2026-03-04",
                                      "--if-match", fingerprint, "--json", "--file", file])
            #expect(first.status == 0, "\(first)")
            #expect(try first.json()["changed"] as? Bool == true)
            let afterFirst = bytes(at: file)

            let second = try insights(["update", "Frontend Patterns", "--body", "second", "--date", "2026-03-04",
                                       "--if-match", fingerprint, "--file", file])
            #expect(second.status == 75, "\(second)")
            #expect(second.stdout.isEmpty)
            #expect(second.firstErrorLine.hasPrefix(errorPrefix))
            #expect(bytes(at: file) == afterFirst)

            let reread = try insights(["read", "Frontend Patterns", "--file", file])
            #expect(reread.out == "first\n\nLast updated: 2026-03-04\n\n")
        }
    }
}
