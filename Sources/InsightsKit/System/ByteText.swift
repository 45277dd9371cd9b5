/// Paths, arguments and environment variables are bytes, which need not be UTF-8; a Swift
/// `String` holds only Unicode. `ByteText` carries any bytes in a string without loss: valid
/// UTF-8 stands for itself, and each other byte B (0x80–0xFF) for the scalar U+10FF00 + B, at
/// the end of the last private-use plane. A scalar of that range that the bytes really
/// contain has its own four bytes carried that way, so `bytes(of: string(bytes))` is always
/// `bytes`. Strings come in this form from the system (`argv`, `getcwd`, `readlink`,
/// `readdir`, the environment) and go back to bytes where the system takes them; text that
/// reaches a file is checked with `validated` (a carried byte is not UTF-8).
package enum ByteText {
    /// The scalars that carry bytes 0x80–0xFF.
    static let carriers: ClosedRange<UInt32> = 0x10FF80...0x10FFFF

    /// `bytes` as a string that carries every byte.
    package static func string(_ bytes: some Collection<UInt8>) -> String {
        // The common case: UTF-8 with no scalar from the last plane (whose lead byte is 0xF4).
        if !bytes.contains(0xF4), let text = String(validating: bytes, as: UTF8.self) { return text }
        let array = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = array.makeIterator()
        // The parser reads ahead; the lengths it reports say where each sequence starts.
        var index = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if carriers.contains(scalar.value) {
                    for byte in array[index..<(index + encoded.count)] { scalars.append(carrier(of: byte)) }
                } else {
                    scalars.append(scalar)
                }
                index += encoded.count
            case .error(let length):
                for byte in array[index..<(index + length)] { scalars.append(carrier(of: byte)) }
                index += length
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    /// The scalar that carries `byte` (0x80–0xFF; an ASCII byte stands for itself).
    private static func carrier(of byte: UInt8) -> Unicode.Scalar {
        byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(0x10FF00 + UInt32(byte))!
    }

    /// The bytes `text` carries.
    package static func bytes(of text: String) -> [UInt8] {
        guard hasCarriedBytes(text) else { return Array(text.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if carriers.contains(scalar.value) {
                bytes.append(UInt8(scalar.value - 0x10FF00))
            } else {
                bytes += String(scalar).utf8
            }
        }
        return bytes
    }

    /// Whether `text` carries a byte (as U+10FF80–U+10FFFF).
    package static func hasCarriedBytes(_ text: String) -> Bool {
        text.utf8.contains(0xF4) && text.unicodeScalars.contains { carriers.contains($0.value) }
    }

    /// The Unicode text `text` carries, or nil when its bytes are not UTF-8 or contain a NUL
    /// byte: what text written to a file must pass.
    package static func validated(_ text: String) -> String? {
        if text.utf8.contains(0) { return nil }
        guard hasCarriedBytes(text) else { return text }
        return String(validating: bytes(of: text), as: UTF8.self)
    }

    /// `text` for a one-line message: a carried byte is shown as `\xFF`, a line break or
    /// other control character as `\n`, `\r`, `\t` or `\x1B`.
    package static func shown(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let value = carriers.contains(scalar.value) ? scalar.value - 0x10FF00 : scalar.value
                let hex = String(value, radix: 16, uppercase: true)
                result += value > 0xFF ? "\\u{\(hex)}" : "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// Whether `scalar` is a control character or a carried byte.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
            || carriers.contains(scalar.value)
    }
}

extension POSIX {
    /// Calls `body` with the bytes `path` carries as a C string. A path with a NUL byte,
    /// which no system call can name, is passed as the empty path, which names no file.
    static func withCPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        if path.utf8.contains(0) { return try "".withCString(body) }
        guard ByteText.hasCarriedBytes(path) else { return try path.withCString(body) }
        return try (ByteText.bytes(of: path) + [0]).withUnsafeBufferPointer { bytes in
            try bytes.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }
}
