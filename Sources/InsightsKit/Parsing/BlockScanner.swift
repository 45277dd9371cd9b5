/// Phase one of CommonMark parsing (the block structure), reduced to what sections need:
/// which lines are top-level headings. One linear pass over the lines; containers (block
/// quotes, list items) are matched line by line with lazy continuation, leaves are opened
/// and closed exactly as the reference implementation does. Inline content is never parsed,
/// except link reference definitions where they decide whether a setext underline makes a
/// heading. Every byte string is a document: scanning never fails.
package enum BlockScanner {
    /// Scans `bytes` and returns its top-level headings.
    package static func scan(_ bytes: [UInt8], lines: LineTable, options: ScanOptions = ScanOptions()) -> BlockStructure {
        bytes.withUnsafeBufferPointer { buffer in
            var scan = ScanDriver(parser: ScanState(bytes: buffer, window: LineWindow(lines)))
            return scan.run(options: options)
        }
    }

    /// Scans `bytes` for the section of the first heading of `stop.level` titled
    /// `stop.title`, until a heading of that level or a higher rank ends it (or to the end).
    /// The structure returned holds that heading and those after it up to there (the one that
    /// ends the section included): the headings before it are recognised, so that every later
    /// line is scanned as in a full scan, but not kept; their lines are not kept either. Nil
    /// when the section is not there, or a second heading with its title and level follows it
    /// (the name is ambiguous): only a full scan can tell what is wrong then.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, options: ScanOptions, stop: StopRule) -> StoppedScan? {
        var scan = ScanDriver(parser: ScanState(bytes: bytes, window: LineWindow(findingIn: bytes)))
        scan.parser.stopRule = stop
        let structure = scan.run(options: options)
        let scanner = scan.parser
        guard let rule = scanner.stopRule, let start = rule.foundAt else { return nil }
        guard let stop = scanner.stoppedAfter else {
            return StoppedScan(structure: structure, section: start..<bytes.count, rest: bytes.count)
        }
        if stop + 1 >= scan.parser.lineCount { _ = scan.findLine() }
        return StoppedScan(structure: structure, section: start..<scan.parser.stopHeadingStart, rest: scan.parser.end(ofLine: stop))
    }

    /// Scans `bytes`, building its line table.
    package static func scan(_ bytes: [UInt8], options: ScanOptions = ScanOptions()) -> BlockStructure {
        scan(bytes, lines: LineTable(bytes), options: options)
    }
}

/// What a scan that stopped at a section's end found.
struct StoppedScan {
    /// The section's heading and the headings after it, to the one that ended it.
    var structure: BlockStructure
    /// The section's bytes: from the start of its heading's first line (the start of the
    /// bytes for the first line) to the start of the heading that ended it, or the end.
    var section: Range<Int>
    /// Where the bytes after the last line scanned start.
    var rest: Int
}

/// When a scan may stop: after the section of the first heading of `level` titled `title`
/// has ended.
struct StopRule {
    var level: Int
    var title: String
    /// Words that a heading must hold, each between white space, to have that title
    /// (`SectionLookup.proofWords`): a heading that lacks one is passed over without making a
    /// string of its title.
    var words: [[UInt8]]
    /// Where that heading starts, once found.
    var foundAt: Int?

    /// Whether the heading titled by `range` of `bytes` may have the wanted title.
    func mayBeTitled(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let title = UnsafeBufferPointer(rebasing: bytes[range])
        return words.allSatisfy { SectionLookup.lastTitleWord($0, in: title) != nil }
    }
}
