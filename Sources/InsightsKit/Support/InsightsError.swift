/// The one error type of `insights`: what went wrong, in one line, with its kind (what it
/// means, the same for every front door), the exit code it maps to, an optional hint, and
/// the headings or labels it is about. Parsing never throws; lookups, edits and I/O do.
public struct InsightsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exit codes of the command line, by what they mean.
    package enum Code: Int32, Sendable {
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

    /// What an error means, by name: the `kind` every front door reports.
    public enum Kind: String, Sendable, CaseIterable {
        /// The addressed section or subsection does not exist.
        case sectionNotFound = "section-not-found"
        /// The text to replace does not occur in the section.
        case textNotFound = "text-not-found"
        /// A name or text matches more than one place.
        case ambiguous
        /// The title exists only at another heading level than the one addressed.
        case otherLevel = "other-level"
        /// A body would reach outside its section.
        case bodyEscapesSection = "body-escapes-section"
        /// Bad data: invalid UTF-8, NUL, a malformed value.
        case invalidInput = "invalid-input"
        /// A required session-summary field is missing.
        case missingField = "missing-field"
        /// A session-summary label is not one of the template's.
        case unknownField = "unknown-field"
        /// The section changed since it was read (its fingerprint no longer matches).
        case stale
        /// Another writer held the lock for too long.
        case locked
        /// The command was called wrongly.
        case usage
        /// Reading or writing a file failed.
        case io
        /// The file to read does not exist.
        case fileMissing = "file-missing"
        /// The result would be over the section's line budget.
        case overBudget = "over-budget"

        /// The exit code an error of this kind maps to unless it says otherwise.
        package var defaultCode: Code {
            switch self {
            case .sectionNotFound, .textNotFound: .notFound
            case .ambiguous, .otherLevel, .bodyEscapesSection, .invalidInput, .missingField, .unknownField, .overBudget: .badData
            case .stale, .locked: .tryAgain
            case .usage: .usage
            case .io: .ioError
            case .fileMissing: .noInput
            }
        }
    }

    /// A heading (or a label) an error is about: one of several that match, or the one
    /// meant by a near miss.
    public struct Candidate: Sendable, Equatable {
        /// The title as written, or the label.
        public var title: String
        /// The heading's level; nil for a label.
        public var level: Int?
        /// The 1-based line of the heading; nil for a label.
        public var line: Int?
        /// An address that reaches the heading: through its top-level section and the
        /// sections between; nil for a label.
        public var address: SectionAddress?

        /// Creates a candidate.
        package init(title: String, level: Int? = nil, line: Int? = nil, address: SectionAddress? = nil) {
            self.title = title
            self.level = level
            self.line = line
            self.address = address
        }
    }

    /// The exit code.
    package var code: Code
    /// What the error means.
    public var kind: Kind
    /// One line saying what is wrong and where.
    public var message: String
    /// What the user may do about it, if anything helps.
    public var hint: String?
    /// The headings or labels the error is about, if any.
    public var candidates: [Candidate]

    /// Creates an error of `kind`.
    package init(_ kind: Kind, _ message: String, hint: String? = nil, candidates: [Candidate] = []) {
        self.init(kind, message, hint: hint, candidates: candidates, code: kind.defaultCode)
    }

    /// Creates an error of `kind` with exit code `code`.
    package init(_ kind: Kind, _ message: String, hint: String? = nil, candidates: [Candidate] = [], code: Code) {
        self.kind = kind
        self.code = code
        self.message = message
        self.hint = hint
        self.candidates = candidates
    }

    /// Creates an error with exit code `code` and the kind that code usually means.
    package init(_ code: Code, _ message: String, hint: String? = nil) {
        let kind: Kind = switch code {
        case .notFound: .sectionNotFound
        case .usage: .usage
        case .badData, .findings: .invalidInput
        case .noInput: .fileMissing
        case .cannotCreate, .ioError: .io
        case .tryAgain: .locked
        }
        self.init(kind, message, hint: hint, code: code)
    }

    /// The message, and the hint on a second line.
    public var description: String {
        hint.map { "\(message)\nhint: \($0)" } ?? message
    }
}
