// libFuzzer target for update validation: the input is split at its first NUL into a
// document and a body (without one: a fuzzed body into a fixed document, and the fixed body
// into the input as a document). Each edit is either refused with an `InsightsError`, or
// accepted and then keeps every byte outside the section and every heading outside it.

let fixedDocument = Array("""
    # Team Memory

    Preamble text.

    ## System Architecture

    ### Key Decisions
    - **Database Choice**: PostgreSQL

    Last updated: 2026-01-01

    ## Frontend Patterns

    Setext
    ------

    ```
    ## not a heading
    ```

    """.utf8)
let fixedBody = Array("- **Note**: text\n\n### Deeper\n\n```\ncode\n```\n".utf8)

/// Applies every kind of edit of `body` to every section of `bytes`, checking each result.
func check(document bytes: [UInt8], body: [UInt8]) {
    let document = Document(bytes)
    for section in document.sections.prefix(8) {
        var chain = [section]
        while let parent = chain[0].parent { chain.insert(document.sections[parent], at: 0) }
        let address = SectionAddress(title: chain[0].title, level: chain[0].level, subsections: chain.dropFirst().map(\.title))
        guard let match = try? document.resolve(address), match.target == section else { continue }
        for edit in [SectionEdit.replace(body), .append(body), .prepend(body), .keep, .remove] {
            let result: EditResult
            do {
                result = try document.applying(EditRequest(address: address, edit: edit))
            } catch is InsightsError {
                continue
            } catch {
                preconditionFailure("an error that is not an InsightsError: \(error)")
            }
            let new = result.bytes
            let tail = bytes.count - section.range.upperBound
            precondition(new.count >= tail && new.suffix(tail).elementsEqual(bytes.suffix(tail)), "bytes after the section changed")
            if edit != .remove {
                let headingEnd = document.lines.contentEnds[section.heading.lastLine]
                precondition(new.prefix(headingEnd).elementsEqual(bytes.prefix(headingEnd)), "bytes before the body changed")
                let before = document.sections.filter { $0.range.lowerBound < section.range.lowerBound || $0.range.lowerBound >= section.range.upperBound }
                let after = result.document.sections.filter { $0.range.lowerBound < section.range.lowerBound || $0.range.lowerBound >= new.count - tail }
                precondition(before.map(\.title) == after.map(\.title) && before.map(\.level) == after.map(\.level), "headings outside the section changed")
            }
            if edit == .keep { precondition(!result.changed, "keeping a section without a stamp changed the file") }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUpdate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let split = bytes.firstIndex(of: 0) {
        check(document: Array(bytes[..<split]), body: Array(bytes[(split + 1)...]))
    } else {
        check(document: fixedDocument, body: bytes)
        check(document: bytes, body: fixedBody)
    }
    return 0
}
