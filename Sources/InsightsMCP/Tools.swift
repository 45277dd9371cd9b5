import InsightsKit

/// The arguments of one tool call, read with the types the schemas declare; a wrong type is
/// a `usage` error (a tool result with `isError`, as the CLI would exit 64).
struct ToolArguments {
    let object: JSON

    init(_ object: JSON) { self.object = object }

    /// `usage` naming the first argument `tool` does not take.
    static func checkNames(_ arguments: JSON, allowed: [String], tool: String) throws {
        guard case .object(let members) = arguments else { return }
        for (key, _) in members where !allowed.contains(key) {
            throw InsightsError(.usage, "\(tool) takes no argument \"\(key)\"", hint: "its arguments: " + allowed.joined(separator: ", "))
        }
    }

    /// A string argument.
    func string(_ key: String) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw InsightsError(.usage, "\"\(key)\" must be a string") }
        return text
    }

    /// A required string argument.
    func requiredString(_ key: String) throws -> String {
        guard let text = try string(key) else { throw InsightsError(.usage, "missing argument \"\(key)\"") }
        return text
    }

    /// A boolean argument, false when absent.
    func bool(_ key: String) throws -> Bool {
        guard let value = object[key], value != .null else { return false }
        guard case .bool(let flag) = value else { throw InsightsError(.usage, "\"\(key)\" must be true or false") }
        return flag
    }

    /// An integer argument.
    func int(_ key: String) throws -> Int? {
        guard let value = object[key], value != .null else { return nil }
        guard case .int(let number) = value else { throw InsightsError(.usage, "\"\(key)\" must be a whole number") }
        return number
    }

    /// An array of strings.
    func strings(_ key: String) throws -> [String] {
        guard let value = object[key], value != .null else { return [] }
        guard case .array(let elements) = value, elements.allSatisfy({ $0.stringValue != nil }) else {
            throw InsightsError(.usage, "\"\(key)\" must be an array of strings")
        }
        return elements.compactMap(\.stringValue)
    }

    /// The addressed section: `section` or `agent` (with its template), `sub`, `level`.
    func address(_ templates: TemplateCatalog) throws -> SectionAddress {
        let subsections = try strings("sub")
        var address: SectionAddress
        switch (try string("section"), try string("agent")) {
        case (let title?, nil): address = SectionAddress(title: title, subsections: subsections)
        case (nil, let agent?): address = try SectionAddress.agent(agent, subsections: subsections, templates: templates)
        case (_?, _?): throw InsightsError(.usage, "give \"section\" or \"agent\", not both")
        case (nil, nil): throw InsightsError(.usage, "missing argument \"section\" or \"agent\"", hint: "agent: your agent name addresses the section your template owns")
        }
        if let level = try int("level") {
            guard (1...6).contains(level) else { throw InsightsError(.usage, "\"level\" takes a whole number from 1 to 6, not \(level)") }
            address.level = level
        }
        return address
    }

    /// The write options: `date`, `no_stamp`, `if_match`.
    func editOptions(_ templates: TemplateCatalog) throws -> EditOptions {
        let date = try string("date")
        if let date, !CalendarDate.isValid(date) { throw InsightsError(.usage, "\"date\" is written YYYY-MM-DD, not \"\(date)\"") }
        return EditOptions(stamp: !(try bool("no_stamp")), date: date, ifMatch: try string("if_match"), templates: templates)
    }
}

/// One tool: its name, description, schemas, annotations and what it runs.
struct Tool: Sendable {
    let name: String
    let title: String
    let description: String
    /// The properties of its input schema, in order, and the required ones.
    let properties: [(String, JSON)]
    var required: [String] = []
    var readOnly = false
    var destructive = false
    var idempotent = false
    /// The properties of its output, for the output schema.
    let output: [(String, JSON)]
    let run: @Sendable (ToolArguments, MCPServer) throws -> JSON

    /// The argument names it takes.
    var arguments: [String] { properties.map(\.0) }

