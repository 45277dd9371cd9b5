/// Searches for bytes with the C library's `memchr`, which looks at many bytes per
/// instruction, and `memcmp`.
package enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `bytes[range]`, or nil. Each
    /// occurrence of `needle`'s first byte is compared with `needle`: for a needle of m bytes
    /// at most m times the range's length in comparisons.
    package static func first(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard let lead = needle.first else { return range.lowerBound }
        guard let base = bytes.baseAddress else { return nil }
        let last = range.upperBound - needle.count
        var position = range.lowerBound
        return needle.withUnsafeBytes { pattern in
            while position <= last {
                guard let found = first(lead, in: bytes, range: position..<(last + 1)) else { return nil }
                if POSIX.sameBytes(base + found, pattern.baseAddress!, count: pattern.count) { return found }
                position = found + 1
            }
            return nil
        }
    }

    /// Whether `text` contains `needle`.
    package static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        let pattern = Array(needle.utf8)
        return text.withUTF8 { first(pattern, in: $0, range: 0..<$0.count) != nil }
    }

    /// The offset of the first `byte` in `bytes[range]`, or nil.
    @inline(__always)
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress, !range.isEmpty else { return nil }
        return POSIX.firstOffset(of: byte, in: base, from: range.lowerBound, to: range.upperBound)
    }

    /// Whether `a` and `b` hold the same bytes (compared with `memcmp`).
    package static func equal(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { first in
            b.withUnsafeBytes { second in POSIX.sameBytes(first.baseAddress!, second.baseAddress!, count: first.count) }
        }
    }

    /// Whether `byte` occurs in `bytes`.
    static func contains(_ byte: UInt8, in bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { first(byte, in: $0, range: 0..<$0.count) != nil }
    }
}
