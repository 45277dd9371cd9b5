import Foundation
import InsightsKit
import TestSupport
import Testing

@Suite("Load: many processes on one file", .serialized, .enabled(if: TestRun.stress, "a stress suite: set INSIGHTS_STRESS=1 to run it"))
struct LoadTests {
    static let workers = 32
    static let rounds = 50

    /// What round `round` of `worker` runs: a replace of its own section, an append to a
    /// shared section, or a `set` of its own key in a shared section, in turn.
    static func arguments(worker: Int, round: Int) -> [String] {
        switch round % 3 {
        case 0: return ["update", "Agent \(worker)", "--body", "agent \(worker) round \(round)\n"]
        case 1: return ["update", "Shared", "--append", "--body", "- p\(worker)-\(round)\n"]
        default: return ["set", "Keys", "k\(worker)", "v\(round)"]
        }
    }

    @Test("32 processes × 50 updates (replace, append, set) lose no update", .timeLimit(.minutes(5)))
    func noLostUpdates() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("mem/insights.md", "# Team\n\n## Keys\n\n- **k-none**: nothing\n")
            let failures = Reports()
            let group = DispatchGroup()
            let start = ContinuousClock.now
            for worker in 0..<Self.workers {
                group.enter()
                Thread {
                    defer { group.leave() }
                    for round in 1...Self.rounds {
                        let arguments = Self.arguments(worker: worker, round: round)
                        do {
                            let outcome = try insights(arguments + ["--no-stamp", "--lock-timeout", "120", "--file", file])
                            if outcome.status != 0 { failures.add("\(arguments): \(outcome)") }
                        } catch {
                            failures.add("\(arguments): \(error)")
                        }
                    }
                }.start()
            }
            #expect(group.wait(timeout: .now() + 280) == .success, "the workers did not finish in time")
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let updates = Self.workers * Self.rounds
            print("load test: \(Self.workers) processes × \(Self.rounds) updates = \(updates) updates (replace, append, set) in \((seconds * 10).rounded() / 10) s: \(Int(Double(updates) / seconds)) updates/s")
            #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")

            let final = try #require(bytes(at: file))
            let document = Document(final)
            func body(_ title: String) throws -> String {
                let section = try #require(document.sections.first { $0.title == title }, "no section \(title)")
                return String(decoding: final[section.bodyRange], as: UTF8.self)
            }
            let rounds = Array(1...Self.rounds)
            for worker in 0..<Self.workers {
                // The last replace of each worker is there, under the blank line a created
                // section gets below its heading.
                let last = try #require(rounds.last { $0 % 3 == 0 })
                #expect(try body("Agent \(worker)").hasPrefix("\nagent \(worker) round \(last)\n"), "Agent \(worker)")
            }
            // Every append is there once, each worker's in its own order.
            let appended = try body("Shared").split(separator: "\n").filter { $0.hasPrefix("- p") }.map(String.init)
            let expected = (0..<Self.workers).flatMap { worker in rounds.filter { $0 % 3 == 1 }.map { "- p\(worker)-\($0)" } }
            #expect(appended.count == expected.count)
            #expect(Set(appended) == Set(expected))
            for worker in 0..<Self.workers {
                #expect(appended.filter { $0.hasPrefix("- p\(worker)-") } == rounds.filter { $0 % 3 == 1 }.map { "- p\(worker)-\($0)" })
            }
            // Every key holds its worker's last value, once.
            let keys = try body("Keys").split(separator: "\n").map(String.init)
            let lastSet = try #require(rounds.last { $0 % 3 == 2 })
            for worker in 0..<Self.workers {
                #expect(keys.filter { $0.hasPrefix("- **k\(worker)**:") } == ["- **k\(worker)**: v\(lastSet)"], "k\(worker)")
            }
            #expect(keys.contains("- **k-none**: nothing"))
            #expect(document.sections.map(\.title).sorted() == (["Team", "Keys", "Shared"] + (0..<Self.workers).map { "Agent \($0)" }).sorted())
            #expect(try listing(sandbox.path("mem")) == ["insights.md"])
        }
    }
}
