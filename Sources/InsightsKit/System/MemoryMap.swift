#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileDescriptor {
    /// Maps the first `count` bytes of the file into memory, read-only and private
    /// (`mmap(2)`); nil when the file cannot be mapped. Undo with `POSIX.unmap`.
    func mapReadOnly(count: Int) -> UnsafeBufferPointer<UInt8>? {
        guard count > 0 else { return nil }
        // Compared with the bit pattern of `MAP_FAILED`, a cast macro not every C module exports.
        guard let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, raw, 0),
              mapped != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        return UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: count)
    }
}

extension POSIX {
    /// Unmaps bytes mapped with `FileDescriptor.mapReadOnly` (`munmap(2)`).
    static func unmap(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        _ = munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
    }
}
