/// The top-level headings a scan finds, in document order, kept small: a file of nothing but
/// headings must not cost many times its own size. Each heading takes three bytes (its first
/// line, counted from the first line of its block of 32 headings, and one byte for its
/// level, style and number of lines) and two bytes' share of two summaries of each such
/// block, from which the heading that encloses one, and the heading that ends its section,
/// are found without a walk over the whole list. Titles are not kept: `SectionList` reads
/// them from the bytes when asked.
package struct HeadingList: RandomAccessCollection, Sendable, Equatable {
    /// Where a heading is: its level, style and lines.
    package struct Place: Sendable, Equatable {
        /// 1 to 6.
        package let level: Int
        /// ATX or setext.
        package let style: Heading.Style
        /// 0-based index of the heading's first line.
        package let firstLine: Int
        /// 0-based index of the heading's last line (the underline of a setext heading).
        package let lastLine: Int
    }

    /// Each heading's first line less the first line of its block's first heading;
    /// `UInt16.max` when that is in `farLines`.
    private var lineOffsets: [UInt16] = []
    /// The first line of the headings whose line offset does not fit `lineOffsets`.
    private var farLines: [Int: Int] = [:]
    /// Each heading's level (low three bits), whether it is a setext heading (bit 3) and its
    /// last line less its first (high four bits; 15 when that is in `longSpans`).
    private var kinds: [UInt8] = []
    /// Last line less first line of the headings for which that is 15 or more.
    private var longSpans: [Int: Int] = [:]
    /// For every 32 headings: in lanes 0 to 4, the last heading of level 1 to 5 before them
    /// (-1 for none); in lane 6, the first line of the first of them.
    private var blocks: [SIMD8<Int32>] = []
    /// For every 32 headings, once the list is complete (`finish`): in lanes 0 to 5, the
    /// first heading after them of level 1 to 6 or lower (`count` for none).
    private var sectionEnds: [SIMD8<Int32>] = []
    /// The last heading of each level so far, as `blocks` keeps it.
    private var lastOfLevel = SIMD8<Int32>(repeating: -1)

    private static let blockSize = 32
    private static let firstLineLane = 6
    private static let longSpan = 15

    /// An empty list.
    package init() {}

    /// The first heading.
    package var startIndex: Int { 0 }
    /// The number of headings.
    package var endIndex: Int { kinds.count }
    /// The number of headings.
    package var count: Int { kinds.count }

    /// Adds the heading of `level` and `style` on lines `firstLine...lastLine`, after those
    /// added so far.
    mutating func append(level: Int, style: Heading.Style, firstLine: Int, lastLine: Int) {
        let index = kinds.count
        if index % Self.blockSize == 0 {
            var block = lastOfLevel
            block[Self.firstLineLane] = Int32(truncatingIfNeeded: firstLine)
            blocks.append(block)
        }
        let block = blocks.count - 1
        if level <= 5 { lastOfLevel[level - 1] = Int32(index) }
        let span = lastLine - firstLine
        if span >= Self.longSpan { longSpans[index] = span }
        let offset = firstLine - Int(blocks[block][Self.firstLineLane])
        if offset >= Int(UInt16.max) { farLines[index] = firstLine }
        lineOffsets.append(UInt16(Swift.min(offset, Int(UInt16.max))))
        kinds.append(UInt8(level) | (style == .setext ? 8 : 0) | UInt8(Swift.min(span, Self.longSpan)) << 4)
    }

    /// The heading at `index`.
    package subscript(index: Int) -> Place {
        let kind = kinds[index]
        let offset = lineOffsets[index]
        let firstLine = offset == UInt16.max ? farLines[index] ?? 0
            : Int(blocks[index / Self.blockSize][Self.firstLineLane]) + Int(offset)
        let span = Int(kind >> 4)
        return Place(level: Int(kind & 7), style: kind & 8 == 0 ? .atx : .setext, firstLine: firstLine,
                     lastLine: firstLine + (span == Self.longSpan ? longSpans[index] ?? span : span))
    }

    /// The level of the heading at `index`.
    package func level(at index: Int) -> Int {
        Int(kinds[index] & 7)
    }

    /// The index of the heading that encloses the one at `index`: the nearest before it of a
    /// lower level.
    package func parent(of index: Int) -> Int? {
        let level = level(at: index)
        let blockStart = index - index % Self.blockSize
        var before = index - 1
        while before >= blockStart {
            if self.level(at: before) < level { return before }
            before -= 1
        }
        let block = blocks[index / Self.blockSize]
        var nearest: Int32 = -1
        for lane in 0..<Swift.min(level - 1, 5) { nearest = Swift.max(nearest, block[lane]) }
        return nearest < 0 ? nil : Int(nearest)
    }

    /// Completes the list once every heading is added: finds where the sections that run
    /// past each block of 32 headings end, so that `sectionEnd(of:)` never walks far.
    mutating func finish() {
        let count = kinds.count
        var ends = [SIMD8<Int32>](repeating: SIMD8(repeating: Int32(count)), count: blocks.count)
        var block = blocks.count - 2
        while block >= 0 {
            var found = ends[block + 1]
            var index = Swift.min(count, (block + 2) * Self.blockSize) - 1
            while index >= (block + 1) * Self.blockSize {
                for level in self.level(at: index)...6 { found[level - 1] = Int32(index) }
                index -= 1
            }
            ends[block] = found
            block -= 1
        }
        sectionEnds = ends
    }

    /// The index of the heading that ends the section of the one at `index`: the first after
    /// it of the same or a lower level; `count` when the section runs to the end. The list
    /// must be complete (`finish`).
    package func sectionEnd(of index: Int) -> Int {
        let level = level(at: index)
        let count = kinds.count
        let block = index / Self.blockSize
        var after = index + 1
        let blockEnd = Swift.min(count, (block + 1) * Self.blockSize)
        while after < blockEnd {
            if self.level(at: after) <= level { return after }
            after += 1
        }
        return Int(sectionEnds[block][level - 1])
    }
}
