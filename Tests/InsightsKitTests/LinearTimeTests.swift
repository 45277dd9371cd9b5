import Testing
@testable import InsightsKit
import TestSupport

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
        PathologicalInput("a deep run of list items, then lines indented for some of them", size: 25_000) { n in
            repeating("- ", n) + "a\n\n" + repeating(" ", n) + "b\n" + repeating("  c\n", n / 4) + repeating(" ", n / 2) + "- d\n"
        },
        PathologicalInput("a deep run of block quotes, then lines that continue some of them", size: 50_000) { n in
            repeating(">", n) + " a\n" + repeating("> b\n", n / 4) + repeating(">", n / 2) + "\n" + repeating(">> c\n", n / 4)
        },
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
        PathologicalInput("skipped lines that a fence sends back to be scanned", size: 50_000) { n in
            "# T\n" + repeating("\n", n) + "```\n" + repeating("text\n", n) + "```\n"
        },
        PathologicalInput("CRLF lines skipped past, then sent back to be scanned by an HTML start", size: 50_000) { n in
            "# T\r\n" + repeating("text\r\n", n) + "<div>\r\n" + repeating("## H\r\na\r\n<b>\r\n", n / 10)
        },
        PathologicalInput("headings between skipped lines and rescanned ones", size: 10_000) { n in
            repeating("## H\ntext\n\n---\n", n)
        },
        PathologicalInput("sections that are all new since the base", size: 3_000) { n in
            "# Title\n" + (0..<n).map { "## Section \($0)\nbody\n\n" }.joined()
        },
    ]

    /// Inputs for the section read alone, whose scan skims ahead and is sent back every 31
    /// lines, with each kind of line ending.
    static let sectionReads = ["\n", "\r\n", "\r"].map { end in
        PathologicalInput("lines ending in \(end.debugDescription) sent back to be scanned every 31 lines", size: 10_000) { n in
            "# T" + end + repeating(repeating("text" + end, 30) + "<b>" + end + end, n) + "## Last" + end + "body" + end
        }
    }
}

/// Each pathological input takes about twice as long at twice its size: the work is
/// linear. Timings are the best of several runs, the two sizes interleaved in the same
/// process, each run repeated enough to last a measurable time. Other load only makes a run
/// slower, never faster, so a ratio over the bound is measured again before it counts: a
/// quadratic case stays near 4 however often it is measured.
@Suite("Linear-time parsing of pathological inputs", .serialized, .enabled(if: TestRun.stress, "a stress suite: set INSIGHTS_STRESS=1 to run it"))
struct LinearTimeTests {
    static let repetitions = 5
    static let attempts = 3
    static let maximumRatio = 3.0
    static let minimumRunSeconds = 0.02

    static func seconds(_ work: () -> Void) -> Double {
        let start = ContinuousClock.now
        work()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Parsing, addressing the sections, reading the last one, validating the input as a
    /// body, and diffing it section by section against an empty base.
    static func process(_ bytes: [UInt8]) -> Int {
        let document = Document(bytes)
        var found = document.sections.count
        found &+= Document(bytes).sections.count
        let comparison = SectionComparison(old: Document([]), new: document)
        for index in comparison.changes.indices { found &+= comparison.hunks(at: index).count }
        if let last = document.sections.last {
            let address = SectionAddress(title: last.title, level: last.level)
            if (try? document.resolve(address)) != nil { found += 1 }
            // The section read, whose scan skims and rescans as it goes.
            if (try? bytes.withUnsafeBufferPointer({ try Document.excerpt(at: address, in: $0) })) != nil { found += 1 }
        }
        let host = Document(Array("# Host\n\n## Body\n\nold\n".utf8))
        if (try? host.applying(EditRequest(address: SectionAddress(title: "Body"), edit: .replace(bytes)))) != nil {
            found += 1
        }
        return found
    }

    @Test("work at size 2n is at most about twice the work at size n", arguments: PathologicalInput.all)
    func linear(_ input: PathologicalInput) {
        Self.expectLinear(input, Self.process)
    }

    @Test("reading the last section at size 2n takes at most about twice as long", arguments: PathologicalInput.sectionReads)
    func linearSectionRead(_ input: PathologicalInput) {
        Self.expectLinear(input) { bytes in
            let excerpt = try? bytes.withUnsafeBufferPointer { try Document.excerpt(at: SectionAddress(title: "Last"), in: $0) }
            return excerpt?.lineOffset ?? 0
        }
    }

    /// Times `work` on `input` at sizes n and 2n and expects the ratio to stay near 2.
    static func expectLinear(_ input: PathologicalInput, _ work: ([UInt8]) -> Int) {
        expectLinear(input.name, small: input.make(input.size), large: input.make(input.size * 2), maximumRatio: maximumRatio, work)
    }

    /// Times `work` on `small` and `large` (twice its size) and expects the ratio to stay at
    /// most `maximumRatio`.
    static func expectLinear<Input>(_ name: String, small: Input, large: Input, maximumRatio: Double, _ work: (Input) -> Int) {
        var sink = 0
        let once = Self.seconds { sink &+= work(small) }
        let iterations = max(1, Int((Self.minimumRunSeconds / max(once, 1e-6)).rounded(.up)))
        var smallTime = Double.infinity
        var largeTime = Double.infinity
        var ratio = Double.infinity
        for _ in 0..<Self.attempts where ratio > maximumRatio {
            for _ in 0..<Self.repetitions {
                smallTime = min(smallTime, Self.seconds { for _ in 0..<iterations { sink &+= work(small) } })
                largeTime = min(largeTime, Self.seconds { for _ in 0..<iterations { sink &+= work(large) } })
            }
            ratio = largeTime / smallTime
        }
        print("linear time: \(name): n in \((smallTime * 1000 / Double(iterations)).rounded()) ms, 2n in \((largeTime * 1000 / Double(iterations)).rounded()) ms, ratio \((ratio * 100).rounded() / 100) (\(sink))")
        #expect(ratio <= maximumRatio, "\(name): \(smallTime) s at n, \(largeTime) s at 2n")
    }
}
