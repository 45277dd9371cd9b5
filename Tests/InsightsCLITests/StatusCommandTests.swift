import Foundation
import Testing

/// `insights status`: the team's memory at a glance, as a table and as JSON.
@Suite("insights status")
struct StatusCommandTests {
    /// A project with two agents' sections (one filled in) and a section no template owns.
    static func project(_ sandbox: Sandbox) throws -> String {
        let file = sandbox.path(".superagent/memory/insights.md")
        #expect(try insights(["init", "--agent", "backend-architect", "--agent", "frontend-developer", "--date", "2026-01-02"], in: sandbox.url).status == 0)
        #expect(try insights(["update", "--agent", "backend-architect", "--body", "- **Orders API**: Vapor\n", "--date", "2026-01-20"], in: sandbox.url).status == 0)
        #expect(try insights(["update", "Team Notes", "--body", "Standup at 9:30 [Room]\n", "--no-stamp"], in: sandbox.url).status == 0)
        return file
    }

    @Test("JSON: agents in file order with days since --date, placeholders as check counts them, lines and limit; then the unowned")
    func json() throws {
        try withSandbox { sandbox in
            let file = try Self.project(sandbox)
            let run = try insights(["status", "--json", "--date", "2026-01-31"], in: sandbox.url)
            #expect(run.status == 0, "\(run)")
            let object = try run.json()
            #expect(object["file"] as? String == file)
            let agents = try #require(object["agents"] as? [[String: Any]])
            #expect(agents.map { $0["agent"] as? String } == ["backend-architect", "frontend-developer"])
            #expect(agents.map { $0["section"] as? String } == ["System Architecture", "Frontend Development Insights"])
            #expect(agents.map { $0["lastUpdated"] as? String } == ["2026-01-20", "2026-01-02"])
            #expect(agents.map { $0["daysSince"] as? Int } == [11, 29])
            #expect(agents.map { $0["limit"] as? Int } == [150, 150])
            #expect(agents[0]["placeholders"] as? Int == 0 && agents[0]["lines"] as? Int == 5)
            // The frontend section is the template's skeleton: as many placeholders as check names there.
            let check = try insights(["check", "--format", "json"], in: sandbox.url).json()
            let named = try #require(check["findings"] as? [[String: Any]]).filter {
                $0["rule"] as? String == "placeholder" && ($0["section"] as? String)?.hasPrefix("Frontend Development Insights") == true
            }.map { (($0["message"] as? String) ?? "").split(separator: "\"").count / 2 }.reduce(0, +)
            #expect(named > 10 && agents[1]["placeholders"] as? Int == named)
            let unowned = try #require(object["unowned"] as? [[String: Any]])
            #expect(unowned.count == 1 && unowned[0]["section"] as? String == "Team Notes" && unowned[0]["placeholders"] as? Int == 1)
            #expect(unowned[0]["lastUpdated"] is NSNull && unowned[0]["daysSince"] is NSNull && unowned[0]["agent"] == nil)
        }
    }

    @Test("text: an aligned table with a header, lines against the limit, then the unowned sections")
    func table() throws {
        try withSandbox { sandbox in
            _ = try Self.project(sandbox)
            let run = try insights(["status", "--date", "2026-01-31"], in: sandbox.url)
            #expect(run.status == 0, "\(run)")
            let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[0].hasPrefix("AGENT") && lines[0].hasSuffix("LINES"))
            #expect(lines[1].hasPrefix("backend-architect ") && lines[1].contains("System Architecture") && lines[1].contains("2026-01-20"))
            #expect(lines[1].hasSuffix("5/150"))
            #expect(lines[2].hasPrefix("frontend-developer ") && lines[2].contains(" 29 "))
            #expect(lines[3] == "" && lines[4] == "not owned by a template:")
            #expect(lines[5].hasPrefix("-") && lines[5].contains("Team Notes") && lines[5].contains("never"))
            // Columns line up: each column starts at the same offset on every row.
            let sectionColumn = lines[0].range(of: "SECTION")!.lowerBound.utf16Offset(in: lines[0])
            for line in [lines[1], lines[2], lines[5]] {
                let index = line.index(line.startIndex, offsetBy: sectionColumn)
                #expect(line[line.index(before: index)] == " " && line[index] != " ", "\(line)")
            }
        }
    }

    @Test("a missing file exits 66 and a bad --date 64")
    func errors() throws {
        try withSandbox { sandbox in
            #expect(try insights(["status"], in: sandbox.url).status == 66)
            _ = try Self.project(sandbox)
            let bad = try insights(["status", "--date", "31-01-2026"], in: sandbox.url)
            #expect(bad.status == 64 && bad.firstErrorLine.contains("--date"), "\(bad)")
        }
    }
}
