import Foundation

/// Test fixtures vendored under `Tests/Fixtures`, found through `#filePath`.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    /// The files of a fixture folder, sorted by name.
    static func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".md") }
            .sorted()
            .map { "\(folder)/\($0)" }
    }

    /// One example of the CommonMark 0.31.2 spec.
    struct SpecExample: Sendable, CustomTestStringConvertible {
        let number: Int
        let section: String
        let markdown: String
        let html: String
        var testDescription: String { "example \(number) (\(section))" }
    }

    static let specExamples: [SpecExample] = {
        guard let data = try? Data(contentsOf: root.appendingPathComponent("commonmark/spec-0.31.2.json")),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return list.map {
            SpecExample(number: $0["example"] as? Int ?? 0, section: $0["section"] as? String ?? "",
                        markdown: $0["markdown"] as? String ?? "", html: $0["html"] as? String ?? "")
        }
    }()
}

import Testing
