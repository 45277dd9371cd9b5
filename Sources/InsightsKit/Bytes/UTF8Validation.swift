/// Checks that text `insights` is asked to write is UTF-8 without NUL bytes.
enum UTF8Validation {
    /// The offset of the first byte that is not part of valid UTF-8, or of the first NUL.
    static func firstProblem(in bytes: [UInt8]) -> (offset: Int, isNul: Bool)? {
        bytes.withUnsafeBufferPointer(firstProblem)
    }

    /// Whether the eight bytes of `word` are all ASCII and none is NUL.
    @inline(__always) static func isPlainASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & high
        return (word & high) | hasZero == 0
    }

    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, isNul: Bool)? {
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            // Runs of ASCII text, eight bytes at a time.
            while index + 8 <= count, isPlainASCII(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { index += 8 }
            guard index < count else { break }
            let byte = bytes[index]
            if byte == 0 { return (index, true) }
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: return (index, false)
            }
            guard index + length <= count else { return (index, false) }
            for continuation in bytes[(index + 1)..<(index + length)] {
                guard continuation & 0xC0 == 0x80 else { return (index, false) }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return (index, false) }
            index += length
        }
        return nil
    }

    /// Throws `badData` naming the line and column of the first problem in `bytes`, which
    /// `what` names in the message ("body", "file").
    static func check(_ bytes: [UInt8], what: String) throws {
        guard let problem = firstProblem(in: bytes) else { return }
        let line = TextLines.lineCount(bytes, in: 0..<problem.offset) + 1
        let lineStart = bytes[..<problem.offset].lastIndex { $0 == ASCII.lf || $0 == ASCII.cr }.map { $0 + 1 } ?? 0
        let column = problem.offset - lineStart + 1
        let byte = String(bytes[problem.offset], radix: 16, uppercase: true)
        if problem.isNul {
            throw InsightsError(.badData, "\(what) line \(line), column \(column): contains a NUL byte")
        }
        throw InsightsError(.badData, "\(what) line \(line), column \(column): not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" + byte : byte))")
    }

    /// The Unicode text that `text` (from an argument, the environment or JSON) carries;
    /// `badData` naming `what` ("the title") when its bytes are not UTF-8 or hold a NUL: the
    /// one check of text other than a body that reaches a file (see `ByteText`).
    static func checked(_ text: String, what: String) throws -> String {
        if let valid = ByteText.validated(text) { return valid }
        let bytes = ByteText.bytes(of: text)
        guard let problem = firstProblem(in: bytes) else { return text }
        let byte = String(bytes[problem.offset], radix: 16, uppercase: true)
        let reason = problem.isNul ? "contains a NUL byte" : "is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" + byte : byte))"
        throw InsightsError(.badData, "\(what) \(reason) at byte \(problem.offset + 1): \"\(text)\"")
    }
}
