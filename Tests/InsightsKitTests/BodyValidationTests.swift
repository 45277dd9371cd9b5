import Testing
@testable import InsightsKit

/// A body that reaches outside its section, and the body line the error must name.
struct HostileBody: Sendable, CustomTestStringConvertible {
    let name: String
    let body: [UInt8]
    let line: Int
    var testDescription: String { name }

    static let all: [HostileBody] = [
        HostileBody(name: "a heading of the section's level", body: Array("text\n\n## Other\nmore\n".utf8), line: 3),
        HostileBody(name: "a higher heading", body: Array("# Top\n".utf8), line: 1),
        HostileBody(name: "an unclosed backtick fence", body: Array("ok\n\n```swift\nlet x = 1\n".utf8), line: 3),
        HostileBody(name: "an unclosed tilde fence", body: Array("~~~\ncode\n".utf8), line: 1),
        HostileBody(name: "an unclosed HTML comment", body: Array("<!-- note\nstill open\n".utf8), line: 1),
        HostileBody(name: "an unclosed <pre>", body: Array("text\n\n<pre>\nraw\n".utf8), line: 3),
        HostileBody(name: "a setext underline making a level-2 heading", body: Array("Title\n---\n".utf8), line: 1),
        HostileBody(name: "a setext underline making a level-1 heading", body: Array("a\nTitle\n===\n".utf8), line: 1),
        HostileBody(name: "a NUL byte", body: Array("ok\nbad\u{0}\n".utf8), line: 2),
        HostileBody(name: "invalid UTF-8", body: [0x6F, 0x6B, 0x0A, 0xC3, 0x28, 0x0A], line: 2),
    ]
}

@Suite("Bodies that would reach outside their section are refused")
struct BodyValidationTests {
    static let file = Array("# Insights\n\n## Alpha\n- a\n\nLast updated: 2026-01-01\n\n## Beta\n- b\n".utf8)

    @Test("refused with bad data naming the body's line, for the middle and the last section",
          arguments: HostileBody.all, ["Alpha", "Beta"])
    func refused(_ hostile: HostileBody, section: String) {
        let document = Document(Self.file)
        do {
            _ = try document.applying(EditRequest(address: SectionAddress(title: section), edit: .replace(hostile.body)))
            Issue.record("\(hostile.name) was accepted in \(section)")
        } catch let error as InsightsError {
            #expect(error.code == .badData)
            #expect(error.message.hasPrefix("body line \(hostile.line)"), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("removing a subsection may not change or swallow the headings around it, in a section of many")
    func headingsAroundRemoval() throws {
        // Many subsections before and after, so that a heading is found by its place in the file.
        let around = (0..<200).map { "### S\($0)\n\n- \($0)\n\n" }.joined()
        let remove = EditRequest(address: SectionAddress(title: "Agent", level: 1, subsections: ["A"]), edit: .remove)
        let joins = Document(Array("# Agent\nintro\n## A\nx\nTitle\n---\n\n\(around)# Next\n".utf8))
        let joined = try #require(throws: InsightsError.self) { try joins.applying(remove) }
        #expect(joined.code == .badData)
        #expect(joined.message == "line 2 of the result: the edit changes the headings next to the section (a setext underline making a level-2 heading \"intro x Title\")")
        let swallows = Document(Array("# Agent\n\n\(around)- item\n## A\nTitle\n---\n".utf8))
        let swallowed = try #require(throws: InsightsError.self) { try swallows.applying(remove) }
        #expect(swallowed.code == .badData)
        #expect(swallowed.message == "the edit would turn the heading \"Title\" (line 805) into text")
        // Where the text around keeps its headings, the same removal goes through.
        let apart = Document(Array("# Agent\n\n\(around)- item\n\n## A\n\nTitle\n---\n\n\(around)".utf8))
        let removed = String(decoding: try apart.applying(remove).document.bytes, as: UTF8.self)
        #expect(removed == "# Agent\n\n\(around)- item\n\nTitle\n---\n\n\(around)")
    }

    @Test("appending text that turns the last line into a setext heading is refused")
    func appendMakingSetext() {
        let document = Document(Array("## Alpha\nplain text\n\n## Beta\n".utf8))
        #expect(throws: InsightsError.self) {
            try document.applying(EditRequest(address: SectionAddress(title: "Alpha"), edit: .append(Array("---\n".utf8))))
        }
    }

    @Test("deeper headings, closed fences and closed HTML are accepted")
    func acceptedBodies() throws {
        let body = Array("### Sub\n```\n## not a heading\n```\n<div>\n## inside html\n</div>\n\n<!--\n# hidden\n-->\n".utf8)
        let result = try Document(Self.file).applying(EditRequest(address: SectionAddress(title: "Alpha"), edit: .replace(body)))
        #expect(result.document.sections.map(\.title) == ["Insights", "Alpha", "Sub", "Beta"])
    }

    @Test("a created section that ends with an open list does not capture what follows")
    func creationAfterUnclosedFile() throws {
        let unclosed = Document(Array("## A\n```\nnever closed\n".utf8))
        #expect(throws: InsightsError.self) {
            try unclosed.applying(EditRequest(address: SectionAddress(title: "B"), edit: .replace(Array("b\n".utf8))))
        }
    }
}

