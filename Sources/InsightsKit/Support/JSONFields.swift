/// Reads a flat JSON object of fields, `{"Label": "value", ...}`, as `--fields-json` takes
/// it. String values are taken as they are; numbers and `true`/`false` as their text;
/// `null` as no value. Nested arrays and objects are refused.
package enum JSONFields {
    /// The object's members in order, a nil value for `null`. Throws `badData` naming the
    /// line and column of the first thing that is not valid JSON of that shape.
    package static func parse(_ bytes: [UInt8], source: String) throws -> [(key: String, value: String?)] {
        try UTF8Validation.check(bytes, what: source)
        var reader = Reader(bytes: bytes, source: source)
        return try reader.object()
    }

    private struct Reader {
        let bytes: [UInt8]
        let source: String
        var position = 0

        mutating func object() throws -> [(key: String, value: String?)] {
            skipWhitespace()
            if position == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            try expect(ASCII.openBrace, "an object `{`")
            var members: [(key: String, value: String?)] = []
            skipWhitespace()
            if peek() == ASCII.closeBrace {
                position += 1
            } else {
                while true {
                    skipWhitespace()
                    let key = try string()
                    skipWhitespace()
                    try expect(ASCII.colon, "`:`")
                    skipWhitespace()
                    members.append((key, try value(for: key)))
                    skipWhitespace()
                    if peek() == ASCII.comma { position += 1; continue }
                    try expect(ASCII.closeBrace, "`,` or `}`")
                    break
                }
            }
            skipWhitespace()
            guard position == bytes.count else { throw failure("unexpected text after the object") }
            return members
        }

        mutating func value(for key: String) throws -> String? {
            switch peek() {
            case ASCII.quote:
                return try string()
            case ASCII.openBrace, ASCII.openBracket:
                throw failure("the value of \"\(key)\" must be text, not an object or array")
            default:
                let start = position
                while let byte = peek(), ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == ASCII.minus || byte == ASCII.plus || byte == ASCII.dot {
                    position += 1
                }
                let word = String(decoding: bytes[start..<position], as: UTF8.self)
                if word == "null" { return nil }
                if word == "true" || word == "false" || Self.isNumber(word) { return word }
                position = start
                throw failure("expected a value for \"\(key)\"")
            }
        }

        static func isNumber(_ word: String) -> Bool {
            guard let first = word.utf8.first, first == ASCII.minus || ASCII.isDigit(first) else { return false }
            return Double(word) != nil
        }

        mutating func string() throws -> String {
            guard peek() == ASCII.quote else { throw failure("expected a string") }
            do {
                return try JSONStringLiteral.read(bytes, at: &position)
            } catch {
                position = error.position
                throw failure(error.message)
            }
        }

        func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while let byte = peek(), byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lf || byte == ASCII.cr { position += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws {
            guard peek() == byte else { throw failure("expected \(what)") }
            position += 1
        }

        func failure(_ message: String) -> InsightsError {
            let line = TextLines.lineCount(bytes, in: 0..<min(position, bytes.count)) + 1
            let lineStart = bytes[..<min(position, bytes.count)].lastIndex { $0 == ASCII.lf }.map { $0 + 1 } ?? 0
            return InsightsError(.badData, "\(source) line \(line), column \(position - lineStart + 1): \(message)",
                                 hint: "the fields are a JSON object of labels and values: {\"Label\": \"value\", ...}")
        }
    }
}
