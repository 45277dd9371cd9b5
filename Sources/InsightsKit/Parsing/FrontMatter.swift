/// YAML front matter: `---` alone on the first line, up to the next line that is `---` or
/// `...`. Without a closing line there is no front matter and the first line is markdown.
enum FrontMatter {
    /// The bytes a file with front matter starts with (after a byte order mark).
    static let opening = Array("---".utf8)

    /// The lines the front matter occupies, closing line included.
    static func lines(in bytes: UnsafeBufferPointer<UInt8>, _ table: LineTable, contentStart: Int) -> Range<Int>? {
        guard table.count >= 2, isFence(bytes, from: contentStart, to: table.contentEnds[0], allowDots: false) else {
            return nil
        }
        for line in 1..<table.count
        where isFence(bytes, from: table.starts[line], to: table.contentEnds[line], allowDots: true) {
            return 0..<(line + 1)
        }
        return nil
    }

    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, allowDots: Bool) -> Bool {
        var trimmedEnd = end
        while trimmedEnd > start, ASCII.isSpaceOrTab(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
        guard trimmedEnd - start == 3 else { return false }
        let first = bytes[start]
        guard first == ASCII.minus || (allowDots && first == ASCII.dot) else { return false }
        return bytes[start + 1] == first && bytes[start + 2] == first
    }

    /// When `file` opens front matter that is never closed (its first line is `---` alone and
    /// no later line closes it), the 0-based line of `text` that would close it if `text`
    /// were placed after that first line; nil otherwise.
    static func closingLine(in text: [UInt8], after file: [UInt8]) -> Int? {
        let bom = file.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var firstEnd = bom
        while firstEnd < file.count, file[firstEnd] != ASCII.lf, file[firstEnd] != ASCII.cr { firstEnd += 1 }
        let opens = file.withUnsafeBufferPointer { isFence($0, from: bom, to: firstEnd, allowDots: false) }
        guard opens else { return nil }
        let table = LineTable(text)
        return text.withUnsafeBufferPointer { buffer in
            (0..<table.count).first { isFence(buffer, from: table.starts[$0], to: table.contentEnds[$0], allowDots: true) }
        }
    }
}
