import Foundation
import Testing
@testable import InsightsKit

/// The templates compiled into the binary against `Templates/`, and each agent's template
/// against the agent's own protocol file.
@Suite struct TemplateTests {
    static let templatesFolder = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")

    static let fileNames: [String] = (try? FileManager.default.contentsOfDirectory(atPath: templatesFolder.path))?
        .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted() ?? []

    /// Agents whose protocol prints no section skeleton of its own: they use the default one.
    static let defaultSkeleton: Set<String> = ["agent-enhancer", "project-coordinator"]
    /// Agents whose protocol has no session summary of its own: they use the default labels.
    static let defaultLabels: Set<String> = ["agent-enhancer"]

    @Test func compiledInTemplatesAreTheTemplatesFolder() throws {
        #expect(Self.fileNames.count == 40)
        #expect(TemplateCatalog.bundledNames == Self.fileNames, "run Scripts/generate-templates")
        for name in Self.fileNames {
            let file = try String(contentsOf: Self.templatesFolder.appendingPathComponent(name + ".md"), encoding: .utf8)
            #expect(TemplateCatalog.bundledSource(name) == file, "Templates/\(name).md differs from the compiled-in copy: run Scripts/generate-templates")
        }
    }

    @Test(arguments: fileNames.filter { $0 != "default" })
    func agentTemplateFollowsItsProtocol(name: String) throws {
        let template = try TemplateCatalog(projectFolder: nil).template(named: name)
        let protocolText = try String(decoding: Fixtures.bytes("agents/\(name).md"), as: UTF8.self)
        // Trailing spaces in the protocol files are not part of the skeleton (none is written).
        let protocolLines = protocolText.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
        let defaults = try TemplateCatalog(projectFolder: nil).template(named: "default")
        #expect(template.agent == name)
        #expect(!String(decoding: template.source, as: UTF8.self).split(separator: "\n").contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") },
                "a line of Templates/\(name).md ends with white space")
        #expect(protocolText.contains(template.section), "the protocol never names the section \"\(template.section)\"")

        // The skeleton's lines appear in the protocol, in order.
        let skeletonLines = String(decoding: template.skeleton, as: UTF8.self).split(separator: "\n").map(String.init)
        if Self.defaultSkeleton.contains(name) {
            #expect(template.skeleton == defaults.skeleton)
        } else {
            #expect(Self.isSubsequence(skeletonLines, of: protocolLines), "skeleton lines missing from agents/\(name).md")
            #expect(skeletonLines.contains { $0.hasPrefix("Last updated") })
        }

        // The summary labels are the protocol's `**Label**:` lines, in order.
        let labelLines = template.fields.map { "**\($0.label)**:" }
        if Self.defaultLabels.contains(name) {
            #expect(template.fields == defaults.fields)
        } else {
            let protocolLabels = protocolLines.filter { $0.hasPrefix("**") }.map { line in
                String(line[..<(line.range(of: "**:")?.upperBound ?? line.endIndex)])
            }
            #expect(!labelLines.isEmpty)
            #expect(Self.isSubsequence(labelLines, of: protocolLabels), "labels missing from agents/\(name).md: \(labelLines)")
        }
    }

    static func isSubsequence(_ part: [String], of whole: [String]) -> Bool {
        var index = whole.startIndex
        for line in part {
            guard let found = whole[index...].firstIndex(of: line) else { return false }
            index = found + 1
        }
        return true
    }

    @Test func namesThatAreNotPlainNamesAreRefused() {
        for name in ["..", "../secrets", "/etc/passwd", "a/b", ".hidden", "", "x y"] {
            #expect(throws: InsightsError.self) { try TemplateCatalog(projectFolder: "/tmp").template(named: name) }
        }
    }

    @Test func aProjectTemplateOverridesTheBundledOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "---\nagent: backend-architect\nsection: Services\nlimit: 40\n---\n# Section\n\n## Services\n\n- **Service**: [Name]\n\nLast updated: [Date]\n\n# Session Summary\n\n**Done**: [What]\n**Memory Update**: Updated Services\n"
        try text.write(to: folder.appendingPathComponent("backend-architect.md"), atomically: true, encoding: .utf8)
        let catalog = TemplateCatalog(projectFolder: folder.path)
        let template = try catalog.template(named: "backend-architect")
        #expect(template.section == "Services")
        #expect(template.limit == 40)
        #expect(String(decoding: template.skeleton, as: UTF8.self) == "\n- **Service**: [Name]\n\nLast updated: [Date]\n")
        #expect(template.fields == [SummaryField(label: "Done", text: "[What]"), SummaryField(label: "Memory Update", text: "Updated Services")])
        #expect(template.fields.map(\.isRequired) == [true, false])
        #expect(try catalog.names().first { $0.name == "backend-architect" }?.fromProject == true)
    }

    @Test func aBrokenTemplateNamesItsLine() throws {
        let text = "---\nsection: X\n---\n# Section\n\n## X\n\n# Session Summary\n\n**Good**: [a]\nnot a label\n"
        #expect {
            try AgentTemplate.parse(Array(text.utf8), name: "x", origin: "x.md")
        } throws: { error in
            (error as? InsightsError)?.message == "template x (x.md) line 11: expected `**Label**: hint`, found \"not a label\""
        }
    }
}

