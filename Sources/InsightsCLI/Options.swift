import InsightsKit

/// The options several commands share, declared once, and the groups they come in.
enum Options {
    /// `--file PATH`, which every command takes (also before the command name).
    static let file = Option(name: "file", value: .required("PATH"),
                             help: "the insights file (default: $INSIGHTS_FILE, else the nearest\n.superagent/memory/insights.md from this folder up)")
    /// `--help` / `-h`.
    static let help = Option(name: "help", value: .none, help: "show this help")

    // MARK: Addressing a section

    /// `--agent NAME`: the section the agent's template owns.
    static let agent = Option(name: "agent", value: .required("NAME"), help: "the section the agent's template owns; a created section\ngets the template's skeleton")
    /// `--sub TITLE`, repeatable.
    static let sub = Option(name: "sub", value: .required("TITLE"), help: "descend into the shallowest subsection of that title", repeatable: true)
    /// `--level N`.
    static let level = Option(name: "level", value: .required("N"), help: "the level of SECTION's heading, 1 to 6 (default 2)")
    /// `--template NAME`.
    static let template = Option(name: "template", value: .required("NAME"), help: "the template whose skeleton a created section gets")
    /// SECTION, or `--agent NAME` in its place.
    static let section = Positional(name: "SECTION", help: "the title of a level-2 heading; matched exactly, else in the loose\nform (case, a leading `## `, `**` and a trailing `:` ignored)", alternative: agent)
    /// The options that address a section after SECTION or `--agent`.
    static let addressing = [agent, sub, level]

    // MARK: Writing

    /// `--no-stamp`.
    static let noStamp = Option(name: "no-stamp", value: .none, help: "leave the `Last updated:` line alone (default: set it to today)")
    /// `--date YYYY-MM-DD`.
    static let date = Option(name: "date", value: .required("YYYY-MM-DD"), help: "the date to stamp (default today)")
    /// `--if-match FP`.
    static let ifMatch = Option(name: "if-match", value: .required("FP"), help: "write only if the section's fingerprint is still FP\n(`absent`: it must not exist yet); else exit 75")
    /// `--max-lines N`.
    static let maxLines = Option(name: "max-lines", value: .required("N"), help: "refuse (65) a result over N lines that is longer than the section\nwas; a template's `limit:` only warns")
    /// `--dry-run`.
    static let dryRun = Option(name: "dry-run", value: .none, help: "print the change as a unified diff; write nothing")
    /// `--lock-timeout SECONDS`.
    static let lockTimeout = Option(name: "lock-timeout", value: .required("SECONDS"), help: "wait at most this long for another writer, 0 to 86400 (default 10)")
    /// `--json`, whose help each command words.
    static let json = Option(name: "json", value: .none, help: "print the result as JSON")
    /// What a write's `--json` prints.
    static let writeJSON = json.help("print file, section, created, changed, line, endLine, fingerprint,\nwarnings and (after a loose match) matched")
    /// The options every command that writes a section takes, after its own.
    static let writing = [noStamp, date, ifMatch, maxLines, dryRun, lockTimeout, writeJSON]

    // MARK: Bodies

    /// `--body TEXT`.
    static let body = Option(name: "body", value: .required("TEXT"), help: "the body (else --body-file, else standard input)")
    /// `--body-file PATH`.
    static let bodyFile = Option(name: "body-file", value: .required("PATH"), help: "read the body from this file")
}