@Suite("Layout of edited sections")
struct LayoutTests {
    static func apply(_ file: String, _ request: EditRequest) throws -> String {
        String(decoding: try Document(Array(file.utf8)).applying(request).document.bytes, as: UTF8.self)
    }

    @Test("a created section goes at the end after a blank line, with a stamp")
    func createAtEnd() throws {
        let result = try Self.apply("# T\nintro\n", EditRequest(address: SectionAddress(title: "New"), edit: .replace(Array("- x".utf8)), stampDate: "2026-11-22"))
        #expect(result == "# T\nintro\n\n## New\n\n- x\n\nLast updated: 2026-11-22\n")
    }

    @Test("CRLF files stay CRLF and a missing final newline stays missing")
    func lineEndings() throws {
        let result = try Self.apply("## A\r\nold\r\n\r\n## B\r\nb", EditRequest(address: SectionAddress(title: "B"), edit: .replace(Array("new\nline\n".utf8))))
        #expect(result == "## A\r\nold\r\n\r\n## B\r\nnew\r\nline")
    }

    @Test("the stamp replaces the last Last updated value; append goes before it")
    func stampAndAppend() throws {
        let file = "## A\n- one\n\n**Last updated**: 2020-01-01\n\n## B\n"
        let result = try Self.apply(file, EditRequest(address: SectionAddress(title: "A"), edit: .append(Array("- two\n".utf8)), stampDate: "2026-11-22"))
        #expect(result == "## A\n- one\n- two\n\n**Last updated**: 2026-11-22\n\n## B\n")
    }

    @Test("a blank line is kept before the next heading")
    func blankBeforeNextHeading() throws {
        let result = try Self.apply("## A\nold\n## B\n", EditRequest(address: SectionAddress(title: "A"), edit: .replace(Array("new".utf8))))
        #expect(result == "## A\nnew\n\n## B\n")
    }

    @Test("a missing subsection is created at the end of its parent, one level deeper")
    func createSubsection() throws {
        let file = "## A\n### One\n- 1\n\nLast updated: 2020-01-01\n\n## B\n"
        let result = try Self.apply(file, EditRequest(address: SectionAddress(title: "A", subsections: ["Two"]), edit: .replace(Array("- 2\n".utf8))))
        #expect(result == "## A\n### One\n- 1\n\n### Two\n\n- 2\n\nLast updated: 2020-01-01\n\n## B\n")
    }

    @Test("the blank line under a heading is layout: kept, placed under a heading with no text, never doubled")
    func blankLineUnderHeading() throws {
        let lintClean = "## A\n\n- old\n\n## B\n"
        let replace = { (body: String) in EditRequest(address: SectionAddress(title: "A"), edit: .replace(Array(body.utf8))) }
        #expect(try Self.apply(lintClean, replace("- new\n")) == "## A\n\n- new\n\n## B\n")
        #expect(try Self.apply(lintClean, replace("\n- new\n")) == "## A\n\n- new\n\n## B\n")
        // A section written without the blank line keeps its layout.
        #expect(try Self.apply("## A\n- old\n\n## B\n", replace("- new\n")) == "## A\n- new\n\n## B\n")
        // Text written into a section with no text, by any edit, gets one.
        #expect(try Self.apply("## A\n\n## B\n", replace("- new\n")) == "## A\n\n- new\n\n## B\n")
        #expect(try Self.apply("## A\n## B\n", EditRequest(address: SectionAddress(title: "A"), edit: .append(Array("- x\n".utf8))))
                == "## A\n\n- x\n\n## B\n")
        #expect(try Self.apply("## A\n## B\n", EditRequest(address: SectionAddress(title: "A"), edit: .set(key: "K", value: "v")))
                == "## A\n\n- **K**: v\n\n## B\n")
        // A list and a paragraph written next to each other keep a blank line between them.
        let append = { (file: String, body: String) in
            try Self.apply(file, EditRequest(address: SectionAddress(title: "A"), edit: .append(Array(body.utf8))))
        }
        #expect(try append("## A\n\nSome text.\n", "- x\n") == "## A\n\nSome text.\n\n- x\n")
        #expect(try append("## A\n\n- x\n", "Some text.\n") == "## A\n\n- x\n\nSome text.\n")
        #expect(try append("## A\n\n- x\n", "- y\n") == "## A\n\n- x\n- y\n")
        #expect(try append("## A\n\nOne.\n", "Two.\n") == "## A\n\nOne.\nTwo.\n")
        #expect(try Self.apply("## A\n\nSome text.\n", EditRequest(address: SectionAddress(title: "A"), edit: .prepend(Array("1. x\n".utf8))))
                == "## A\n\n1. x\n\nSome text.\n")
        // What `read` prints leaves the blank lines out.
        let document = Document(Array(lintClean.utf8))
        let body = try #require(document.readBody(of: try document.resolve(SectionAddress(title: "A"))))
        #expect(String(decoding: document.bytes[body], as: UTF8.self) == "- old\n\n")
    }

    @Test("ambiguous names are refused naming both lines")
    func ambiguous() {
        do {
            _ = try Self.apply("## N\na\n\n## N\nb\n", EditRequest(address: SectionAddress(title: "N"), edit: .replace([])))
            Issue.record("accepted")
        } catch let error as InsightsError {
            #expect(error.code == .badData)
            #expect(error.message.contains("line 1 and line 4"))
        } catch {
            Issue.record("\(error)")
        }
    }
}