    /// Its `tools/list` entry; `structured` adds the output schema.
    func listing(structured: Bool) -> JSON {
        var input: [(String, JSON)] = [("type", .string("object")), ("properties", .object(properties))]
        if !required.isEmpty { input.append(("required", .array(required.map(JSON.string)))) }
        input.append(("additionalProperties", .bool(false)))
        var members: [(String, JSON)] = [
            ("name", .string(name)), ("title", .string(title)), ("description", .string(description)),
            ("inputSchema", .object(input)),
        ]
        if structured {
            members.append(("outputSchema", .object([("type", .string("object")), ("properties", .object(output + [("error", Schema.object("set instead when isError is true: code, kind, message, hint, candidates"))]))])))
        }
        members.append(("annotations", .object([
            ("title", .string(title)), ("readOnlyHint", .bool(readOnly)), ("destructiveHint", .bool(destructive)),
            ("idempotentHint", .bool(idempotent)), ("openWorldHint", .bool(false)),
        ])))
        return .object(members)
    }
}

/// JSON Schema pieces.
enum Schema {
    static func string(_ description: String) -> JSON { .object([("type", .string("string")), ("description", .string(description))]) }
    static func bool(_ description: String) -> JSON { .object([("type", .string("boolean")), ("description", .string(description))]) }
    static func integer(_ description: String) -> JSON { .object([("type", .string("integer")), ("description", .string(description))]) }
    static func object(_ description: String) -> JSON { .object([("type", .string("object")), ("description", .string(description))]) }
    static func array(_ description: String) -> JSON { .object([("type", .string("array")), ("description", .string(description))]) }
    static func strings(_ description: String) -> JSON {
        .object([("type", .string("array")), ("items", .object([("type", .string("string"))])), ("description", .string(description))])
    }
    static func nullableString(_ description: String) -> JSON {
        .object([("type", .array([.string("string"), .string("null")])), ("description", .string(description))])
    }
    static func nullableInteger(_ description: String) -> JSON {
        .object([("type", .array([.string("integer"), .string("null")])), ("description", .string(description))])
    }
}

/// The tools the server offers.
enum Tools {
    static let addressing: [(String, JSON)] = [
        ("agent", Schema.string("your agent name: addresses the section your template owns")),
        ("section", Schema.string("the title of a level-2 heading (instead of agent); matched exactly, else loosely")),
        ("sub", Schema.strings("subsection titles to descend into, in order")),
        ("level", Schema.integer("the level of the section's heading, 1 to 6 (default 2)")),
    ]
    static let writing: [(String, JSON)] = [
        ("if_match", Schema.string("write only if the section's fingerprint (from read_section) is still this; \"absent\": it must not exist yet")),
        ("date", Schema.string("the YYYY-MM-DD date of the Last updated: stamp (default today)")),
        ("no_stamp", Schema.bool("leave the Last updated: line alone")),
    ]
    static let editOutput: [(String, JSON)] = [
        ("file", Schema.string("the memory file")), ("section", Schema.string("the address, Title > Sub")),
        ("created", Schema.bool("whether the section was created")), ("changed", Schema.bool("whether the file changed")),
        ("line", Schema.nullableInteger("the section's first line")), ("endLine", Schema.nullableInteger("its last line")),
        ("fingerprint", Schema.string("the section's fingerprint now")),
        ("matched", Schema.string("the heading a loose match found, as written")),
        ("warnings", Schema.array("warnings: kind and message (a template's budget exceeded, ...)")),
    ]
    static let sectionOutput: [(String, JSON)] = [
        ("file", Schema.string("the memory file")), ("title", Schema.nullableString("the heading as written")),
        ("level", Schema.nullableInteger("its level")), ("line", Schema.integer("first line")), ("endLine", Schema.integer("last line")),
        ("lastUpdated", Schema.nullableString("the Last updated: date")), ("body", Schema.string("the body, byte for byte")),
        ("fingerprint", Schema.string("pass as if_match to a write")), ("matched", Schema.string("the heading a loose match found")),
    ]

    /// Runs an edit and reports it as `update --json` does.
    static func reportEdit(_ arguments: ToolArguments, _ server: MCPServer,
                           _ edit: (SectionAddress, EditOptions) throws -> EditResult) throws -> JSON {
        let address = try arguments.address(server.templates)
        let result = try edit(address, try arguments.editOptions(server.templates))
        return Reports.edit(result, address: address, path: server.file.path)
    }

