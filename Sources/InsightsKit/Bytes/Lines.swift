// Line splitting shared by the diff and merge functions.

/// Splits bytes into lines, each keeping its line ending ("\n", "\r\n"; a lone "\r" also ends a line).
///
/// The last line has no ending when the input does not end with one. Empty input gives no lines.
/// Concatenating the returned slices reproduces `bytes` exactly.
package func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    let count = bytes.count
    var start = 0
    var index = 0
    while index < count {
        let byte = bytes[index]
        if byte == DiffByte.lineFeed {
            index += 1
            lines.append(bytes[start..<index])
            start = index
        } else if byte == DiffByte.carriageReturn {
            index += 1
            if index < count && bytes[index] == DiffByte.lineFeed {
                index += 1
            }
            lines.append(bytes[start..<index])
            start = index
        } else {
            index += 1
        }
    }
    if start < count {
        lines.append(bytes[start..<count])
    }
    return lines
}

/// Splits bytes at "\n" only, the way GNU diff and git see lines (a lone "\r" stays inside its line).
func splitLinesAtLineFeed(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    let count = bytes.count
    while index < count {
        if bytes[index] == DiffByte.lineFeed {
            lines.append(bytes[start...index])
            start = index + 1
        }
        index += 1
    }
    if start < count {
        lines.append(bytes[start..<count])
    }
    return lines
}

/// Byte constants used by the diff code.
enum DiffByte {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
}

extension ArraySlice where Element == UInt8 {
    /// Whether the line ends with "\n".
    var diffEndsWithLineFeed: Bool {
        last == DiffByte.lineFeed
    }

    /// Whether the line ends with "\r\n".
    var diffEndsWithCRLF: Bool {
        count >= 2 && self[endIndex - 1] == DiffByte.lineFeed && self[endIndex - 2] == DiffByte.carriageReturn
    }
}

/// Appends the decimal digits of `value` (with a leading "-" when negative).
func appendDiffDecimal(_ value: Int, to out: inout [UInt8]) {
    out.append(contentsOf: Array(String(value).utf8))
}
