import Testing
@testable import InsightsKit

@Suite("--fields-json input")
struct JSONFieldsTests {
    func parse(_ text: String) throws -> [String] {
        try JSONFields.parse(Array(text.utf8), source: "fields.json").map { "\($0.key)=\($0.value ?? "nil")" }
    }

    func failure(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return (error as? InsightsError)?.message
        }
    }

    @Test func readsStringsNumbersLiteralsAndNull() throws {
        #expect(try parse(#" { "A" : "x \"q\" \\ \/ \t", "B": 42, "C": -1.5e3, "D": true, "E": null } "#)
            == ["A=x \"q\" \\ / \t", "B=42", "C=-1.5e3", "D=true", "E=nil"])
        #expect(try parse(#"{"é 😀": "\u00e9\ud83d\ude00"}"#) == ["é 😀=é😀"])
        #expect(try parse("{}") == [])
    }

    @Test func namesWhereItIsNotJSON() {
        #expect(failure("{\"A\": \"x\",\n \"B\" 1}") == "fields.json line 2, column 6: expected `:`")
        #expect(failure("[\"A\"]") == "fields.json line 1, column 1: expected an object `{`")
        #expect(failure("{\"A\": {\"B\": 1}}") == "fields.json line 1, column 7: the value of \"A\" must be text, not an object or array")
        #expect(failure("{\"A\": \"x}") == "fields.json line 1, column 10: unterminated string")
        #expect(failure("{\"A\": nope}") == "fields.json line 1, column 7: expected a value for \"A\"")
        #expect(failure("{\"A\": \"x\"} extra") == "fields.json line 1, column 12: unexpected text after the object")
        #expect(failure("{\"A\": \"\\q\"}") == "fields.json line 1, column 8: invalid escape in a string")
    }
}
