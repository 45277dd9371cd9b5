#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The local date and time of day, broken down (`localtime_r(3)`).
struct LocalTime: Sendable {
    /// The year, such as 2025.
    let year: Int
    /// The month, 1 to 12.
    let month: Int
    /// The day of the month, 1 to 31.
    let day: Int
    /// The hour, 0 to 23.
    let hour: Int
    /// The minute, 0 to 59.
    let minute: Int
    /// The second, 0 to 60.
    let second: Int
}

extension POSIX {
    /// Now, in the local time zone.
    static func localTime() -> LocalTime {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return LocalTime(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                         hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
    }

    /// Sleeps `milliseconds`, going on after a signal for the time that was left.
    static func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        var remaining = timespec()
        _ = retryingInterrupts {
            let result = nanosleep(&request, &remaining)
            request = remaining
            return result
        }
    }

    /// Monotonic time in milliseconds.
    static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