/// The journal templates: compiled in from `Templates/journals/`, read as their parts, and
/// never taken for agent templates.
@Suite struct JournalTemplateTests {
    static let folder = TemplateTests.templatesFolder.appendingPathComponent("journals")
    static let fileNames: [String] = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?
        .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted() ?? []

    @Test func compiledInJournalTemplatesAreTheJournalsFolder() throws {
        #expect(Self.fileNames == ["decision", "evolution"])
        #expect(TemplateCatalog.bundledJournalSources.map(\.name).sorted() == Self.fileNames, "run Scripts/generate-templates")
        for name in Self.fileNames {
            let file = try String(contentsOf: Self.folder.appendingPathComponent(name + ".md"), encoding: .utf8)
            #expect(TemplateCatalog.bundledJournalSources.first { $0.name == name }?.text == file, "run Scripts/generate-templates")
            #expect(!file.split(separator: "\n").contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") })
        }
        let catalog = TemplateCatalog(projectFolder: nil)
        #expect(!TemplateCatalog.bundledNames.contains("evolution"))
        #expect(throws: InsightsError.self) { try catalog.agent(named: "evolution") }
    }

    @Test func evolutionHasTheSeedEntrysSixParts() throws {
        let evolution = try TemplateCatalog(projectFolder: nil).journal(named: "evolution")
        #expect(evolution.section == "Evolution Journal")
        #expect(evolution.keep == 30)
        #expect(evolution.parts.map(\.label) == ["Context", "Key Learnings", "Pattern Recognition", "World Context",
                                                  "Commitments for Improvement", "Questions for Tomorrow"])
        #expect(evolution.parts.map(\.layout) == [.paragraph, .list(ordered: true, marker: "."), .paragraph, .paragraph,
                                                   .list(ordered: false, marker: "-"), .list(ordered: false, marker: "-")])
        #expect(evolution.parts.map(\.looseItems) == [false, true, false, false, false, false])
        #expect(evolution.parts.allSatisfy { $0.isRequired })
        let decision = try TemplateCatalog(projectFolder: nil).journal(named: "decision")
        #expect(decision.parts.map(\.label) == ["Context", "Decision", "Alternatives", "Consequences"])
        #expect(throws: InsightsError.self) { try TemplateCatalog(projectFolder: nil).journal(named: "../evolution") }
    }

    @Test(arguments: [
        ("Entry: 2026-01-26 - Essence Identity Backend Integration", "2026-01-26", "Essence Identity Backend Integration"),
        ("entry:  2026-01-26 — Dashes", "2026-01-26", "Dashes"),
        ("2026-01-01 10:00:05 backend-architect (2)", "2026-01-01", "10:00:05 backend-architect (2)"),
        ("Notes", nil, "Notes"), ("Entry: 2026-02-30 - Not a date", nil, "2026-02-30 - Not a date"),
    ] as [(String, String?, String)])
    func headings(heading: String, date: String?, title: String) {
        let parsed = JournalEntry.parse(heading: heading)
        #expect(parsed.date == date)
        #expect(parsed.title == title)
    }

    @Test(arguments: [
        ("/p/.claude/agents/backend-architect.md", "/p/.superagent/memory/archive/backend-architect.md"),
        (".claude/agents/team/ux.md", ".superagent/memory/archive/ux.md"),
        ("/p/.superagent/memory/sessions.md", "/p/.superagent/memory/sessions.archive.md"),
        ("decisions.md", "./decisions.archive.md"),
    ])
    func defaultArchive(path: String, archive: String) {
        #expect(InsightsFile(path: path).defaultArchive.path == archive)
    }
}
