/// A JSON value, written with keys in the order given (stable output for scripts and diffs).
public indirect enum JSON: Sendable, Equatable {
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
    public static func optional(_ value: String?) -> JSON {
        value.map(JSON.string) ?? .null
    }

    /// The value as pretty-printed UTF-8 (two-space indentation), ending with a newline.
    public var serialized: [UInt8] {
        var output: [UInt8] = []
        write(into: &output, indent: 0)
        output.append(ASCII.lf)
        return output
    }

    private func write(into output: inout [UInt8], indent: Int) {
        switch self {
        case .string(let value): Self.writeString(value, into: &output)
        case .int(let value): output += Array(String(value).utf8)
        case .bool(let value): output += Array((value ? "true" : "false").utf8)
        case .null: output += Array("null".utf8)
        case .array(let values):
            guard !values.isEmpty else { output += Array("[]".utf8); return }
            output += Array("[\n".utf8)
            for (index, value) in values.enumerated() {
                output += [UInt8](repeating: ASCII.space, count: indent + 2)
                value.write(into: &output, indent: indent + 2)
                output += Array((index + 1 < values.count ? ",\n" : "\n").utf8)
            }
            output += [UInt8](repeating: ASCII.space, count: indent) + [ASCII.closeBracket]
        case .object(let members):
            guard !members.isEmpty else { output += Array("{}".utf8); return }
            output += Array("{\n".utf8)
            for (index, (key, value)) in members.enumerated() {
                output += [UInt8](repeating: ASCII.space, count: indent + 2)
                Self.writeString(key, into: &output)
                output += Array(": ".utf8)
                value.write(into: &output, indent: indent + 2)
                output += Array((index + 1 < members.count ? ",\n" : "\n").utf8)
            }
            output += [UInt8](repeating: ASCII.space, count: indent) + [UInt8(ascii: "}")]
        }
    }

    private static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(ASCII.quote)
        for byte in value.utf8 {
            switch byte {
            case ASCII.quote: output += Array("\\\"".utf8)
            case ASCII.backslash: output += Array("\\\\".utf8)
            case ASCII.lf: output += Array("\\n".utf8)
            case ASCII.cr: output += Array("\\r".utf8)
            case ASCII.tab: output += Array("\\t".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output += Array("\\u00".utf8) + Array((hex.count == 1 ? "0" + hex : hex).utf8)
            default: output.append(byte)
            }
        }
        output.append(ASCII.quote)
    }

    /// Equality by serialized form.
    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        lhs.serialized == rhs.serialized
    }
}
