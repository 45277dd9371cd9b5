/// The lines a scan has found, numbered in the whole file: all of a file's lines, or, when the
/// scan finds them as it goes (a section read of a mapped file), those since it last skimmed
/// ahead, which a rescan may need, starting at line `base`.
struct LineWindow {
    /// The lines held, line `base` first.
    private(set) var table: LineTable
    /// The number in the file of the first line held.
    private(set) var base = 0
    /// Where the lines not yet found start, when they are found as the scan goes.
    private(set) var cursor: LineCursor?

    /// All the lines of a file, found already.
    init(_ table: LineTable) {
        self.table = table
    }

    /// The lines of `bytes`, to be found as the scan goes.
    init(findingIn bytes: UnsafeBufferPointer<UInt8>) {
        table = LineTable(windowOver: bytes.count)
        cursor = bytes.baseAddress.map { LineCursor(base: $0, count: bytes.count) }
    }

    /// Whether lines are found as the scan goes.
    var findsAsItGoes: Bool { cursor != nil }

    /// The number of lines found so far.
    var count: Int { base + table.count }

    /// Byte offset where line `index` starts.
    @inline(__always) func start(ofLine index: Int) -> Int { table.line(index - base).start }

    /// Byte offset where line `index`'s content ends.
    @inline(__always) func contentEnd(ofLine index: Int) -> Int { table.line(index - base).contentEnd }

    /// Line `index`: where it starts, where its content ends and where its line ending ends.
    @inline(__always) func line(_ index: Int) -> (start: Int, contentEnd: Int, end: Int) { table.line(index - base) }

    /// Adds the next lines (a few hundred at a time); false when there is none left.
    mutating func findMore() -> Bool {
        guard var next = cursor else { return false }
        let found = table.append(from: &next)
        cursor = found ? next : nil
        return found
    }

    /// The cursor over the lines not found yet, the lines held dropped: a scan that skims
    /// takes lines straight from it.
    mutating func takeCursor() -> LineCursor? {
        guard let cursor else { return nil }
        table.removeAll()
        return cursor
    }

    /// Starts the window again at line `index`, with `cursor` positioned at its start.
    mutating func restart(atLine index: Int, _ cursor: LineCursor) {
        table.removeAll()
        base = index
        self.cursor = cursor
    }
}
