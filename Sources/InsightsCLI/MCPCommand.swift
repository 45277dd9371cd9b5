import InsightsKit
import InsightsMCP

/// `insights mcp`: the memory file as a Model Context Protocol server on standard input and
/// output, until the input ends.
enum MCPCommand: Command {
    static let spec = CommandSpec(
        name: "mcp", summary: "Serves the file to AI agents as a Model Context Protocol server (JSON-RPC on standard input and output).",
        notes: """
        The file is chosen once, at start (--file, INSIGHTS_FILE, or found from this folder);
        no tool takes a path. Tools: list_sections, read_section, update_section, set_entry,
        replace_text, remove_section, session_summary, check; the prompt memory-protocol;
        each top-level section as a resource. Logs go to standard error.
        """,
        example: "claude mcp add insights -- insights mcp")

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        // An absolute path, so that the server's file stays the same whatever happens later.
        let path = context.file.path.hasPrefix("/") ? context.file.path : context.workingDirectory + "/" + context.file.path
        var server = MCPServer(file: InsightsFile(path: path), templates: context.templates, serverVersion: CLI.version)
        return server.serve()
    }
}
