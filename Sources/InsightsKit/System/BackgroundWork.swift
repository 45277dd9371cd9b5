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
    // `pthread_t` is an integer in glibc and a pointer in musl and Darwin, where
    // `pthread_create` fills in an optional one.
    #if canImport(Glibc)
    private var thread = pthread_t()
    #else
    private var thread: pthread_t?
    #endif
    private var started = false

    /// Starts `work`.
    init(_ work: @escaping () -> Void) {
        self.work = work
        let context = Unmanaged.passRetained(self).toOpaque()
        started = pthread_create(&thread, nil, { argument in
            // The argument is optional in glibc and musl, not in Darwin: this reads both.
            let context: UnsafeMutableRawPointer? = argument
            let work = Unmanaged<BackgroundWork>.fromOpaque(context!).takeRetainedValue()
            work.work()
            return nil
        }, context) == 0
        if !started {
            Unmanaged<BackgroundWork>.fromOpaque(context).release()
            work()
        }
    }

    /// Waits until the work is done.
    func wait() {
        guard started else { return }
        #if canImport(Glibc)
        _ = pthread_join(thread, nil)
        #else
        if let thread { _ = pthread_join(thread, nil) }
        #endif
        started = false
    }
}

extension BackgroundWork {
    /// Runs `first` on a thread of its own while `second` runs on this one, and returns both
    /// results once both are done; an error of either is thrown then (`first`'s first). For
    /// two independent waits, such as two programs that each take a while.
    static func both<First, Second>(_ first: @escaping () throws -> First, _ second: () throws -> Second) throws -> (First, Second) {
        let box = ResultBox<First>()
        let work = BackgroundWork { box.result = Result { try first() } }
        let secondResult = Result { try second() }
        work.wait()
        return (try box.result!.get(), try secondResult.get())
    }
}

/// Where work on another thread leaves its result; read only after that work is done.
private final class ResultBox<Value>: @unchecked Sendable {
    var result: Result<Value, any Error>?
}
