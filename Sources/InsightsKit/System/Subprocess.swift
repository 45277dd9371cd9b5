#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program found on `PATH` with an argument array (no shell), feeds it standard
/// input and collects its standard output and error. All three streams are served at once
/// with `poll(2)`, so neither side can block the other however much is written. Part of the
/// system layer: `posix_spawnp(3)`, `pipe(2)`, `socketpair(2)`, `poll(2)`, `waitpid(2)`.
package enum Subprocess {
    /// What a finished program left behind.
    package struct Outcome: Sendable, Equatable {
        /// The exit status, or 128 + the signal that ended it.
        package var status: Int32
        /// Everything it wrote to standard output.
        package var stdout: [UInt8]
        /// Everything it wrote to standard error.
        package var stderr: [UInt8]

        /// Standard error as one trimmed line of text, for messages.
        package var errorText: String {
            let text = String(decoding: stderr, as: UTF8.self)
            return text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map(String.init).first { !$0.isEmpty } ?? "exit status \(status)"
        }
    }

    /// Runs `program` with `arguments`; `input` is written to its standard input (which is
    /// then closed). `environment` sets variables on top of this process's environment.
    /// Throws `ioError` only when the program cannot be started; a program that fails is an
    /// `Outcome` with its status.
    package static func run(_ program: String, _ arguments: [String], input: [UInt8] = [],
                            environment: [String: String] = [:]) throws -> Outcome {
        let child = try start(program, arguments, environment: environment)
        var outcome = Outcome(status: 0, stdout: [], stderr: [])
        pump(input: input, inputDescriptor: child.input, output: child.output, error: child.error, into: &outcome)
        outcome.status = wait(for: child.pid)
        return outcome
    }

    /// A started program: its process id and this side of its standard streams.
    fileprivate struct Child {
        var pid: pid_t
        var input: Int32
        var output: Int32
        var error: Int32
    }

    /// Starts `program` with its standard streams connected to this process.
    fileprivate static func start(_ program: String, _ arguments: [String], environment: [String: String]) throws -> Child {
        // The descriptors are made and handed to the child under one lock: a program another
        // thread starts meanwhile cannot inherit them before they are marked close-on-exec.
        spawnLock.lock()
        var locked = true
        defer { if locked { spawnLock.unlock() } }
        // Standard input is a socket pair so that writing to a program that exited early
        // gives EPIPE instead of killing this process with SIGPIPE (see `sendWithoutSignal`).
        var inputPair: [Int32] = [-1, -1]
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard makeSocketPair(&inputPair) else {
            throw SystemError("socketpair", program).reported(as: "cannot run \(program)")
        }
        guard makePipe(&outputPipe) else {
            let error = SystemError("pipe", program)
            inputPair.forEach { _ = close($0) }
            throw error.reported(as: "cannot run \(program)")
        }
        guard makePipe(&errorPipe) else {
            let error = SystemError("pipe", program)
            (inputPair + outputPipe).forEach { _ = close($0) }
            throw error.reported(as: "cannot run \(program)")
        }

        // An opaque pointer on Darwin, a struct in glibc and musl; `init` fills in either.
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPair[1], 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)

        let argv = ([program] + arguments).map { POSIX.withCPath($0) { strdup($0) } }
        defer { argv.forEach { free($0) } }
        let added = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { added.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = added.isEmpty
            ? posix_spawnp(&pid, program, &actions, nil, argv + [nil], POSIX.environmentBlock)
            : posix_spawnp(&pid, program, &actions, nil, argv + [nil], inheritedEnvironment(without: Set(environment.keys)) + added + [nil])
        for descriptor in [inputPair[1], outputPipe[1], errorPipe[1]] { _ = close(descriptor) }
        spawnLock.unlock()
        locked = false
        guard spawned == 0 else {
            for descriptor in [inputPair[0], outputPipe[0], errorPipe[0]] { _ = close(descriptor) }
            let error = SystemError("posix_spawnp", program, number: spawned)
            throw InsightsError(.ioError, "cannot run \(program): \(error.reason)",
                                hint: program == "git" ? "is git installed and on PATH?" : nil)
        }

        return Child(pid: pid, input: inputPair[0], output: outputPipe[0], error: errorPipe[0])
    }

    /// This process's environment entries, less the variables named in `names`. The pointers
    /// are those of the environment block, valid while it does not change.
    private static func inheritedEnvironment(without names: Set<String>) -> [UnsafeMutablePointer<CChar>?] {
        var entries: [UnsafeMutablePointer<CChar>?] = []
        guard var entry = POSIX.environmentBlock else { return entries }
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if !names.contains(String(text.prefix { $0 != "=" })) { entries.append(pointer) }
            entry += 1
        }
        return entries
    }

    /// `pipe(2)` with both ends closed on exec (the child gets its copies through dup2).
    private static func makePipe(_ descriptors: inout [Int32]) -> Bool {
        guard pipe(&descriptors) == 0 else { return false }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// A connected pair of stream sockets (`socketpair(2)`), both closed on exec. Darwin has
    /// no `SOCK_CLOEXEC` nor `MSG_NOSIGNAL`: there the flag is set after, and the sockets are
    /// told not to raise `SIGPIPE` (`SO_NOSIGPIPE`) instead.
    private static func makeSocketPair(_ descriptors: inout [Int32]) -> Bool {
        #if canImport(Glibc)
        return socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &descriptors) == 0
        #else
        guard socketpair(AF_UNIX, SOCK_STREAM, 0, &descriptors) == 0 else { return false }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            #if canImport(Darwin)
            var on: Int32 = 1
            _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
            #endif
        }
        return true
        #endif
    }

    /// `send(2)` that fails with `EPIPE` rather than raising `SIGPIPE` when the reader is gone.
    fileprivate static func sendWithoutSignal(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
        // The socket has `SO_NOSIGPIPE` (see `makeSocketPair`).
        return POSIX.retryingInterrupts { send(descriptor, bytes, count, 0) }
        #else
        return POSIX.retryingInterrupts { send(descriptor, bytes, count, Int32(MSG_NOSIGNAL)) }
        #endif
    }

    /// Writes `input` and reads both outputs until the program closes them.
    fileprivate static func pump(input: [UInt8], inputDescriptor: Int32, output: Int32, error: Int32, into outcome: inout Outcome) {
        var written = 0
        var inputOpen = true
        if input.isEmpty {
            _ = close(inputDescriptor)
            inputOpen = false
        }
        var openOutputs: Set<Int32> = [output, error]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while inputOpen || !openOutputs.isEmpty {
            var watched: [pollfd] = []
            if inputOpen { watched.append(pollfd(fd: inputDescriptor, events: Int16(POLLOUT), revents: 0)) }
            for descriptor in openOutputs.sorted() { watched.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
            let ready = POSIX.retryingInterrupts { poll(&watched, nfds_t(watched.count), -1) }
            if ready < 0 { break }
            for entry in watched where entry.revents != 0 {
                if entry.fd == inputDescriptor {
                    let count = input.withUnsafeBytes { raw in
                        sendWithoutSignal(inputDescriptor, raw.baseAddress! + written, min(raw.count - written, 65536))
                    }
                    if count > 0 { written += count }
                    if (count < 0 && errno != EAGAIN) || written == input.count {
                        _ = close(inputDescriptor)
                        inputOpen = false
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { raw in
                    POSIX.retryingInterrupts { read(entry.fd, raw.baseAddress, raw.count) }
                }
                if count > 0 {
                    if entry.fd == output { outcome.stdout += buffer[..<count] } else { outcome.stderr += buffer[..<count] }
                } else {
                    _ = close(entry.fd)
                    openOutputs.remove(entry.fd)
                }
            }
        }
        if inputOpen { _ = close(inputDescriptor) }
        for descriptor in openOutputs { _ = close(descriptor) }
    }

    /// Waits for `pid` and returns its exit status (128 + signal when killed).
    fileprivate static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        if POSIX.retryingInterrupts({ waitpid(pid, &status, 0) }) < 0 { return 127 }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// A program talked to in turns: what is written to its standard input is answered with
/// lines on its standard output (`git mktree --batch`, `git update-ref --stdin`), which must
/// be read before it writes more than a pipe holds. Its standard error is kept for the
/// outcome.
package final class Coprocess {
    private let child: Subprocess.Child
    private var finished = false
    private var pending: [UInt8] = []
    private var errors: [UInt8] = []
    private var outputEnded = false
    private var errorEnded = false

    /// Starts `program` with `arguments`.
    package init(_ program: String, _ arguments: [String]) throws {
        child = try Subprocess.start(program, arguments, environment: [:])
    }

    deinit { _ = finish() }

    /// Writes `request` and returns the line that answers it, without its line break; nil when
    /// the program ended first.
    package func ask(_ request: [UInt8]) -> [UInt8]? {
        send(request) ? line() : nil
    }

    /// Writes `bytes` to its standard input; false when it ended first.
    package func send(_ bytes: [UInt8]) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                Subprocess.sendWithoutSignal(child.input, raw.baseAddress! + written, raw.count - written)
            }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }

    /// The next line of its standard output, without its line break; nil when it ended first.
    package func line() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = pending.firstIndex(of: ASCII.lf) {
                defer { pending.removeSubrange(...end) }
                return Array(pending[..<end])
            }
            guard !outputEnded else { return nil }
            var watched = [pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)]
            if !errorEnded { watched.append(pollfd(fd: child.error, events: Int16(POLLIN), revents: 0)) }
            guard POSIX.retryingInterrupts({ poll(&watched, nfds_t(watched.count), -1) }) > 0 else { return nil }
            for entry in watched where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { raw in POSIX.retryingInterrupts { read(entry.fd, raw.baseAddress, raw.count) } }
                if entry.fd == child.output {
                    if count > 0 { pending += buffer[..<count] } else { outputEnded = true }
                } else {
                    if count > 0 { errors += buffer[..<count] } else { errorEnded = true }
                }
            }
        }
    }

    /// Closes its standard input and waits for it to end.
    package func finish() -> Subprocess.Outcome {
        guard !finished else { return Subprocess.Outcome(status: 0, stdout: [], stderr: []) }
        finished = true
        var outcome = Subprocess.Outcome(status: 0, stdout: pending, stderr: errors)
        Subprocess.pump(input: [], inputDescriptor: child.input, output: child.output, error: child.error, into: &outcome)
        outcome.status = Subprocess.wait(for: child.pid)
        return outcome
    }
}

/// A process-wide lock (`pthread_mutex_t`, made once).
private final class ProcessLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}

/// Held while `Subprocess.run` makes a child's descriptors and starts it.
private let spawnLock = ProcessLock()
