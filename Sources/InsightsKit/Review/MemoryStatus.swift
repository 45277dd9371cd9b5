/// The section a template owns: the agent, the section's title, its line budget.
package struct SectionOwner: Sendable, Equatable {
    /// The agent (the template's `agent:`, else its name).
    package var agent: String
    /// The title of the level-2 section it owns.
    package var section: String
    /// The most lines the section should have (`limit:`), if declared.
    package var limit: Int?
}

/// One level-2 section as `insights status` shows it.
package struct SectionState: Sendable, Equatable {
    /// The agent whose template owns the section; nil for a section no template owns.
    package var agent: String?
    /// The heading's title as written.
    package var section: String
    /// The heading's line, 1-based.
    package var line: Int
    /// The value of the section's last `Last updated:` line, if any.
    package var lastUpdated: String?
    /// Days from that date to today; nil when the value is not a date.
    package var daysSince: Int?
    /// Unfilled template placeholders in the section, counted as the `placeholder` rule of
    /// `check` finds them (each one, several on a line counted apart).
    package var placeholders: Int
    /// The section's lines, from its heading to its last non-blank line (as budgets count).
    package var lines: Int
    /// The owner's budget, if it declares one.
    package var limit: Int?
}

/// The team's memory at a glance: each agent's section, then the sections no template owns.
package struct MemoryStatus: Sendable, Equatable {
    /// The level-2 sections a template owns, in file order.
    package var agents: [SectionState]
    /// The other level-2 sections, in file order.
    package var unowned: [SectionState]

    /// The status of every level-2 section of `document` on `today` (`YYYY-MM-DD`): a section
    /// belongs to the owner whose section title it has exactly (white space collapsed), the
    /// first owner in `owners` when several claim it.
    package init(_ document: Document, owners: [SectionOwner], today: String) {
        var byTitle: [String: SectionOwner] = [:]
        for owner in owners where byTitle[Title.normalized(owner.section)] == nil { byTitle[Title.normalized(owner.section)] = owner }
        let literal = MarkdownText.literalLines(of: document)
        var placeholderLines = Check.placeholders(document, literal: literal)[...]
        agents = []
        unowned = []
        for section in document.sections where section.level == Check.agentLevel {
            var count = 0
            placeholderLines = placeholderLines.drop { $0.line < section.heading.firstLine }
            for entry in placeholderLines where entry.line <= section.endLine { count += entry.found.count }
            let owner = byTitle[section.title]
            let lastUpdated = document.lastUpdated(of: section)
            let date = lastUpdated.flatMap { MarkdownText.date(in: ArraySlice($0.utf8)) }
            let row = SectionState(agent: owner?.agent, section: document.writtenTitle(of: section.heading), line: section.heading.firstLine + 1,
                                    lastUpdated: lastUpdated, daysSince: date.flatMap { CalendarDate.days(from: $0, to: today) },
                                    placeholders: count, lines: document.lineCount(of: section), limit: owner?.limit)
            if owner == nil { unowned.append(row) } else { agents.append(row) }
        }
    }
}

extension InsightsFile {
    /// Each level-2 section of the file with its owner, last update (and days since `today`,
    /// `YYYY-MM-DD`, today when nil), unfilled placeholders, lines and budget; owners come
    /// from `templates`. Fails with `fileMissing` when the file does not exist.
    package func status(templates: TemplateCatalog, today: String? = nil) throws -> MemoryStatus {
        MemoryStatus(Document(try readExisting()), owners: templates.owners(), today: today ?? CalendarDate.today())
    }
}
