import Testing
@testable import InsightsKit

/// A family of pathological inputs: `make(n)` builds one of size proportional to `n`.
struct PathologicalInput: Sendable, CustomTestStringConvertible {
    let name: String
    /// The size used for the smaller run (the larger is twice this).
    let size: Int
    let make: @Sendable (Int) -> [UInt8]
    var testDescription: String { name }

    init(_ name: String, size: Int, _ make: @escaping @Sendable (Int) -> String) {
        self.name = name
        self.size = size
        self.make = { Array(make($0).utf8) }
    }

    static func repeating(_ text: String, _ count: Int) -> String {
        String(repeating: text, count: count)
    }

    static let all: [PathologicalInput] = [
        PathologicalInput("nested block quotes on one line", size: 50_000) { repeating(">", $0) + " a\n" + repeating(">", $0) + " b\nlazy\n" },
        PathologicalInput("block quotes 100 deep on every line", size: 300) { repeating(repeating(">", 100) + " q\n", $0) },
        PathologicalInput("a run of backticks opening a fence", size: 50_000) { repeating("`", $0) + "\ncode\n" + repeating("`", $0 - 1) + "\n" },
        PathologicalInput("a run of backticks in a paragraph", size: 50_000) { "a " + repeating("`", $0) + " b\n" },
        PathologicalInput("one 1 MB line", size: 500_000) { repeating("word ", $0 / 5) + "\n" },
        PathologicalInput("list items", size: 25_000) { repeating("- item\n", $0) },
        PathologicalInput("deeply nested list on one line, then blank lines", size: 5_000) { n in
            repeating("- ", n) + "x\n" + repeating("\n", n) + "## After\n"
        },
        PathologicalInput("lists nested 50 deep, a level per line, repeated", size: 15) { n in
            repeating((0..<50).map { repeating("  ", $0) + "- x\n" }.joined(), n)
        },
        PathologicalInput("nested list markers on one line ending in text", size: 10_000) { repeating("- * ", $0) + "x\n" + repeating("* - ", $0) + "\n" },
        PathologicalInput("deeply nested block quotes and lists, then blank lines", size: 5_000) { n in
            repeating("> - ", n) + "x\n" + repeating("\n", n)
        },
        PathologicalInput("unclosed <div> lines", size: 15_000) { repeating("<div>\n", $0) },
        PathologicalInput("unclosed <!-- lines", size: 15_000) { repeating("<!-- a\n", $0) },
        PathologicalInput("unclosed <pre> in one HTML block", size: 25_000) { "<pre>\n" + repeating("text <b>\n", $0) },
        PathologicalInput("many unclosed fences in list items", size: 3_000) { repeating("- ```\n", $0) },
        PathologicalInput("fences that never close", size: 20_000) { repeating("```a\n~~~\n", $0) },
        PathologicalInput("link reference definitions before an underline", size: 5_000) { repeating("[a]: /url\n", $0) + "===\n" },
        PathologicalInput("unclosed link labels before an underline", size: 20_000) { repeating("[a\n", $0) + "---\n" },
        PathologicalInput("unclosed link titles before an underline", size: 10_000) { repeating("[a]: /u\n'x\n", $0) + "---\n" },
        PathologicalInput("emphasis-like stars", size: 50_000) { repeating("*a ", $0) + "\n" + repeating("**", $0) + "\n" },
        PathologicalInput("setext underlines", size: 5_000) { repeating("a\n===\n", $0) + repeating("---\n", $0) },
        PathologicalInput("tabs before a marker", size: 50_000) { repeating("\t", $0) + "- x\n" + repeating(" \t>", $0) + "\n" },
    ]
}

/// Each pathological input takes about twice as long at twice its size: the work is
/// linear. Timings are the best of several runs, measured in the same process.
@Suite("Linear-time parsing of pathological inputs", .serialized)
struct LinearTimeTests {
    static let repetitions = 3
    static let maximumRatio = 3.0

    /// The best of `repetitions` timings of `work`, in seconds.
    static func bestTime(_ work: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            work()
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }

    /// Parsing, addressing the sections, and validating the input as a body.
    static func process(_ bytes: [UInt8]) -> Int {
        let document = Document(bytes)
        var found = document.sections.count
        if let last = document.sections.last, (try? document.resolve(SectionAddress(title: last.title, level: last.level))) != nil {
            found += 1
        }
        let host = Document(Array("# Host\n\n## Body\n\nold\n".utf8))
        if (try? host.applying(EditRequest(address: SectionAddress(title: "Body"), edit: .replace(bytes)))) != nil {
            found += 1
        }
        return found
    }

    @Test("work at size 2n is at most about twice the work at size n", arguments: PathologicalInput.all)
    func linear(_ input: PathologicalInput) {
        let small = input.make(input.size)
        let large = input.make(input.size * 2)
        var sink = 0
        let smallTime = Self.bestTime { sink &+= Self.process(small) }
        let largeTime = Self.bestTime { sink &+= Self.process(large) }
        let ratio = largeTime / max(smallTime, 1e-6)
        print("linear time: \(input.name): \(small.count) bytes in \(Int(smallTime * 1000)) ms, \(large.count) bytes in \(Int(largeTime * 1000)) ms, ratio \((ratio * 100).rounded() / 100) (\(sink))")
        #expect(ratio <= Self.maximumRatio, "\(input.name): \(smallTime) s at n, \(largeTime) s at 2n")
    }
}
