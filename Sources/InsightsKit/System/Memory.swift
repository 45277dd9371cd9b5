#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension POSIX {
    /// The offset from `base` of the first `byte` in `base[start..<end]` (`memchr(3)`, which
    /// looks at many bytes per instruction), or nil. `start < end`.
    @inline(__always)
    static func firstOffset(of byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Whether the `count` bytes at `first` and at `second` are the same (`memcmp(3)`).
    @inline(__always)
    static func sameBytes(_ first: UnsafeRawPointer, _ second: UnsafeRawPointer, count: Int) -> Bool {
        memcmp(first, second, count) == 0
    }
}
