/// The one error type of `insights`: what went wrong, in one line, with the exit code it
/// maps to and an optional hint. Parsing never throws; lookups, edits and I/O do.
public struct InsightsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exit codes of SPEC §5.
    public enum Code: Int32, Sendable {
        /// Findings: `check` errors, `merge` conflicts, `diff --exit-code` differences.
        case findings = 1
        /// The section was not found.
        case notFound = 3
        /// Usage: unknown command or flag, missing argument.
        case usage = 64
        /// Bad data: a body reaching outside its section, invalid UTF-8, NUL, ambiguous name,
        /// missing summary field.
        case badData = 65
        /// The input file is missing.
        case noInput = 66
        /// The file or its folders cannot be created.
        case cannotCreate = 73
        /// An I/O error.
        case ioError = 74
        /// Try again: lock timeout, or `--if-match` no longer matches.
        case tryAgain = 75
    }

    /// The exit code.
    public var code: Code
    /// One line saying what is wrong and where.
    public var message: String
    /// What the user may do about it, if anything helps.
    public var hint: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// The message, and the hint on a second line.
    public var description: String {
        hint.map { "\(message)\nhint: \($0)" } ?? message
    }
}
