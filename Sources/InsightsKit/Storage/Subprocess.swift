#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program found on `PATH` with an argument array (no shell), feeds it standard
/// input and collects its standard output and error. All three streams are served at once
/// with `poll(2)`, so neither side can block the other however much is written.
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
    /// then closed). Throws `ioError` only when the program cannot be started; a program
    /// that fails is an `Outcome` with its status.
    package static func run(_ program: String, _ arguments: [String], input: [UInt8] = []) throws -> Outcome {
        // Standard input is a socket pair so that writing to a program that exited early
        // gives EPIPE (MSG_NOSIGNAL) instead of killing this process with SIGPIPE.
        var inputPair: [Int32] = [-1, -1]
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &inputPair) == 0 else {
            throw InsightsError(.ioError, "cannot run \(program): \(POSIX.errorText())")
        }
        guard makePipe(&outputPipe) else {
            let error = POSIX.errorText()
            inputPair.forEach { _ = close($0) }
            throw InsightsError(.ioError, "cannot run \(program): \(error)")
        }
        guard makePipe(&errorPipe) else {
            let error = POSIX.errorText()
            (inputPair + outputPipe).forEach { _ = close($0) }
            throw InsightsError(.ioError, "cannot run \(program): \(error)")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPair[1], 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)

        let argv = ([program] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv + [nil], environ)
        for descriptor in [inputPair[1], outputPipe[1], errorPipe[1]] { _ = close(descriptor) }
        guard spawned == 0 else {
            for descriptor in [inputPair[0], outputPipe[0], errorPipe[0]] { _ = close(descriptor) }
            throw InsightsError(.ioError, "cannot run \(program): \(POSIX.errorText(spawned))",
                                hint: program == "git" ? "is git installed and on PATH?" : nil)
        }

        var outcome = Outcome(status: 0, stdout: [], stderr: [])
        pump(input: input, inputDescriptor: inputPair[0], output: outputPipe[0], error: errorPipe[0], into: &outcome)
        outcome.status = wait(for: pid)
        return outcome
    }

    /// `pipe(2)` with both ends closed on exec (the child gets its copies through dup2).
    private static func makePipe(_ descriptors: inout [Int32]) -> Bool {
        guard pipe(&descriptors) == 0 else { return false }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Writes `input` and reads both outputs until the program closes them.
    private static func pump(input: [UInt8], inputDescriptor: Int32, output: Int32, error: Int32, into outcome: inout Outcome) {
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
            let ready = poll(&watched, nfds_t(watched.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in watched where entry.revents != 0 {
                if entry.fd == inputDescriptor {
                    let count = input.withUnsafeBytes { raw in
                        send(inputDescriptor, raw.baseAddress! + written, min(raw.count - written, 65536), Int32(MSG_NOSIGNAL))
                    }
                    if count > 0 { written += count }
                    if (count < 0 && errno != EINTR && errno != EAGAIN) || written == input.count {
                        _ = close(inputDescriptor)
                        inputOpen = false
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == output { outcome.stdout += buffer[..<count] } else { outcome.stderr += buffer[..<count] }
                } else if count == 0 || errno != EINTR {
                    _ = close(entry.fd)
                    openOutputs.remove(entry.fd)
                }
            }
        }
        if inputOpen { _ = close(inputDescriptor) }
        for descriptor in openOutputs { _ = close(descriptor) }
    }

    /// Waits for `pid` and returns its exit status (128 + signal when killed).
    private static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 127 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
