import InsightsKit

/// `insights update`: replaces, appends to or prepends to one section, creating it (and
/// the file) when missing, under the lock and with an atomic write.
enum UpdateCommand: Command {
    static let append = Option(name: "append", value: .none, help: "add the body at the end of the section (before its closing stamp)")
    static let prepend = Option(name: "prepend", value: .none, help: "add the body at the start of the section")

    static let spec = CommandSpec(
        name: "update", summary: "Rewrites one section's body and nothing else; creates the section at the end of the file when it is missing.",
        positionals: [Options.section],
        options: Options.addressing + [Options.template.help("the skeleton a created section gets (the body when none is given)"),
                                       Options.body, Options.bodyFile, append, prepend] + Options.writing,
        exclusive: [[Options.body, Options.bodyFile], [append, prepend]],
        notes: """
        The body is --body TEXT, the contents of --body-file PATH, or standard input (empty
        standard input is refused, exit 64). A title found only at another level is refused
        (65), and so is a body that would reach outside its section: a heading of the
        section's level or higher, or an unclosed code fence or HTML block.
        """,
        example: "insights update --agent backend-architect --sub \"Current Implementations\" --body \"- **Orders API**: live\"")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let target = try arguments.requiredSectionTarget(context, command: "update")
        let address = target.address
        let options = try Editing.options(arguments, context: context)
        let result: EditResult
        if let body = try readBody(arguments, terminal: context.terminal, optional: address.template != nil) {
            let mode: UpdateMode = arguments.has(append) ? .append : arguments.has(prepend) ? .prepend : .replace
            result = try context.file.update(address, body: body, mode: mode, options: options)
        } else {
            // No body, and a template: the section is created from its skeleton, or stamped.
            result = try context.file.edit(EditRequest(address: address, edit: .keep), options: options)
        }
        return Editing.report(result, address: address, removed: false, arguments: arguments, context: context)
    }

    /// The body from --body, --body-file or standard input; nil when none is given and the
    /// body is `optional`.
    static func readBody(_ arguments: ParsedArguments, terminal: Terminal, optional: Bool) throws -> [UInt8]? {
        if let body = arguments.value(Options.body) { return ByteText.bytes(of: body) }
        if let path = arguments.path(Options.bodyFile) {
            guard let bytes = try InsightsFile(path: path).readInput() else {
                throw InsightsError(.noInput, "body file \(path) does not exist")
            }
            return bytes
        }
        // Empty standard input is a body that went missing (a failed command before the
        // pipe), never a request to create the section from its template.
        guard let input = try terminal.readInput() else {
            if optional { return nil }
            throw noBody
        }
        guard !input.isEmpty else { throw noBody }
        return input
    }

    static let noBody = InsightsError(.usage, "no body given: standard input is empty",
                                      hint: "pass --body TEXT or --body-file PATH, or pipe the body on standard input; to empty a section pass --body \"\"; to create an agent's section from its template run `insights init --agent NAME`")
}
