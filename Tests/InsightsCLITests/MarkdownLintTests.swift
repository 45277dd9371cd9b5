import Foundation
import Testing

/// Files written by every command pass markdownlint's layout rules (`Scripts/markdown-lint`,
/// which `.ci/run` runs and which installs pymarkdownlnt into `.build/lint-venv`).
@Suite("Lint-clean writes")
struct MarkdownLintTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let linter = root.appendingPathComponent(".build/lint-venv/bin/pymarkdown")
    static let installed = FileManager.default.isExecutableFile(atPath: linter.path)

    @Test("every writing command leaves no MD009, MD012, MD022, MD032, MD041 or MD047 finding",
          .enabled(if: installed, "pymarkdownlnt is not installed in .build/lint-venv: run Scripts/markdown-lint once (.ci/run does)"))
    func writesAreLintClean() throws {
        let process = Process()
        process.executableURL = Self.root.appendingPathComponent("Scripts/markdown-lint")
        var environment = ProcessInfo.processInfo.environment
        environment["INSIGHTS_BINARY"] = insightsBinary.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("no MD009, MD012, MD022, MD032, MD041 or MD047 finding"), "\(text)")
    }
}
