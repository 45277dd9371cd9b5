#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Large buffers (a file of megabytes, its line table) are written once, right after they
/// are allocated; each 4 KiB page costs a fault then. Asking for 2 MiB pages makes that a
/// few faults. Only advice: where the kernel does not follow it, nothing changes.
enum HugePages {
    /// Buffers smaller than this are left alone.
    static let threshold = 4 << 20

    /// Advises huge pages for the 2 MiB-aligned part of `count` bytes at `start`, when that
    /// is large enough to matter.
    static func advise(_ start: UnsafeMutableRawPointer?, count: Int) {
        #if os(Linux)
        guard count >= threshold, let start else { return }
        let size = 2 << 20
        let first = (Int(bitPattern: start) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: start) + count) & ~(size - 1)
        guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(aligned, end - first, MADV_HUGEPAGE)
        #endif
    }

    /// Hands back the pages of a buffer advised with `advise` that lie wholly past its first
    /// `used` bytes: a huge page only partly filled would otherwise stay resident whole. The
    /// bytes there read as zero if they are written later.
    static func releaseTail(_ start: UnsafeMutableRawPointer?, used: Int, count: Int) {
        #if os(Linux)
        guard count >= threshold, let start else { return }
        let page = 4096
        let first = (Int(bitPattern: start) + used + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: start) + count) & ~(page - 1)
        guard end > first, let tail = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(tail, end - first, MADV_DONTNEED)
        #endif
    }
}
