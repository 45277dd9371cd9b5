#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension POSIX {
    /// The process's environment block, a NULL-ended array of `NAME=value` strings: `environ`
    /// on Linux; on Darwin, where a program should not name `environ`, `_NSGetEnviron()`.
    static var environmentBlock: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        #if canImport(Darwin)
        return _NSGetEnviron()?.pointee
        #else
        return environ
        #endif
    }

    /// The variables among `names` that are set, found by comparing bytes: no string is made
    /// for the rest of the environment.
    package static func environment(named names: [String]) -> [String: String] {
        let wanted = names.map { Array($0.utf8) + [UInt8(ascii: "=")] }
        var environment: [String: String] = [:]
        guard var entry = environmentBlock else { return environment }
        while let pointer = entry.pointee {
            let length = strlen(pointer)
            pointer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                let pair = UnsafeBufferPointer(start: bytes, count: length)
                for prefix in wanted where pair.starts(with: prefix) {
                    environment[String(decoding: prefix.dropLast(), as: UTF8.self)] =
                        ByteText.string(UnsafeBufferPointer(rebasing: pair[prefix.count...]))
                }
            }
            entry += 1
        }
        return environment
    }
}
