// libFuzzer target: any bytes are a document. Scanning never fails, the sections tile the
// file, every section is addressable or reported ambiguous, CRLF line endings give the
// same headings as LF, the scan that skips lines (when list items are not recorded) finds
// what the full scan finds, and a section read with the scan that stops at its end is the one
// the full scan finds. A violated property traps, which libFuzzer reports as a crash.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let document = Document(bytes, options: .full)
    var rebuilt = Array(bytes[..<(document.sections.first?.range.lowerBound ?? bytes.count)])
    for section in document.sections where section.parent == nil {
        rebuilt += bytes[section.range]
    }
    precondition(rebuilt == bytes, "the top-level sections do not tile the file")
    for section in document.sections {
        precondition(section.bodyRange.upperBound == section.range.upperBound && section.range.contains(section.bodyRange.lowerBound)
                     || section.bodyRange.isEmpty, "a body outside its section")
        let address = SectionAddress(title: section.title, level: section.level)
        if let match = try? document.resolve(address), let target = match.target {
            precondition(target.level == section.level && target.title == section.title, "an address leads elsewhere")
        }
        _ = document.lastUpdated(of: section)
        _ = document.fingerprint(of: section)
    }
    // A section read with the scan that stops at its end is the one the whole scan finds.
    for section in document.sections.prefix(8) {
        let address = SectionAddress(title: section.title, level: section.level)
        let expected = (try? document.section(at: address).target).map { "\($0.range) \($0.heading.firstLine)" }
        let excerpt = try? bytes.withUnsafeBufferPointer { try Document.excerpt(at: address, in: $0) }
        let read = excerpt.flatMap { excerpt in
            excerpt.match.target.map { target in
                let start = target.range.lowerBound + excerpt.byteOffset
                return "\(start..<(target.range.upperBound + excerpt.byteOffset)) \(target.heading.firstLine + excerpt.lineOffset)"
            }
        }
        precondition(expected == read, "a section read with the early-stopping scan differs")
    }
    var full = document.structure
    full.listItems = []
    precondition(BlockScanner.scan(bytes) == full, "the scan that skips lines finds other headings")
    if !bytes.contains(UInt8(ascii: "\r")) {
        var crlf: [UInt8] = []
        crlf.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { crlf.append(UInt8(ascii: "\r")) }
            crlf.append(byte)
        }
        let lf = document.sections.map { "\($0.level) \($0.heading.firstLine) \($0.title)" }
        let other = Document(crlf).sections.map { "\($0.level) \($0.heading.firstLine) \($0.title)" }
        precondition(lf == other, "CRLF changes the headings")
    }
    return 0
}
