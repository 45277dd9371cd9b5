/// How a write is made: the date it stamps, the fingerprint it expects, how long it waits for
/// another writer, and the most lines the section may grow to.
public struct EditOptions: Sendable {
    /// Whether the write sets the section's closing `Last updated:` line (adding one when
    /// there is none).
    public var stamp: Bool
    /// The `YYYY-MM-DD` date to stamp; today, in local time, when nil.
    public var date: String?
    /// Write only if the section's fingerprint is still this one (`"absent"`: the section
    /// must not exist yet); otherwise the write fails with `stale`.
    public var ifMatch: String?
    /// How many seconds to wait for another writer's lock before failing with `locked`.
    public var lockTimeout: Double
    /// The most lines the section may have: a result over it that is longer than the section
    /// was fails with `overBudget`, so a section can always be trimmed.
    public var maxLines: Int?
    /// Compute the result without writing the file.
    public var dryRun: Bool
    /// Where templates come from: the `limit:` that makes a write over budget warn.
    public var templates: TemplateCatalog

    /// The waiting time for the lock unless said otherwise, in seconds.
    package static let defaultLockTimeout = 10.0

    /// Options for a write; every one has the default a careful caller expects.
    public init(stamp: Bool = true, date: String? = nil, ifMatch: String? = nil, lockTimeout: Double = 10,
                maxLines: Int? = nil, dryRun: Bool = false, templates: TemplateCatalog = TemplateCatalog(projectFolder: nil)) {
        self.stamp = stamp
        self.date = date
        self.ifMatch = ifMatch
        self.lockTimeout = lockTimeout
        self.maxLines = maxLines
        self.dryRun = dryRun
        self.templates = templates
    }

    /// The date to stamp, or nil for none; `usage` for a date that is not `YYYY-MM-DD`.
    func stampDate() throws -> String? {
        guard stamp else { return nil }
        guard let date else { return CalendarDate.today() }
        guard CalendarDate.isValid(date) else {
            throw InsightsError(.usage, "a stamp date is written YYYY-MM-DD, not \"\(date)\"")
        }
        return date
    }
}

/// Where `update` puts the body.
public enum UpdateMode: Sendable, Equatable {
    /// Replace the section's body.
    case replace
    /// Add the body at the end of the section (before its closing `Last updated:` line).
    case append
    /// Add the body at the start of the section (after its leading blank lines).
    case prepend
}
