// Splitting bytes into lines that keep their line endings, for the diff and merge code.

/// Splits bytes into lines, each line a slice of the input that keeps its line ending.
///
/// `split(_:)` follows the rule of the rest of the library (`\n`, `\r\n` and a lone `\r` each
/// end a line, as in CommonMark) by walking the bytes with `LineTable`'s own `LineCursor`;
/// `splitAtLineFeed(_:)` follows GNU diff and git, for output that must match theirs.
package enum Lines {
    /// Splits bytes into lines, each keeping its line ending ("\n", "\r\n"; a lone "\r" also ends a line).
    ///
    /// The last line has no ending when the input does not end with one. Empty input gives no lines.
    /// Concatenating the returned slices reproduces `bytes` exactly. The lines are those of
    /// `LineTable(bytes)`: line `i` is `bytes[table.range(ofLine: i)]`.
    package static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var lines: [ArraySlice<UInt8>] = []
            var cursor = LineCursor(base: base, count: buffer.count)
            while let line = cursor.next() {
                // The cursor's position is one past the end after a final lone `\r`.
                lines.append(bytes[line.start..<min(cursor.position, buffer.count)])
            }
            return lines
        }
    }

    /// Splits bytes at "\n" only, the way GNU diff and git see lines (a lone "\r" stays inside its line).
    static func splitAtLineFeed(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if bytes[index] == ASCII.lf {
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
}

extension ArraySlice where Element == UInt8 {
    /// Whether the line ends with "\n".
    var endsWithLineFeed: Bool {
        last == ASCII.lf
    }

    /// Whether the line ends with "\r\n".
    var endsWithCRLF: Bool {
        count >= 2 && self[endIndex - 1] == ASCII.lf && self[endIndex - 2] == ASCII.cr
    }
}
