import Testing
@testable import InsightsKit

/// An edit finds the edited section in the new file without scanning it; these tests scan
/// the new file in full and require the same answer.
@Suite("Edit results agree with a full scan of the new file")
struct EditResultTests {
    /// Every request tried on every section: replace, append, prepend, keep, a created
    /// subsection, and (with a date) the stamp.
    static func requests(for address: SectionAddress) -> [EditRequest] {
        let body = Array("New text ✓\n\n- **Key**: value\n".utf8)
        var created = address
        created.subsections.append("Created Here")
        return [
            EditRequest(address: address, edit: .replace(body)),
            EditRequest(address: address, edit: .append(body), stampDate: "2026-11-22"),
            EditRequest(address: address, edit: .prepend(body)),
            EditRequest(address: address, edit: .keep, stampDate: "2026-11-22"),
            EditRequest(address: created, edit: .replace(body)),
        ]
    }

    static func expectAgreement(_ result: EditResult, _ request: EditRequest, _ name: String) {
        let scanned = result.document
        let joined = result.pieces.reduce(into: [UInt8]()) { $0 += $1 }
        #expect(joined == scanned.bytes, "\(name): pieces")
        let fromScan = try? scanned.resolve(request.address).target
        #expect(result.section == fromScan, "\(name): \(request.address) \(request.edit)")
        #expect(result.fingerprint == (fromScan.map { scanned.fingerprint(of: $0) } ?? Fingerprint.absent), "\(name): fingerprint")
    }

    @Test("every edit of every section of every fixture", arguments: RoundTripCase.edited)
    func everySection(_ testCase: RoundTripCase) throws {
        let document = Document(testCase.bytes, options: .full)
        for section in document.sections {
            guard let address = address(of: section, in: document) else { continue }
            for request in Self.requests(for: address) {
                guard let result = try? document.applying(request) else { continue }
                Self.expectAgreement(result, request, testCase.name)
            }
        }
    }

    @Test("a section created at the end of every fixture", arguments: RoundTripCase.all)
    func createdAtEnd(_ testCase: RoundTripCase) throws {
        let document = Document(testCase.bytes, options: .full)
        let requests = [
            EditRequest(address: SectionAddress(title: "Brand New"), edit: .replace(Array("text\n".utf8)), stampDate: "2026-11-22"),
            EditRequest(address: SectionAddress(title: "Brand New", subsections: ["Inner"]), edit: .replace(Array("text\n".utf8))),
            EditRequest(address: SectionAddress(title: "Top", level: 1), edit: .keep),
        ]
        for request in requests {
            guard let result = try? document.applying(request) else { continue }
            Self.expectAgreement(result, request, testCase.name)
        }
    }

    @Test("removing a section leaves what a full scan finds")
    func removal() throws {
        let file = Array("# Top\n\n## A\n\na\n\n### A1\n\nx\n\n## B\n\nb\n".utf8)
        for address in [SectionAddress(title: "A"), SectionAddress(title: "A", subsections: ["A1"]), SectionAddress(title: "B")] {
            let result = try Document(file).applying(EditRequest(address: address, edit: .remove))
            #expect(result.section == nil)
            #expect(result.fingerprint == Fingerprint.absent)
            #expect(result.bytes == result.document.bytes)
            #expect(result.changed)
        }
    }
}
