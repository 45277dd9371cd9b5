/// Parses any JSON text into a `JSON` value, for the requests of the MCP server. Integers
/// become `.int`; any other number becomes `.string` holding its text as written (no
/// request field the server reads is fractional). Nesting deeper than 200 is refused.
package enum JSONParser {
    /// The value `bytes` hold (surrounding whitespace allowed); nil when they are not one
    /// JSON value of valid UTF-8.
    package static func parse(_ bytes: [UInt8]) -> JSON? {
        guard (try? UTF8Validation.check(bytes, what: "JSON")) != nil else { return nil }
        var reader = Reader(bytes: bytes)
        reader.skipWhitespace()
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipWhitespace()
        return reader.position == bytes.count ? value : nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while let byte = peek(), byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lf || byte == ASCII.cr { position += 1 }
        }

        mutating func literal(_ word: String, _ value: JSON) -> JSON? {
            let utf8 = Array(word.utf8)
            guard bytes[position...].starts(with: utf8) else { return nil }
            position += utf8.count
            return value
        }

        mutating func value(depth: Int) -> JSON? {
            guard depth < 200, let byte = peek() else { return nil }
            switch byte {
            case ASCII.quote: return string().map(JSON.string)
            case ASCII.openBrace:
                position += 1
                var members: [(String, JSON)] = []
                skipWhitespace()
                if peek() == ASCII.closeBrace { position += 1; return .object(members) }
                while true {
                    skipWhitespace()
                    guard peek() == ASCII.quote, let key = string() else { return nil }
                    skipWhitespace()
                    guard peek() == ASCII.colon else { return nil }
                    position += 1
                    skipWhitespace()
                    guard let member = value(depth: depth + 1) else { return nil }
                    members.append((key, member))
                    skipWhitespace()
                    if peek() == ASCII.comma { position += 1; continue }
                    guard peek() == ASCII.closeBrace else { return nil }
                    position += 1
                    return .object(members)
                }
            case ASCII.openBracket:
                position += 1
                var elements: [JSON] = []
                skipWhitespace()
                if peek() == ASCII.closeBracket { position += 1; return .array(elements) }
                while true {
                    skipWhitespace()
                    guard let element = value(depth: depth + 1) else { return nil }
                    elements.append(element)
                    skipWhitespace()
                    if peek() == ASCII.comma { position += 1; continue }
                    guard peek() == ASCII.closeBracket else { return nil }
                    position += 1
                    return .array(elements)
                }
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        mutating func number() -> JSON? {
            let start = position
            if peek() == ASCII.minus { position += 1 }
            guard let first = peek(), ASCII.isDigit(first) else { return nil }
            while let byte = peek(), ASCII.isDigit(byte) || byte == ASCII.dot || byte == ASCII.minus || byte == ASCII.plus
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if let integer = Int(text) { return .int(integer) }
            guard Double(text) != nil else { return nil }
            return .string(text)
        }

        mutating func string() -> String? {
            try? JSONStringLiteral.read(bytes, at: &position)
        }
    }
}

/// The text of a JSON string literal: the one reader of escapes, surrogate pairs and
/// control characters, for both JSON readers (the MCP server's and `--fields-json`'s).
enum JSONStringLiteral {
    /// Why a literal is not valid, and the byte offset to report it at.
    struct Failure: Error {
        let message: String
        let position: Int
    }

    /// Reads the literal whose opening quote is at `position`; `position` ends past its
    /// closing quote.
    static func read(_ bytes: [UInt8], at position: inout Int) throws(Failure) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var literal: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: literal, as: UTF8.self).unicodeScalars)
            literal.removeAll()
        }
        func hex4() throws(Failure) -> UInt32 {
            guard position + 4 <= bytes.count,
                  let code = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16) else {
                throw Failure(message: "a \\u escape needs four hex digits", position: position)
            }
            position += 4
            return code
        }
        while true {
            guard position < bytes.count else { throw Failure(message: "unterminated string", position: position) }
            let byte = bytes[position]
            guard byte >= 0x20 else { throw Failure(message: "a control character inside a string must be escaped", position: position) }
            position += 1
            if byte == ASCII.quote { break }
            guard byte == ASCII.backslash else { literal.append(byte); continue }
            guard position < bytes.count else { throw Failure(message: "unterminated string", position: position) }
            let escape = bytes[position]
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
                    guard (0xDC00..<0xE000).contains(low) else { throw Failure(message: "invalid surrogate pair", position: position) }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw Failure(message: "invalid \\u escape", position: position) }
                scalars.append(scalar)
            default:
                throw Failure(message: "invalid escape in a string", position: position - 2)
            }
        }
        flush()
        return String(scalars)
    }
}

extension JSON {
    /// The value on one line with no spaces, as a newline-delimited protocol sends it.
    package var compact: [UInt8] {
        var output: [UInt8] = []
        writeCompact(into: &output)
        return output
    }

    /// Appends the value without whitespace to `output`.
    package func writeCompact(into output: inout [UInt8]) {
        switch self {
        case .array(let values):
            output.append(ASCII.openBracket)
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(ASCII.comma) }
                value.writeCompact(into: &output)
            }
            output.append(ASCII.closeBracket)
        case .object(let members):
            output.append(ASCII.openBrace)
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(ASCII.comma) }
                Self.writeString(key, into: &output)
                output.append(ASCII.colon)
                value.writeCompact(into: &output)
            }
            output.append(ASCII.closeBrace)
        default:
            write(into: &output, indent: 0)
        }
    }

    /// The member `key` of an object; nil for a missing member or a value that is no object.
    package subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The text of a `.string`.
    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
