import InsightsKit

/// The memory file as a Model Context Protocol server: newline-delimited JSON-RPC 2.0
/// messages, one request answered per line. The file is fixed when the server starts; no
/// tool takes a path. Every call reads the file again; writes take the library's lock.
package struct MCPServer {
    /// The protocol versions the server speaks, oldest first; the last is the default.
    package static let versions = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"]

    /// The memory file.
    package let file: InsightsFile
    /// Where agent templates come from.
    package let templates: TemplateCatalog
    /// The version `serverInfo` names.
    package let serverVersion: String
    /// The last scan of the file, reused by `read_section` while the file's bytes stay the same.
    package let scans = ScanReuse()
    /// The negotiated protocol version (the default until `initialize`).
    package var protocolVersion = versions[versions.count - 1]

    /// A server on `file` (symlinks resolved once, here), with `templates`.
    package init(file: InsightsFile, templates: TemplateCatalog, serverVersion: String) {
        self.file = (try? file.resolvedTarget()).map(InsightsFile.init(path:)) ?? file
        self.templates = templates
        self.serverVersion = serverVersion
    }

    /// Whether the negotiated version has structured tool output (2025-06-18 and later).
    var hasStructuredOutput: Bool { protocolVersion >= "2025-06-18" }

    /// Serves standard input until it ends; replies on standard output, logs on standard
    /// error. Returns the exit code: 0, or 74 when standard input cannot be read or standard
    /// output cannot be written (the client went away).
    package mutating func serve() -> Int32 {
        ProcessSignals.ignoreBrokenPipe()
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count: Int
            do {
                count = try FileDescriptor.standardInput.read(into: &buffer)
            } catch {
                log("\(error)")
                return InsightsError.Code.ioError.rawValue
            }
            if count == 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            var start = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                let line = Array(pending[start..<newline])
                start = newline + 1
                if let reply = handle(line), !send(reply) { return InsightsError.Code.ioError.rawValue }
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty, let reply = handle(pending), !send(reply) { return InsightsError.Code.ioError.rawValue }
        return 0
    }

    /// Writes one message and a newline to standard output; false (logged) when it cannot.
    private func send(_ message: [UInt8]) -> Bool {
        do {
            try FileDescriptor.standardOutput.writeAll((message + [0x0A])[...])
            return true
        } catch {
            log("\(error)")
            return false
        }
    }

    /// Writes `message` to standard error.
    func log(_ message: String) {
        try? FileDescriptor.standardError.writeAll(Array("insights mcp: \(message)\n".utf8)[...])
    }

    /// The reply to one line (compact JSON), or nil when none is due (a notification, a
    /// blank line).
    package mutating func handle(_ line: [UInt8]) -> [UInt8]? {
        var line = line[...]
        if line.last == 0x0D { line = line.dropLast() }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        guard let message = JSONParser.parse(Array(line)) else {
            return Self.failure(id: .null, code: -32700, message: "parse error: not valid JSON").compact
        }
        guard case .object = message else {
            let what = if case .array = message { "batches are not supported" } else { "a request is a JSON object" }
            return Self.failure(id: .null, code: -32600, message: "invalid request: \(what)").compact
        }
        let id = message["id"]
        if let id {
            switch id {
            case .string, .int, .null: break
            default: return Self.failure(id: .null, code: -32600, message: "invalid request: id must be a string or a number").compact
            }
        }
        guard message["jsonrpc"]?.stringValue == "2.0", let method = message["method"]?.stringValue else {
            // A response from the client (it sends none we asked for) is ignored.
            if message["method"] == nil, message["result"] != nil || message["error"] != nil { return nil }
            return Self.failure(id: id ?? .null, code: -32600, message: "invalid request: needs \"jsonrpc\": \"2.0\" and a method").compact
        }
        let params = message["params"] ?? .object([])
        guard let id else {
            // A notification: never answered.
            return nil
        }
        guard case .object = params else {
            return Self.failure(id: id, code: -32602, message: "invalid params: params must be an object").compact
        }
        do {
            let result = try dispatch(method, params: params)
            return JSON.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)]).compact
        } catch let error as ProtocolError {
            return Self.failure(id: id, code: error.code, message: error.message).compact
        } catch {
            return Self.failure(id: id, code: -32603, message: "internal error: \(error)").compact
        }
    }

    /// A JSON-RPC error response.
    static func failure(id: JSON, code: Int, message: String) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("error", .object([("code", .int(code)), ("message", .string(message))]))])
    }

    /// The result of `method`.
    mutating func dispatch(_ method: String, params: JSON) throws -> JSON {
        switch method {
        case "initialize": return initialize(params)
        case "ping": return .object([])
        case "tools/list": return .object([("tools", .array(Tools.all.map { $0.listing(structured: hasStructuredOutput) }))])
        case "tools/call": return try callTool(params)
        case "prompts/list": return .object([("prompts", .array([Prompts.listing]))])
        case "prompts/get": return try Prompts.get(params, templates: templates)
        case "resources/list": return try Resources.list(file)
        case "resources/templates/list": return .object([("resourceTemplates", .array([]))])
        case "resources/read": return try Resources.read(params, file: file)
        default: throw ProtocolError(code: -32601, message: "method not found: \(method)")
        }
    }

    /// Negotiates the version and describes the server.
    mutating func initialize(_ params: JSON) -> JSON {
        if let asked = params["protocolVersion"]?.stringValue, Self.versions.contains(asked) {
            protocolVersion = asked
        } else {
            protocolVersion = Self.versions[Self.versions.count - 1]
        }
        return .object([
            ("protocolVersion", .string(protocolVersion)),
            ("capabilities", .object([
                ("tools", .object([("listChanged", .bool(false))])),
                ("prompts", .object([("listChanged", .bool(false))])),
                ("resources", .object([("subscribe", .bool(false)), ("listChanged", .bool(false))])),
            ])),
            ("serverInfo", .object([("name", .string("insights")), ("version", .string(serverVersion))])),
            ("instructions", .string(Self.instructions)),
        ])
    }

    /// How an agent should use its section, sent with `initialize`.
    static let instructions = """
    This server keeps a shared markdown memory file in which each agent owns one section.
    Address your own section with `agent` (your agent name) and, inside it, `sub` (subsection titles).
    At the start of a session call read_section; change only your section with update_section (mode replace, append or prepend), set_entry for one `- **Key**: value` line, or replace_text.
    Pass the fingerprint from read_section as `if_match` to avoid overwriting another agent's change.
    At the end call session_summary with `log: true`. The prompt memory-protocol gives your agent's full protocol.
    """

    /// `tools/call`: the tool's result, errors of the tool included (`isError`).
    func callTool(_ params: JSON) throws -> JSON {
        guard let name = params["name"]?.stringValue else { throw ProtocolError.params("tools/call needs a tool name") }
        guard let tool = Tools.all.first(where: { $0.name == name }) else {
            throw ProtocolError.params("unknown tool \"\(name)\"; tools: " + Tools.all.map(\.name).joined(separator: ", "))
        }
        let arguments = params["arguments"] ?? .object([])
        guard case .object = arguments else { throw ProtocolError.params("arguments must be an object") }
        let output: JSON
        var isError = false
        do {
            try ToolArguments.checkNames(arguments, allowed: tool.arguments, tool: name)
            output = try tool.run(ToolArguments(arguments), self)
        } catch let error as InsightsError {
            output = Reports.error(error, hint: Self.hint(for: error), reach: Self.reach)
            isError = true
        }
        var members: [(String, JSON)] = [
            ("content", .array([.object([("type", .string("text")), ("text", .string(String(decoding: output.serialized, as: UTF8.self)))])])),
        ]
        if hasStructuredOutput { members.append(("structuredContent", output)) }
        members.append(("isError", .bool(isError)))
        return .object(members)
    }

    /// The hint an error's JSON carries, in terms of tool arguments.
    static func hint(for error: InsightsError) -> String? {
        switch error.kind {
        case .stale: return "call read_section again and redo the edit with its fingerprint as if_match"
        case .locked: return "another writer holds the file; try again"
        case .otherLevel, .ambiguous:
            let reaches = error.candidates.compactMap { candidate in candidate.address.map { "line \(candidate.line ?? 0): \(reach($0))" } }
            guard !reaches.isEmpty else { return error.hint }
            return "to address " + (reaches.count == 1 ? "it" : "one of them") + ": " + reaches.joined(separator: "; ")
        default: return error.hint
        }
    }

    /// The tool arguments that address `address`: `{"section": "T", "level": 3, "sub": ["S"]}`.
    static func reach(_ address: SectionAddress) -> String {
        var members: [(String, JSON)] = [("section", .string(address.title))]
        if address.level != 2 { members.append(("level", .int(address.level))) }
        if !address.subsections.isEmpty { members.append(("sub", .array(address.subsections.map(JSON.string)))) }
        return String(decoding: JSON.object(members).compact, as: UTF8.self)
    }
}

/// A JSON-RPC error: the request, not the tool, is at fault.
struct ProtocolError: Error {
    let code: Int
    let message: String

    /// -32602, invalid params.
    static func params(_ message: String) -> ProtocolError {
        ProtocolError(code: -32602, message: "invalid params: \(message)")
    }
}
