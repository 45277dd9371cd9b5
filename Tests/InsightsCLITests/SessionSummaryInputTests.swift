import Foundation
import Testing

/// `session-summary` reads what agents write: `--field` in the protocol's forms, the summary
/// block on standard input, and every wrong label in one error.
@Suite("session-summary reads what agents write")
struct SessionSummaryInputTests {
    static let backend = try! TemplateFile("backend-architect")
    /// The backend architect's labels with a value each, and the summary they print.
    static let values = backend.fields.map { ($0.label, "\($0.label.lowercased()) noted: p95=84 ms") }
    static let expected = values.map { "**\($0.0)**: \($0.1)\n" }.joined()

    static func summary(_ arguments: [String], input: Input = .devNull) throws -> Outcome {
        try insights(["session-summary", "--agent", "backend-architect"] + arguments, input: input)
    }

    @Test("--field in each form an agent writes", arguments: [
        "LABEL=VALUE", "LABEL: VALUE", "**LABEL**: VALUE", "**LABEL:** VALUE", "- **LABEL**: VALUE", "  LABEL = VALUE",
    ])
    func fieldForms(form: String) throws {
        let arguments = Self.values.flatMap { label, value in
            ["--field", form.replacingOccurrences(of: "LABEL", with: label).replacingOccurrences(of: "VALUE", with: value)]
        }
        let run = try Self.summary(arguments)
        #expect(run.status == 0, "\(run)")
        #expect(run.out == Self.expected)
        #expect(run.err.isEmpty)
    }

    @Test("the protocol's summary block piped on standard input", arguments: ["\n", "\r\n"])
    func blockOnStandardInput(lineEnding: String) throws {
        let block = ["## Session Summary", ""] + Self.values.enumerated().map { index, field in
            index % 2 == 0 ? "**\(field.0)**: \(field.1)" : "- **\(field.0):** \(field.1)"
        }
        let run = try Self.summary(["--json"], input: .bytes((block.joined(separator: lineEnding) + lineEnding).bytes))
        #expect(run.status == 0, "\(run)")
        let json = try run.json()
        #expect(json["summary"] as? String == Self.expected)
        #expect(json["missing"] as? [String] == [])
        #expect(run.err.isEmpty)
    }

    @Test("the block is logged like --field")
    func blockLogged() throws {
        try withSandbox { sandbox in
            let block = Self.values.map { "**\($0.0)**: \($0.1)\n" }.joined()
            let run = try insights(["session-summary", "--agent", "backend-architect", "--log", "--file", sandbox.path("insights.md")],
                                   in: sandbox.url, input: .bytes(block.bytes))
            #expect(run.status == 0, "\(run)")
            #expect(run.out == Self.expected)
            let items = Self.expected.split(separator: "\n").map { "- \($0)\n" }.joined()
            #expect(text(at: sandbox.path("sessions.md"))?.hasSuffix(" backend-architect\n\n" + items) == true)
        }
    }

    @Test("a stray line on standard input exits 65 naming it")
    func strayLine() throws {
        let block = "## Session Summary\n**System Implementation**: Orders API\nAfter updating insights.md, provide this enhanced summary:\n"
        let run = try Self.summary([], input: .bytes(block.bytes))
        #expect(run.status == 65, "\(run)")
        #expect(run.firstErrorLine == "\(errorPrefix)standard input line 3 is not a summary field: \"After updating insights.md, provide this enhanced summary:\"")
        #expect(run.err.contains("insights: hint: "))
        #expect(run.stdout.isEmpty)
    }

    @Test("standard input is not read when --field is given")
    func fieldWinsOverStandardInput() throws {
        let run = try Self.summary(["--allow-missing", "--field", "System Implementation=a"], input: .bytes("not a summary\n".bytes))
        #expect(run.status == 0, "\(run)")
        #expect(run.out == "**System Implementation**: a\n")
    }

    @Test("no fields and empty standard input: every required field is missing")
    func nothingGiven() throws {
        for input in [Input.devNull, .bytes([])] {
            let run = try Self.summary([], input: input)
            #expect(run.status == 65, "\(run)")
            #expect(run.firstErrorLine == "\(errorPrefix)8 summary fields are missing: " + Self.backend.fields.map { "\"\($0.label)\"" }.joined(separator: ", "))
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("three wrong labels: one error naming all three, with suggestions")
    func threeWrongLabels() throws {
        let run = try Self.summary(["--field", "Sytem Implementation=a", "--field", "**Perfomance Achieved**: b",
                                    "--field", "Knowledge Captred: c", "--field", "Collaboration Needs=d"])
        #expect(run.status == 65, "\(run)")
        #expect(run.firstErrorLine == "\(errorPrefix)3 labels are not summary fields of backend-architect: "
            + "\"Sytem Implementation\" (did you mean \"System Implementation\"?), "
            + "\"**Perfomance Achieved**\" (did you mean \"Performance Achieved\"?), "
            + "\"Knowledge Captred\" (did you mean \"Knowledge Captured\"?)")
        #expect(run.err.split(separator: "\n").count == 2, "one error and its hint: \(run)")
        #expect(run.err.contains("insights: hint: its fields: \"System Implementation\""))
        #expect(run.stdout.isEmpty)
    }

    @Test("three wrong labels in the block: the same one error")
    func threeWrongLabelsOnStandardInput() throws {
        let block = "**Sytem Implementation**: a\n**Perfomance Achieved**: b\n- **Knowledge Captred:** c\n"
        let run = try Self.summary([], input: .bytes(block.bytes))
        #expect(run.status == 65, "\(run)")
        #expect(run.firstErrorLine.hasPrefix("\(errorPrefix)3 labels are not summary fields of backend-architect: "))
        for (wrong, meant) in [("**Sytem Implementation**", "System Implementation"), ("**Perfomance Achieved**", "Performance Achieved"),
                               ("**Knowledge Captred:**", "Knowledge Captured")] {
            #expect(run.firstErrorLine.contains("\"\(wrong)\" (did you mean \"\(meant)\"?)"), "\(run)")
        }
    }

    @Test("a prefix of a label is suggested, never matched", arguments: ["System=a", "System: a", "**Monitoring**: a"])
    func prefixNeverMatches(field: String) throws {
        let run = try Self.summary(["--allow-missing", "--field", field])
        #expect(run.status == 65, "\(run)")
        #expect(run.firstErrorLine.hasSuffix("is not a summary field of backend-architect; did you mean \"\(field.hasPrefix("System") ? "System Implementation" : "Monitoring/Validation")\"?"), "\(run)")
        #expect(run.stdout.isEmpty)
    }
}