    static let all: [Tool] = [
        Tool(name: "list_sections", title: "List sections", description: "Lists every top-level heading of the memory file with its lines and last update.",
             properties: [], readOnly: true, idempotent: true,
             output: [("file", Schema.string("the memory file")), ("sections", Schema.array("title, level, line, endLine, lastUpdated"))]) { _, server in
            Reports.sections(try server.file.sections(), path: server.file.path)
        },
        Tool(name: "read_section", title: "Read a section", description: "Reads one section's body exactly as it is, with its fingerprint; with no section or agent, the whole file.",
             properties: addressing + [("with_heading", Schema.bool("include the heading line(s) in body"))], readOnly: true, idempotent: true,
             output: sectionOutput) { arguments, server in
            if try arguments.string("section") == nil, try arguments.string("agent") == nil {
                return Reports.wholeFile(try server.file.readExisting(), path: server.file.path)
            }
            let address = try arguments.address(server.templates)
            return Reports.section(try server.file.read(address, reusing: server.scans), path: server.file.path,
                                   withHeading: try arguments.bool("with_heading"))
        },
        Tool(name: "update_section", title: "Update a section", description: "Replaces, appends to or prepends to one section's body and nothing else; creates a missing section (from the agent's template). A body that would reach outside the section (a heading of its level or higher, an unclosed code fence) is refused.",
             properties: addressing + [("body", Schema.string("the new body (markdown); may be left out with agent to create the section from its template")),
                                       ("mode", .object([("type", .string("string")), ("enum", .array([.string("replace"), .string("append"), .string("prepend")])), ("description", .string("where the body goes (default replace)"))]))] + writing,
             destructive: true, output: editOutput) { arguments, server in
            let mode: UpdateMode
            switch try arguments.string("mode") ?? "replace" {
            case "replace": mode = .replace
            case "append": mode = .append
            case "prepend": mode = .prepend
            case let other: throw InsightsError(.usage, "\"mode\" is replace, append or prepend, not \"\(other)\"")
            }
            let body = try arguments.string("body")
            return try reportEdit(arguments, server) { address, options in
                if let body { return try server.file.update(address, body: body, mode: mode, options: options) }
                guard address.template != nil else { throw InsightsError(.usage, "missing argument \"body\"", hint: "to empty a section pass \"body\": \"\"") }
                return try server.file.edit(EditRequest(address: address, edit: .keep), options: options)
            }
        },
        Tool(name: "set_entry", title: "Set an entry", description: "Sets one `- **KEY**: VALUE` list entry of a section, adding it after the last list item when missing.",
             properties: addressing + [("key", Schema.string("the entry's key; matched exactly, else loosely")), ("value", Schema.string("its new value, one line"))] + writing,
             required: ["key", "value"], idempotent: true, output: editOutput) { arguments, server in
            let key = try arguments.requiredString("key"), value = try arguments.requiredString("value")
            return try reportEdit(arguments, server) { try server.file.set($0, key: key, value: value, options: $1) }
        },
        Tool(name: "replace_text", title: "Replace text", description: "Replaces the one occurrence of `old` in a section's body with `new`; none or several is an error.",
             properties: addressing + [("old", Schema.string("the text to replace; must occur exactly once")), ("new", Schema.string("its replacement"))] + writing,
             required: ["old", "new"], destructive: true, output: editOutput) { arguments, server in
            let old = try arguments.requiredString("old"), new = try arguments.requiredString("new")
            return try reportEdit(arguments, server) { try server.file.replace($0, old: old, new: new, options: $1) }
        },
        Tool(name: "remove_section", title: "Remove a section", description: "Deletes one section (heading, body and subsections); the title must match exactly.",
             properties: addressing + writing, destructive: true, output: editOutput) { arguments, server in
            try reportEdit(arguments, server) { try server.file.remove($0, options: $1) }
        },
        Tool(name: "session_summary", title: "Session summary", description: "Checks the end-of-session summary against the agent's template and returns it; with log, appends it to the session log beside the memory file.",
             properties: [("agent", Schema.string("your agent name (its template lists the fields)")),
                          ("fields", Schema.object("the fields, {\"Label\": \"value\"}; labels match loosely")),
                          ("log", Schema.bool("append the summary to sessions.md beside the memory file")),
                          ("allow_missing", Schema.bool("return the fields given even when required ones are missing")),
                          ("date", Schema.string("the YYYY-MM-DD date of the log heading (default today)"))],
             required: ["agent", "fields"],
             output: [("agent", Schema.string("the agent")), ("template", Schema.string("its template")), ("summary", Schema.string("the summary text")),
                      ("fields", Schema.array("label and value of each field")), ("missing", Schema.strings("required labels not given")),
                      ("log", Schema.nullableString("the log it was appended to"))]) { arguments, server in
            try Tools.summary(arguments, server)
        },
        Tool(name: "check", title: "Check the file", description: "Checks the file: conflict markers, duplicate sections, stamps, placeholders, dates, budgets; with base, the sections changed since that git revision, a change touching several agents' sections, and the other rules only in the sections the change touched (all: everywhere).",
             properties: [("base", Schema.string("a git revision to compare with (absent there: empty)")), ("strict", Schema.bool("warnings are errors")),
                          ("all", Schema.bool("with base: report on the whole file, not only on the sections the change touched"))],
             readOnly: true, idempotent: true,
             output: [("file", Schema.string("the memory file")), ("base", Schema.nullableString("REV:PATH")), ("errors", Schema.integer("error count")),
                      ("warnings", Schema.integer("warning count")), ("findings", Schema.array("rule, severity, line, section, message")),
                      ("changes", .object([("type", .array([.string("array"), .string("null")]))]))]) { arguments, server in
            var version: Version?
            if let base = try arguments.string("base") {
                guard !base.hasPrefix("-") else { throw InsightsError(.usage, "\"base\" is a git revision, not \"\(base)\"") }
                version = try Version.at(base, of: server.file)
            }
            var options = CheckOptions(base: version?.bytes, strict: try arguments.bool("strict"), templates: server.templates)
            options.all = try arguments.bool("all")
            let report = try server.file.check(options)
            return Reports.check(report, path: server.file.path, base: version?.label)
        },
        Tool(name: "status", title: "Team memory status", description: "Lists each agent's section with its last update and days since, placeholders left, lines and budget; then the sections no template owns.",
             properties: [("date", Schema.string("today, YYYY-MM-DD, for the days since (default today)"))], readOnly: true, idempotent: true,
             output: [("file", Schema.string("the memory file")),
                      ("agents", Schema.array("agent, section, line, lastUpdated, daysSince, placeholders, lines, limit")),
                      ("unowned", Schema.array("section, line, lastUpdated, daysSince, placeholders, lines"))]) { arguments, server in
            let date = try arguments.string("date")
            if let date, !CalendarDate.isValid(date) { throw InsightsError(.usage, "\"date\" is written YYYY-MM-DD, not \"\(date)\"") }
            return Reports.status(try server.file.status(templates: server.templates, today: date), path: server.file.path)
        },
    ]

