// libFuzzer target: any bytes are a file to check, alone and against a base. The input is
// split at its first NUL byte (when it has one) into the file and its base, and the file is
// also checked against itself and against nothing. `check` never crashes and never fails on
// its own input (it throws only for an ambiguous allowed section, and none is given); every
// finding's line is a line of the file. A violated property traps, which libFuzzer reports.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0)
    let file = split.map { Array(bytes[..<$0]) } ?? bytes
    let base = split.map { Array(bytes[($0 + 1)...]) }
    let document = Document(file)
    for options in [CheckOptions(budgets: [], today: "2026-01-01"),
                    CheckOptions(base: base ?? file, maxLines: 5, budgets: [], today: "2026-01-01"),
                    CheckOptions(base: [], budgets: [], strict: true, today: "2026-01-01")] {
        guard let report = try? Check.run(document, options: options) else {
            preconditionFailure("check threw without an allowed section")
        }
        for finding in report.findings {
            if let line = finding.line {
                precondition(line >= 1 && line <= document.lines.count + 1, "a finding on a line the file does not have")
            }
        }
    }
    return 0
}
