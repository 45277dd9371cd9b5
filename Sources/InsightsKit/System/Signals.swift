#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The signals the `insights` process handles itself. A write goes through a temporary file;
/// a `SIGTERM`, `SIGINT` or `SIGHUP` that arrives while it exists removes it and then ends
/// the process as the signal would have (same status for the parent). `SIGXFSZ` is ignored,
/// so that a write past `ulimit -f` fails with `EFBIG` (exit 74) instead of killing the
/// process. `SIGPIPE` keeps its default: `insights read | head` ends quietly.
package enum ProcessSignals {
    /// Installs the handlers: once, at the start of the `insights` executable. A library
    /// that embeds `InsightsKit` keeps its own signal handling.
    package static func install() {
        // Both made before a handler can read them (a static is made on first use).
        _ = TemporaryFile.path
        TemporaryFile.disarm()
        _ = signal(SIGXFSZ, SIG_IGN)
        var handled = sigset_t()
        sigemptyset(&handled)
        for number in [SIGTERM, SIGINT, SIGHUP] {
            let previous = signal(number, removeTemporaryFileAndDie)
            // A signal ignored by whoever started us (`nohup`, a background job) stays ignored.
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { _ = signal(number, SIG_IGN) }
            sigaddset(&handled, number)
        }
        // A mask inherited from the thread that started us (a worker thread of the parent,
        // which blocks signals) would hold them back until the process ends by itself.
        _ = sigprocmask(SIG_UNBLOCK, &handled, nil)
    }

    /// Ignores `SIGPIPE`, for a long-running server: a client that goes away makes its next
    /// write fail with `EPIPE` (reported, exit 74) instead of ending the process silently.
    package static func ignoreBrokenPipe() {
        _ = signal(SIGPIPE, SIG_IGN)
    }
}

/// The temporary file a write has open, for the signal handler: its path is copied into memory
/// set aside beforehand, and `armed` says whether it is current, so that the handler only reads
/// memory and calls `unlink` (async-signal-safe). One write at a time: writes hold a lock.
enum TemporaryFile {
    /// Room for the path and its terminating NUL.
    nonisolated(unsafe) static let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    /// 1 while `path` names a temporary file that exists or is about to.
    nonisolated(unsafe) static var armed: sig_atomic_t = 0

    /// Notes `temporary` as the file to remove if the process is told to end.
    static func arm(_ temporary: String) {
        armed = 0
        let bytes = ByteText.bytes(of: temporary)
        guard bytes.count < Int(PATH_MAX) else { return }
        for (index, byte) in bytes.enumerated() { path[index] = CChar(bitPattern: byte) }
        path[bytes.count] = 0
        armed = 1
    }

    /// The temporary file is gone (renamed or removed).
    static func disarm() {
        armed = 0
    }
}

/// The handler for `SIGTERM`, `SIGINT` and `SIGHUP`: removes the temporary file a write has
/// open, puts the signal's default action back and raises it again, which ends the process
/// once the handler returns.
private func removeTemporaryFileAndDie(_ number: Int32) {
    if TemporaryFile.armed != 0 { _ = unlink(TemporaryFile.path) }
    _ = signal(number, SIG_DFL)
    _ = raise(number)
}
