import Foundation
import Testing

/// `insights mcp`, driven over pipes as a client would: one JSON-RPC message per line.
@Suite("insights mcp")
struct MCPTests {
    static let memory = "# Insights\n\n## Alpha\n\nhello\n\n## Beta\n\n- **Key**: old\n"

    /// Sends `messages` (each a JSON object, or raw text when a String) to `insights mcp --file
    /// path` and returns the replies in order, by id.
    static func session(_ messages: [Any], file: String, handshake: Bool = true) throws -> (replies: [[String: Any]], outcome: Outcome) {
        var lines: [String] = []
        if handshake {
            lines.append(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#)
            lines.append(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        }
        for message in messages {
            if let raw = message as? String {
                lines.append(raw)
            } else {
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self))
            }
        }
        let outcome = try insights(["mcp", "--file", file], input: .bytes(Array((lines.joined(separator: "\n") + "\n").utf8)))
        let replies = try outcome.out.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not an object: \(line)")
        }
        return (handshake ? Array(replies.dropFirst()) : replies, outcome)
    }

    /// A `tools/call` request.
    static func call(_ id: Int, _ tool: String, _ arguments: [String: Any]) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id, "method": "tools/call", "params": ["name": tool, "arguments": arguments]]
    }

    /// The structured content and error flag of a tool result.
    static func toolResult(_ reply: [String: Any]) throws -> (content: [String: Any], isError: Bool, text: String) {
        let result = try #require(reply["result"] as? [String: Any], "no result: \(reply)")
        let content = try #require(result["structuredContent"] as? [String: Any])
        let text = try #require(((result["content"] as? [[String: Any]])?.first?["text"]) as? String)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let canonical = { (object: [String: Any]) in try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) }
        #expect(try canonical(parsed) == canonical(content), "text and structuredContent differ")
        return (content, result["isError"] as? Bool ?? false, text)
    }

    @Test("initialize answers each known version, and the newest for an unknown one", arguments: ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "1999-01-01"])
    func handshake(version: String) throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("m.md", Self.memory)
            let (replies, outcome) = try Self.session([
                ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["protocolVersion": version, "capabilities": [:], "clientInfo": ["name": "t", "version": "1"]]],
                #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#,
                #"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#,
            ], file: file, handshake: false)
            #expect(outcome.status == 0)
            #expect(replies.count == 3, "\(outcome)")
            let result = try #require(replies[0]["result"] as? [String: Any])
            #expect(result["protocolVersion"] as? String == (version == "1999-01-01" ? "2025-11-25" : version))
            #expect((result["serverInfo"] as? [String: Any])?["name"] as? String == "insights")
            let capabilities = try #require(result["capabilities"] as? [String: Any])
            #expect(capabilities["tools"] != nil && capabilities["prompts"] != nil && capabilities["resources"] != nil)
            #expect(result["instructions"] is String)
            #expect(replies[1]["id"] as? Int == 2 && replies[1]["result"] is [String: Any])
            let tools = try #require((replies[2]["result"] as? [String: Any])?["tools"] as? [[String: Any]])
            #expect(tools.map { $0["name"] as? String } == ["list_sections", "read_section", "update_section", "set_entry", "replace_text", "remove_section", "session_summary", "check", "status"])
            let structured = version >= "2025-06-18" || version == "1999-01-01"
            #expect(tools.allSatisfy { ($0["outputSchema"] != nil) == structured && $0["inputSchema"] != nil && $0["annotations"] != nil })
        }
    }

    @Test("every tool's success path")
    func tools() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write(".superagent/memory/insights.md", Self.memory)
            let (replies, outcome) = try Self.session([
                Self.call(1, "list_sections", [:]),
                Self.call(2, "read_section", ["section": "Alpha"]),
                Self.call(3, "update_section", ["section": "Alpha", "body": "- more\n", "mode": "append", "date": "2026-01-02"]),
                Self.call(4, "set_entry", ["section": "Beta", "key": "key", "value": "new", "no_stamp": true]),
                Self.call(5, "replace_text", ["section": "Alpha", "old": "hello", "new": "hi", "no_stamp": true]),
                Self.call(6, "update_section", ["section": "Gamma", "body": "x\n", "no_stamp": true]),
                Self.call(7, "remove_section", ["section": "Gamma"]),
                Self.call(8, "session_summary", ["agent": "backend-architect", "log": true, "fields": [
                    "System Implementation": "Orders API", "Key Technical Decision": "Postgres", "Performance Achieved": "p99 40ms",
                    "Architecture Impact": "none", "Integration Points": "billing", "Monitoring/Validation": "dashboards",
                    "Knowledge Captured": "notes", "Collaboration Needs": "frontend"]]),
                Self.call(9, "check", ["strict": false]),
                Self.call(10, "status", ["date": "2026-01-12"]),
            ], file: file)
            #expect(replies.count == 10, "\(outcome)")
            let results = try replies.map(Self.toolResult)
            #expect(results.allSatisfy { !$0.isError }, "\(results.filter(\.isError).map(\.text))")
            #expect((results[0].content["sections"] as? [Any])?.count == 3)
            #expect(results[1].content["body"] as? String == "hello\n\n")
            #expect(results[3].content["matched"] == nil && results[3].content["changed"] as? Bool == true)
            #expect(results[5].content["created"] as? Bool == true)
            #expect(results[7].content["log"] as? String != nil)
            #expect(results[8].content["errors"] as? Int == 0)
            let unowned = try #require(results[9].content["unowned"] as? [[String: Any]])
            #expect(unowned.map { $0["section"] as? String } == ["Alpha", "Beta"])
            #expect(unowned.first?["daysSince"] as? Int == 10 && (results[9].content["agents"] as? [Any])?.count == 0)
            // The CLI's --json prints the same object.
            let statusCLI = try insights(["status", "--json", "--date", "2026-01-12", "--file", file])
            let statusMCP = try Self.session([Self.call(1, "status", ["date": "2026-01-12"])], file: file)
            #expect(try Self.toolResult(statusMCP.replies[0]).text == statusCLI.out)
            let contents = try #require(text(at: file))
            #expect(contents.contains("hi\n\n- more\n\nLast updated: 2026-01-02") && contents.contains("- **Key**: new") && !contents.contains("Gamma"), "\(contents)")
            #expect(FileManager.default.fileExists(atPath: sandbox.path(".superagent/memory/sessions.md")))
            // The CLI's --json prints the same object.
            let cli = try insights(["read", "Beta", "--json", "--file", file])
            let again = try Self.session([Self.call(1, "read_section", ["section": "Beta"])], file: file)
            #expect(try Self.toolResult(again.replies[0]).text == cli.out)
        }
    }

    @Test("every tool's error path is a result with isError, the file unchanged")
    func toolErrors() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("m.md", Self.memory)
            let before = bytes(at: file)
            let (replies, outcome) = try Self.session([
                Self.call(1, "list_sections", ["bogus": 1]),
                Self.call(2, "read_section", ["section": "Nope"]),
                Self.call(3, "update_section", ["section": "Alpha", "body": "## Heading\ninjected\n"]),
                Self.call(4, "set_entry", ["section": "Beta", "key": "K"]),
                Self.call(5, "replace_text", ["section": "Alpha", "old": "absent", "new": "x"]),
                Self.call(6, "remove_section", ["section": "Nope"]),
                Self.call(7, "session_summary", ["agent": "../etc/passwd", "fields": [:]]),
                Self.call(8, "check", ["base": "--output=/tmp/x"]),
                Self.call(9, "update_section", ["section": "Alpha", "body": "x", "if_match": "0000"]),
                Self.call(10, "update_section", ["agent": "../../x", "body": "x"]),
            ], file: file)
            #expect(replies.count == 10, "\(outcome)")
            let results = try replies.map(Self.toolResult)
            #expect(results.allSatisfy { $0.isError })
            let kinds = results.map { ($0.content["error"] as? [String: Any])?["kind"] as? String }
            #expect(kinds == ["usage", "section-not-found", "body-escapes-section", "usage", "text-not-found", "section-not-found", "usage", "usage", "stale", "usage"], "\(kinds)")
            #expect(bytes(at: file) == before)
            #expect(try listing(sandbox.path) == ["m.md"])
        }
    }

    @Test("read_section sees every change: a read after a write reads the new text, read after read the same")
    func readAfterWrite() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("m.md", Self.memory)
            let (replies, _) = try Self.session([
                Self.call(1, "read_section", ["section": "Alpha"]), Self.call(2, "read_section", ["section": "Alpha"]),
                Self.call(3, "update_section", ["section": "Alpha", "body": "changed\n", "no_stamp": true]),
                Self.call(4, "read_section", ["section": "Alpha"]), Self.call(5, "read_section", ["section": "Beta"]),
            ], file: file)
            let bodies = try [0, 1, 3, 4].map { try Self.toolResult(replies[$0]).content["body"] as? String }
            #expect(bodies == ["hello\n\n", "hello\n\n", "changed\n\n", "- **Key**: old\n"])
        }
    }

    @Test("a section title with ../ is a title: nothing outside the file changes")
    func traversal() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("memory/m.md", Self.memory)
            let (replies, _) = try Self.session([Self.call(1, "update_section", ["section": "../x", "body": "y\n", "no_stamp": true])], file: file)
            #expect(try Self.toolResult(replies[0]).isError == false)
            #expect(try listing(sandbox.path) == ["memory"])
            #expect(try listing(sandbox.path("memory")) == ["m.md"])
            #expect(text(at: file)?.hasSuffix("## ../x\n\ny\n") == true, "\(text(at: file) ?? "")")
        }
    }

    @Test("protocol errors: malformed JSON, a batch, an unknown method, an unknown tool; the server keeps going")
    func protocolErrors() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("m.md", Self.memory)
            let (replies, outcome) = try Self.session([
                "{not json", #"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#, #"{"jsonrpc":"2.0","id":2,"method":"nope"}"#,
                Self.call(3, "nope", [:]), #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":[]}"#,
                #"{"jsonrpc":"2.0","id":5,"method":"prompts/get","params":{"name":"nope"}}"#,
                #"{"jsonrpc":"2.0","id":6,"method":"resources/read","params":{"uri":"file:///etc/passwd"}}"#,
                #"{"jsonrpc":"2.0","id":7,"method":"ping"}"#,
            ], file: file)
            #expect(outcome.status == 0)
            let codes = replies.map { ($0["error"] as? [String: Any])?["code"] as? Int }
            #expect(codes == [-32700, -32600, -32601, -32602, -32602, -32602, -32602, nil], "\(outcome)")
            #expect(replies.last?["id"] as? Int == 7)
        }
    }

    @Test("the prompt and the resources")
    func promptAndResources() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("m.md", Self.memory)
            let (replies, _) = try Self.session([
                #"{"jsonrpc":"2.0","id":1,"method":"prompts/list"}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"prompts/get","params":{"name":"memory-protocol","arguments":{"agent":"backend-architect"}}}"#,
                #"{"jsonrpc":"2.0","id":3,"method":"resources/list"}"#,
                #"{"jsonrpc":"2.0","id":4,"method":"resources/read","params":{"uri":"insights://section/Alpha"}}"#,
                #"{"jsonrpc":"2.0","id":5,"method":"resources/read","params":{"uri":"insights://file"}}"#,
            ], file: file)
            let prompt = try #require(((replies[1]["result"] as? [String: Any])?["messages"] as? [[String: Any]])?.first?["content"] as? [String: Any])
            #expect((prompt["text"] as? String)?.contains("## System Architecture") == true)
            let resources = try #require((replies[2]["result"] as? [String: Any])?["resources"] as? [[String: Any]])
            #expect(resources.compactMap { $0["uri"] as? String }.contains("insights://section/Alpha"))
            let section = ((replies[3]["result"] as? [String: Any])?["contents"] as? [[String: Any]])?.first?["text"] as? String
            #expect(section == "## Alpha\n\nhello\n\n")
            let whole = ((replies[4]["result"] as? [String: Any])?["contents"] as? [[String: Any]])?.first?["text"] as? String
            #expect(whole == Self.memory)
        }
    }

    @Test("four servers appending to one file at once lose nothing")
    func concurrentServers() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let file = try sandbox.write("m.md", Self.memory)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for server in 0..<4 {
                group.addTask {
                    let calls = (0..<5).map { Self.call($0, "update_section", ["section": "Alpha", "body": "- s\(server) c\($0)\n", "mode": "append", "no_stamp": true]) }
                    let (replies, _) = try Self.session(calls, file: file)
                    #expect(try replies.map(Self.toolResult).allSatisfy { !$0.isError })
                }
            }
            try await group.waitForAll()
        }
        let contents = try #require(text(at: file))
        for server in 0..<4 { for call in 0..<5 { #expect(contents.contains("- s\(server) c\(call)\n")) } }
    }
}
