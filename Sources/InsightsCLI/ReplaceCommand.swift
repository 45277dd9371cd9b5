import InsightsKit

/// `insights replace`: changes one exact occurrence of a text in a section's body, so that
/// an agent can fix one line without rewriting the section.
enum ReplaceCommand: Command {
    static let old = Option(name: "old", value: .required("TEXT"), help: "the text to replace, exactly as `insights read` prints it (not empty)")
    static let new = Option(name: "new", value: .required("TEXT"), help: "what replaces it (may be empty)")

    static let spec = CommandSpec(
        name: "replace", summary: "Replaces one exact occurrence of a text in a section's body.",
        positionals: [Options.section],
        options: Options.addressing + [old, new] + Options.writing,
        notes: """
        The text must occur exactly once in the body as `read` prints it: none exits 3,
        several exit 65 naming their lines.
        """,
        example: "insights replace --agent backend-architect --sub \"Current Implementations\" --old \"p95 84 ms\" --new \"p95 61 ms\"")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let target = try arguments.requiredSectionTarget(context, command: "replace")
        guard let old = arguments.value(old), let new = arguments.value(new) else {
            throw InsightsError(.usage, "`insights replace` needs --old TEXT and --new TEXT", hint: "usage: \(spec.usage)")
        }
        guard !old.isEmpty else { throw InsightsError(.usage, "--old may not be empty", hint: "to add text use `insights update --append`") }
        let result = try context.file.replace(target.address, old: old, new: new, options: try Editing.options(arguments, context: context))
        return Editing.report(result, address: target.address, removed: false, arguments: arguments, context: context)
    }
}
