#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Work run on a thread of its own while the caller goes on, for the one place where two
/// independent passes over a large buffer can use two cores. `wait()` returns once the work
/// is done; the caller must not touch what the work writes before that. Where no thread can
/// be started, the work runs at once, in the caller's thread.
final class BackgroundWork: @unchecked Sendable {
    private let work: () -> Void
    #if canImport(Glibc) || canImport(Musl)
    private var thread = pthread_t()
    private var started = false
    #endif

    /// Starts `work`.
    init(_ work: @escaping () -> Void) {
        self.work = work
        #if canImport(Glibc) || canImport(Musl)
        let context = Unmanaged.passRetained(self).toOpaque()
        started = pthread_create(&thread, nil, { context in
            let work = Unmanaged<BackgroundWork>.fromOpaque(context!).takeRetainedValue()
            work.work()
            return nil
        }, context) == 0
        if !started {
            Unmanaged<BackgroundWork>.fromOpaque(context).release()
            work()
        }
        #else
        work()
        #endif
    }

    /// Waits until the work is done.
    func wait() {
        #if canImport(Glibc) || canImport(Musl)
        if started {
            _ = pthread_join(thread, nil)
            started = false
        }
        #endif
    }
}