    /// `session_summary`: the summary, logged when asked.
    static func summary(_ arguments: ToolArguments, _ server: MCPServer) throws -> JSON {
        let name = try arguments.requiredString("agent")
        let template = try server.templates.template(named: name)
        guard case .object(let members)? = arguments.object["fields"] else { throw InsightsError(.usage, "\"fields\" must be an object {\"Label\": \"value\"}") }
        let given: [(label: String, value: String?)] = try members.map { label, value in
            switch value {
            case .string(let text): return (label, text)
            case .null: return (label, nil)
            case .int(let number): return (label, String(number))
            case .bool(let flag): return (label, String(flag))
            default: throw InsightsError(.usage, "the value of \"\(label)\" must be text")
            }
        }
        let date = try arguments.string("date")
        if let date, !CalendarDate.isValid(date) { throw InsightsError(.usage, "\"date\" is written YYYY-MM-DD, not \"\(date)\"") }
        let summary = try SessionSummary(template: template, given: given, allowMissing: try arguments.bool("allow_missing"))
        var logPath: String?
        if try arguments.bool("log") {
            let log = InsightsFile(path: server.file.sessionLogPath)
            try summary.log(to: log, agent: name, date: date ?? CalendarDate.today(), lockTimeout: EditOptions.defaultLockTimeout)
            logPath = log.path
        }
        return Reports.summary(summary, template: template, log: logPath)
    }
}
