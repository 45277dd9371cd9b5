import InsightsKit

/// The `memory-protocol` prompt: an agent's memory protocol written for tool calls.
enum Prompts {
    static let name = "memory-protocol"

    /// Its `prompts/list` entry.
    static let listing: JSON = .object([
        ("name", .string(name)), ("title", .string("Memory protocol")),
        ("description", .string("How an agent keeps its section of the shared memory: what to read, how to write, what to log.")),
        ("arguments", .array([.object([("name", .string("agent")), ("description", .string("the agent name (its template)")), ("required", .bool(true))])])),
    ])

    /// `prompts/get`: the protocol of the `agent` argument's template.
    static func get(_ params: JSON, templates: TemplateCatalog) throws -> JSON {
        guard params["name"]?.stringValue == name else {
            throw ProtocolError.params("unknown prompt \"\(params["name"]?.stringValue ?? "")\"; prompts: \(name)")
        }
        guard let agent = params["arguments"]?["agent"]?.stringValue else { throw ProtocolError.params("\(name) needs the argument agent") }
        let template: AgentTemplate
        do {
            template = try templates.template(named: agent)
        } catch let error as InsightsError {
            throw ProtocolError.params(error.message)
        }
        return .object([
            ("description", .string("The memory protocol of \(agent)")),
            ("messages", .array([.object([("role", .string("user")), ("content", .object([("type", .string("text")), ("text", .string(text(template, agent: agent)))]))])])),
        ])
    }

    /// The protocol text.
    static func text(_ template: AgentTemplate, agent: String) -> String {
        let skeleton = String(decoding: template.skeleton, as: UTF8.self)
        let fields = template.fields.map { "- \($0.label): \($0.text)" }.joined(separator: "\n")
        let budget = template.limit.map { " Keep it under \($0) lines." } ?? ""
        let example = template.fields.prefix(2).map { "\"\($0.label)\": \"...\"" }.joined(separator: ", ")
        return """
        # Memory protocol for \(agent)

        You own the section "## \(template.section)" of the shared memory file. Change nothing else.\(budget)
        Address it in every tool call with "agent": "\(agent)" (and "sub": ["Subsection"] to reach a subsection).

        1. At the start: read_section {"agent": "\(agent)"}. Keep its fingerprint.
        2. While working: update_section {"agent": "\(agent)", "sub": ["..."], "body": "...", "mode": "append"} to add, \
        "mode": "replace" to rewrite (pass "if_match": the fingerprint), set_entry {"agent": "\(agent)", "sub": ["..."], "key": "...", "value": "..."} \
        for one `- **Key**: value` line, replace_text for a small fix. A body must not contain a heading of level 2 or higher.
        3. If a call returns isError with kind "stale", read again and redo the edit.
        4. At the end: session_summary {"agent": "\(agent)", "log": true, "fields": {\(example)}}.

        The section's skeleton (update_section without body creates it):

        ```markdown
        ## \(template.section)
        \(skeleton)```

        Session summary fields ([bracketed] ones are required):
        \(fields)
        """
    }
}

/// The file and each top-level section as resources.
enum Resources {
    static let fileURI = "insights://file"
    static let sectionPrefix = "insights://section/"

    /// `resources/list`.
    static func list(_ file: InsightsFile) throws -> JSON {
        var resources: [JSON] = [.object([
            ("uri", .string(fileURI)), ("name", .string("insights")), ("title", .string("The whole memory file")),
            ("mimeType", .string("text/markdown")),
        ])]
        let sections = (try? file.sections()) ?? []
        for section in sections {
            resources.append(.object([
                ("uri", .string(sectionPrefix + percentEncoded(section.title))), ("name", .string(section.title)),
                ("description", .string("The section \"\(section.title)\", lines \(section.lines.lowerBound)-\(section.lines.upperBound)")),
                ("mimeType", .string("text/markdown")),
            ]))
        }
        return .object([("resources", .array(resources))])
    }

    /// `resources/read`: the file, or a section with its heading.
    static func read(_ params: JSON, file: InsightsFile) throws -> JSON {
        guard let uri = params["uri"]?.stringValue else { throw ProtocolError.params("resources/read needs a uri") }
        let text: String
        do {
            if uri == fileURI {
                text = String(decoding: try file.readExisting(), as: UTF8.self)
            } else if uri.hasPrefix(sectionPrefix), let title = percentDecoded(String(uri.dropFirst(sectionPrefix.count))) {
                let level = (try file.sections()).first { $0.title == title }?.level ?? 2
                let section = try file.read(SectionAddress(title: title, level: level))
                text = String(decoding: section.bytes, as: UTF8.self)
            } else {
                throw ProtocolError.params("unknown resource \(uri)")
            }
        } catch let error as InsightsError {
            throw ProtocolError(code: -32602, message: "invalid params: \(error.message)")
        }
        return .object([("contents", .array([.object([("uri", .string(uri)), ("mimeType", .string("text/markdown")), ("text", .string(text))])]))])
    }

    /// `text` with every byte but the unreserved ones as `%XX`.
    static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return output
    }

    /// The text `%XX` escapes stand for; nil when they are not valid UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
