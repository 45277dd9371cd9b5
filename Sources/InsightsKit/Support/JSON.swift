/// A JSON value, written with keys in the order given (stable output for scripts and diffs).
package enum JSON: Sendable, Equatable {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An array.
    case array([JSON])
    /// An object, its keys in order.
    case object([(String, JSON)])

    /// A string, or `null` for nil.
    package static func optional(_ value: String?) -> JSON {
        value.map(JSON.string) ?? .null
    }

    /// The value as pretty-printed UTF-8 (two-space indentation), ending with a newline.
    package var serialized: [UInt8] {
        var output: [UInt8] = []
        write(into: &output, indent: 0)
        output.append(ASCII.lf)
        return output
    }

    /// Appends the value, pretty-printed as `serialized` does, to `output`; nested lines
    /// are indented by `indent` spaces more.
    package func write(into output: inout [UInt8], indent: Int) {
        switch self {
        case .string(let value): Self.writeString(value, into: &output)
        case .int(let value): Self.writeInt(value, into: &output)
        case .bool(let value): output.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let values):
            guard !values.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(ASCII.openBracket)
            for (index, value) in values.enumerated() {
                Self.newline(into: &output, indent: indent + 2)
                value.write(into: &output, indent: indent + 2)
                if index + 1 < values.count { output.append(UInt8(ascii: ",")) }
            }
            Self.newline(into: &output, indent: indent)
            output.append(ASCII.closeBracket)
        case .object(let members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                Self.newline(into: &output, indent: indent + 2)
                Self.writeString(key, into: &output)
                Self.keySeparator(into: &output)
                value.write(into: &output, indent: indent + 2)
                if index + 1 < members.count { output.append(UInt8(ascii: ",")) }
            }
            Self.newline(into: &output, indent: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// The lowercase hex digit of `nibble` (0 to 15).
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x57 + nibble
    }

    static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(ASCII.quote)
        var value = value
        value.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole.
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                // Two bytes each, appended as bytes (a string literal's UTF-8 view is walked
                // a character at a time).
                output.append(ASCII.backslash)
                switch byte {
                case ASCII.quote: output.append(ASCII.quote)
                case ASCII.backslash: output.append(ASCII.backslash)
                case ASCII.lf: output.append(UInt8(ascii: "n"))
                case ASCII.cr: output.append(UInt8(ascii: "r"))
                case ASCII.tab: output.append(UInt8(ascii: "t"))
                default:
                    output += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(byte >> 4), hexDigit(byte & 0xF)]
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(ASCII.quote)
    }

    /// Appends the decimal digits of `value`.
    static func writeInt(_ value: Int, into output: inout [UInt8]) {
        if value < 0 { output.append(ASCII.minus) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Appends a line feed and `indent` spaces.
    static func newline(into output: inout [UInt8], indent: Int) {
        output.append(ASCII.lf)
        for _ in 0..<indent { output.append(ASCII.space) }
    }

    /// Appends the `: ` between a key and its value.
    static func keySeparator(into output: inout [UInt8]) {
        output.append(ASCII.colon)
        output.append(ASCII.space)
    }

    /// Equality by serialized form.
    package static func == (lhs: JSON, rhs: JSON) -> Bool {
        lhs.serialized == rhs.serialized
    }
}
