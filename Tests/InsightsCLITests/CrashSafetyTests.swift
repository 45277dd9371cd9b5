import Foundation
import InsightsKit
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A reader-writer gate that lets a waiting exclusive holder in first: background writers
/// hold it shared while they update; the check after a kill holds it alone, so that what it
/// sees is only the killed writer's doing.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var readers = 0
    private var writerWaiting = false

    func shared<T>(_ work: () throws -> T) rethrows -> T {
        condition.lock()
        while writerWaiting { condition.wait() }
        readers += 1
        condition.unlock()
        defer {
            condition.lock()
            readers -= 1
            condition.broadcast()
            condition.unlock()
        }
        return try work()
    }

    func exclusive<T>(_ work: () throws -> T) rethrows -> T {
        condition.lock()
        while writerWaiting { condition.wait() }
        writerWaiting = true
        while readers > 0 { condition.wait() }
        condition.unlock()
        defer {
            condition.lock()
            writerWaiting = false
            condition.broadcast()
            condition.unlock()
        }
        return try work()
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

/// The file the crash test writes: a skeleton of sections, each of whose bodies is one of a
/// known set, so that every version any writer could have produced is known.
struct KnownVersions {
    static let sections = 6
    static let versions = 6
    static let linesPerBody = 400

    /// Body `version` of section `section` (version 0 is the initial one). Ends with a blank
    /// line, so the stored body is exactly this text.
    static func body(_ section: Int, _ version: Int) -> [UInt8] {
        var text = "S\(section) v\(version)\n"
        for line in 0..<linesPerBody { text += "- line \(line) of section \(section), version \(version) ✓\n" }
        return Array((text + "\n").utf8)
    }

    static func heading(_ section: Int) -> [UInt8] { Array("## S\(section)\n".utf8) }
    static let preamble = Array("# Crash test\n\n".utf8)

    static func file(versions: [Int]) -> [UInt8] {
        var bytes = preamble
        for (section, version) in versions.enumerated() { bytes += heading(section) + body(section, version) }
        return bytes
    }

    /// The version of each section when `bytes` is exactly a file some writer could have
    /// produced (preamble, headings and bodies byte for byte), else nil.
    static func versions(in bytes: [UInt8]) -> [Int]? {
        guard bytes.starts(with: preamble) else { return nil }
        var position = preamble.count
        var found: [Int] = []
        for section in 0..<sections {
            let heading = heading(section)
            guard bytes[position...].starts(with: heading) else { return nil }
            position += heading.count
            guard let version = (0..<versions).first(where: { bytes[position...].starts(with: body(section, $0)) }) else { return nil }
            position += body(section, version).count
            found.append(version)
        }
        return position == bytes.count ? found : nil
    }
}

@Suite("Writers killed at random moments", .serialized, .enabled(if: TestRun.stress, "a stress suite: set INSIGHTS_STRESS=1 to run it"))
struct CrashSafetyTests {
    static let kills = 200
    static let backgroundWriters = 3
    static let temporaryName = ".insights.md.insights-tmp"

    /// Starts `insights` with `arguments`, kills it with SIGKILL after `delay` microseconds
    /// (counted from the moment `waitFor` exists, when given), and says whether the kill
    /// landed (the process died of it rather than exiting first).
    static func startAndKill(_ arguments: [String], afterMicroseconds delay: UInt32, waitFor: String? = nil) throws -> Bool {
        let process = Process()
        process.executableURL = insightsBinary
        process.arguments = arguments
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        if let waitFor {
            // Aim at the write itself: wait for a temporary file to appear.
            var waited = 0
            while access(waitFor, F_OK) != 0, process.isRunning, waited < 2_000_000 {
                usleep(20)
                waited += 20
            }
        }
        usleep(delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    @Test("after every SIGKILL the file is one a writer produced, and the next update cleans up", .timeLimit(.minutes(5)))
    func killedWriters() throws {
        let seed = TestSeed.current(for: "crash test")
        var random = SeededRandom(seed: seed)
        try withSandbox { sandbox in
            let folder = sandbox.path("mem")
            let file = try sandbox.write("mem/insights.md", KnownVersions.file(versions: Array(repeating: 0, count: KnownVersions.sections)))
            var paths: [[String]] = []
            for section in 0..<KnownVersions.sections {
                paths.append(try (0..<KnownVersions.versions).map { try sandbox.write("bodies/s\(section)-v\($0).md", KnownVersions.body(section, $0)) })
            }
            let bodyFiles = paths
            @Sendable func update(_ section: Int, _ version: Int) -> [String] {
                ["update", "S\(section)", "--body-file", bodyFiles[section][version], "--no-stamp", "--lock-timeout", "60", "--file", file]
            }

            // How long one update takes here, to spread the kills over it.
            let start = ContinuousClock.now
            let first = try insights(update(0, 1))
            #expect(first.status == 0, "\(first)")
            let duration = ContinuousClock.now - start
            let microseconds = UInt32(max(2_000, min(500_000, duration.components.attoseconds / 1_000_000_000_000 + duration.components.seconds * 1_000_000)))

            let gate = Gate()
            let stop = Counter()
            let backgroundUpdates = Counter()
            let failures = Reports()
            let group = DispatchGroup()
            for writer in 0..<Self.backgroundWriters {
                group.enter()
                Thread {
                    defer { group.leave() }
                    var random = SeededRandom(seed: seed &+ UInt64(writer + 1))
                    while stop.value == 0 {
                        let arguments = update(random.int(0...(KnownVersions.sections - 1)), random.int(1...(KnownVersions.versions - 1)))
                        gate.shared {
                            do {
                                let outcome = try insights(arguments)
                                if outcome.status == 0 { backgroundUpdates.add() } else { failures.add("background writer: \(outcome)") }
                            } catch {
                                failures.add("background writer: \(error)")
                            }
                        }
                    }
                }.start()
            }

            var landed = 0
            var attempts = 0
            var staleTemporaries = 0
            while landed < Self.kills, attempts < Self.kills * 4, failures.all.isEmpty {
                attempts += 1
                // Half the kills at any moment of a run, half during a write.
                let duringWrite = attempts % 2 == 0
                let delay = UInt32.random(in: 0...(duringWrite ? 300 : microseconds * 3 / 2), using: &random)
                let arguments = update(random.int(0...(KnownVersions.sections - 1)), random.int(1...(KnownVersions.versions - 1)))
                guard try Self.startAndKill(arguments, afterMicroseconds: delay, waitFor: duringWrite ? folder + "/" + Self.temporaryName : nil) else { continue }
                landed += 1
                // Seen at once, before a writer running alongside takes the lock and removes it.
                if access(folder + "/" + Self.temporaryName, F_OK) == 0 { staleTemporaries += 1 }
                try gate.exclusive {
                    let bytes = try #require(sandbox.bytesOrNil("mem/insights.md"), "the file is gone after kill \(landed)")
                    let versions = KnownVersions.versions(in: bytes)
                    #expect(versions != nil, "after kill \(landed) (seed \(seed)) the file is not a version a writer produced")
                    #expect(Document(bytes).sections.map(\.title) == ["Crash test"] + (0..<KnownVersions.sections).map { "S\($0)" })
                    let names = try listing(folder)
                    #expect(names == ["insights.md"] || names == [Self.temporaryName, "insights.md"], "after kill \(landed): \(names)")
                    // The next update succeeds without any cleanup, and leaves no temporary file.
                    let next = try insights(update(landed % KnownVersions.sections, landed % (KnownVersions.versions - 1) + 1))
                    #expect(next.status == 0, "the update after kill \(landed): \(next)")
                    #expect(try listing(folder) == ["insights.md"], "after the update that followed kill \(landed)")
                    #expect(KnownVersions.versions(in: sandbox.bytesOrNil("mem/insights.md") ?? [])?[landed % KnownVersions.sections]
                            == landed % (KnownVersions.versions - 1) + 1)
                }
            }
            stop.add()
            #expect(group.wait(timeout: .now() + 120) == .success)
            #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
            print("crash test: seed \(seed): \(landed) writers killed by SIGKILL in \(attempts) attempts (delays up to \(microseconds * 3 / 2) µs), a temporary file was there right after \(staleTemporaries) kills (the next writer removes it), \(backgroundUpdates.value) updates by \(Self.backgroundWriters) writers running alongside")
            #expect(landed >= Self.kills, "only \(landed) of \(attempts) kills landed")
            #expect(staleTemporaries > 0, "no kill landed during a write: the test did not reach the window it is for")
        }
    }
}

extension Sandbox {
    /// The bytes of `relative`, nil when it does not exist.
    func bytesOrNil(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path(relative)).map { [UInt8]($0) }
    }
}
