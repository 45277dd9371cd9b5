import Foundation
import Testing

/// Collects what worker threads report.
final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

@Suite("Concurrent writers")
struct ConcurrencyTests {
    static let workers = 8
    static let rounds = 25

    @Test("8 processes × 25 updates lose nothing", .timeLimit(.minutes(2)))
    func concurrentUpdatesLoseNothing() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("mem/insights.md", "# Team\n")
            let failures = Reports()
            let group = DispatchGroup()

            for worker in 0..<Self.workers {
                group.enter()
                let thread = Thread {
                    defer { group.leave() }
                    for round in 1...Self.rounds {
                        let runs: [[String]] = [
                            ["update", "Agent \(worker)", "--body", "agent \(worker) counter \(round)\n", "--no-stamp"],
                            ["update", "Shared", "--append", "--body", "- p\(worker)-\(round)\n", "--no-stamp"],
                        ]
                        for arguments in runs {
                            do {
                                let outcome = try insights(arguments + ["--lock-timeout", "60", "--file", file])
                                if outcome.status != 0 { failures.add("\(arguments): \(outcome)") }
                            } catch {
                                failures.add("\(arguments): \(error)")
                            }
                        }
                    }
                }
                thread.start()
            }
            #expect(group.wait(timeout: .now() + 110) == .success, "the workers did not finish in time")
            #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")

            for worker in 0..<Self.workers {
                let read = try insights(["read", "Agent \(worker)", "--file", file])
                #expect(read.status == 0, "\(read)")
                let expected = "agent \(worker) counter \(Self.rounds)\n"
                #expect(read.out == expected || read.out == expected + "\n", "Agent \(worker): \(read.out)")
            }

            let shared = try insights(["read", "Shared", "--file", file])
            #expect(shared.status == 0, "\(shared)")
            let lines = shared.out.split(separator: "\n").filter { $0.hasPrefix("- p") }.map(String.init)
            let expected = Set((0..<Self.workers).flatMap { worker in (1...Self.rounds).map { "- p\(worker)-\($0)" } })
            #expect(lines.count == Self.workers * Self.rounds, "\(lines.count) appended lines")
            #expect(Set(lines) == expected)
            // Each process's appends are in its own order.
            for worker in 0..<Self.workers {
                let own = lines.filter { $0.hasPrefix("- p\(worker)-") }
                #expect(own == (1...Self.rounds).map { "- p\(worker)-\($0)" })
            }

            let list = try insights(["list", "--json", "--file", file])
            #expect(list.status == 0, "\(list)")
            let sections = try #require(try list.json()["sections"] as? [[String: Any]])
            let titles = sections.compactMap { $0["title"] as? String }
            #expect(titles.count == Self.workers + 2)
            #expect(Set(titles) == Set(["Team", "Shared"] + (0..<Self.workers).map { "Agent \($0)" }))
            #expect(titles.first == "Team")

            #expect(try listing(sandbox.path("mem")) == ["insights.md"])
        }
    }

    @Test("8 processes creating the file and its folders at once", .timeLimit(.minutes(1)))
    func concurrentCreation() throws {
        try withSandbox { sandbox in
            let file = sandbox.path("a/b/c/insights.md")
            let failures = Reports()
            let group = DispatchGroup()
            for worker in 0..<Self.workers {
                group.enter()
                Thread {
                    defer { group.leave() }
                    for round in 1...3 {
                        do {
                            let outcome = try insights(["update", "Shared", "--append", "--body", "- p\(worker)-\(round)",
                                                        "--no-stamp", "--lock-timeout", "60", "--file", file])
                            if outcome.status != 0 { failures.add("\(outcome)") }
                        } catch {
                            failures.add("\(error)")
                        }
                    }
                }.start()
            }
            #expect(group.wait(timeout: .now() + 50) == .success)
            #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")
            let lines = try #require(text(at: file)).split(separator: "\n").filter { $0.hasPrefix("- p") }
            #expect(lines.count == Self.workers * 3)
            #expect(Set(lines).count == Self.workers * 3)
            #expect(try #require(text(at: file)).components(separatedBy: "## Shared").count == 2, "one section")
            #expect(try listing(sandbox.path("a/b/c")) == ["insights.md"])
        }
    }
}
