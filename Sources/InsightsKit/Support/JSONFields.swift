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
            try expect(ASCII.quote, "a string")
            var scalars = String.UnicodeScalarView()
            var literal: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: literal, as: UTF8.self).unicodeScalars)
                literal.removeAll()
            }
            while true {
                guard let byte = peek() else { throw failure("unterminated string") }
                position += 1
                if byte == ASCII.quote { break }
                if byte < 0x20 { position -= 1; throw failure("a control character inside a string must be escaped") }
                guard byte == ASCII.backslash else { literal.append(byte); continue }
                guard let escape = peek() else { throw failure("unterminated string") }
                position += 1
                switch escape {
                case ASCII.quote, ASCII.backslash, ASCII.slash: literal.append(escape)
                case UInt8(ascii: "b"): literal.append(0x08)
                case UInt8(ascii: "f"): literal.append(0x0C)
                case UInt8(ascii: "n"): literal.append(ASCII.lf)
                case UInt8(ascii: "r"): literal.append(ASCII.cr)
                case UInt8(ascii: "t"): literal.append(ASCII.tab)
                case UInt8(ascii: "u"):
                    flush()
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), bytes[position...].starts(with: [ASCII.backslash, UInt8(ascii: "u")]) {
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
                    scalars.append(scalar)
                default:
                    position -= 2
                    throw failure("invalid escape in a string")
                }
            }
            flush()
            return String(scalars)
        }

        mutating func hex4() throws -> UInt32 {
            guard position + 4 <= bytes.count,
                  let code = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16) else {
                throw failure("a \\u escape needs four hex digits")
            }
            position += 4
            return code
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
