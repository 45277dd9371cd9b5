import Foundation
@testable import InsightsKit
import Testing
import TestSupport

/// `ByteText`: any bytes through a string and back, unchanged.
@Suite("ByteText")
struct ByteTextTests {
    @Test("bytes survive the trip through a string, whatever they are")
    func roundTrip() {
        var random = SeededRandom(seed: 15)
        let pieces: [[UInt8]] = [[0xFF], [0x80], [0xC3], [0xC3, 0xA9], [0xE2, 0x82], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x8F, 0xBE, 0x80],
                                 [0xF0, 0x9F, 0x8E, 0x89], [0xED, 0xA0, 0x80], Array("a/b".utf8), [0x0A], [0x00]]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<8, using: &random) {
                bytes += Int.random(in: 0..<3, using: &random) == 0 ? [UInt8.random(in: 0...255, using: &random)] : pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            let text = ByteText.string(bytes)
            #expect(ByteText.bytes(of: text) == bytes, "\(bytes)")
            let valid = String(validating: bytes, as: UTF8.self)
            #expect(ByteText.validated(text) == (bytes.contains(0) ? nil : valid), "\(bytes)")
            #expect(!ByteText.shown(text).contains { $0.isNewline }, "\(bytes)")
        }
    }

    @Test("UTF-8 stands for itself, and a shown byte is escaped")
    func plainText() {
        #expect(ByteText.string(Array("café 🎉".utf8)) == "café 🎉")
        #expect(ByteText.shown(ByteText.string([0x61, 0xFF, 0x0A, 0x1B])) == "a\\xFF\\n\\x1B")
    }

    @Test("InsightsFile(pathBytes:) writes the file of exactly that name")
    func fileAtBytePath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insights-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = Array(folder.path.utf8) + Array("/notes".utf8) + [0xFF] + Array(".md".utf8)
        let file = InsightsFile(pathBytes: path)
        try file.update(SectionAddress(title: "Notes"), body: "text\n", options: EditOptions(stamp: false))
        #expect(try file.read() == Array("## Notes\ntext\n".utf8))
        #expect(try POSIX.fileNames(in: folder.path).map { ByteText.bytes(of: $0) } == [Array("notes".utf8) + [0xFF] + Array(".md".utf8)])
    }
}
