/// What happened to one part between two versions of a document.
package enum SectionStatus: String, Sendable, CaseIterable {
    /// Only in the new version.
    case added
    /// Only in the old version.
    case removed
    /// In both, with different bytes.
    case modified
    /// In both with the same bytes, at another place (among the other parts, or under
    /// another parent).
    case moved
    /// The same body under a new heading.
    case renamed
    /// In both, the same bytes, in the same order.
    case unchanged
}

/// One part's fate: where it was, where it is, and what changed.
package struct PartChange: Sendable, Equatable {
    /// What happened.
    package var status: SectionStatus
    /// The part in the old version (nil when added).
    package var old: Part?
    /// The part in the new version (nil when removed).
    package var new: Part?
}

/// The changes of a comparison, nine bytes each (five when nothing was removed): a file of a
/// million sections keeps two numbers and a status for each, not a `PartChange` of forty bytes.
package struct PartChanges: RandomAccessCollection, Sendable {
    /// Each change's part in the old and in the new version: the section's index, -1 for
    /// the preamble, -2 for none. `news` is left empty when `newsInOrder`.
    private var olds: [Int32] = []
    private var news: [Int32] = []
    private var statuses: [SectionStatus] = []
    /// Whether the change at each position has the new version's part just before it (the
    /// preamble first): so when nothing was removed, and then `news` is not kept.
    private let newsInOrder: Bool

    init(capacity: Int, newsInOrder: Bool) {
        self.newsInOrder = newsInOrder
        olds.reserveCapacity(capacity)
        if !newsInOrder { news.reserveCapacity(capacity) }
        statuses.reserveCapacity(capacity)
    }

    /// The first change.
    package var startIndex: Int { 0 }
    /// The number of changes.
    package var endIndex: Int { statuses.count }

    /// The change at `position`.
    package subscript(position: Int) -> PartChange {
        PartChange(status: statuses[position], old: Self.part(olds[position]),
                   new: Self.part(newsInOrder ? Int32(position - 1) : news[position]))
    }

    /// The status of the change at `position`, read alone.
    func status(at position: Int) -> SectionStatus {
        statuses[position]
    }

    mutating func setStatus(_ status: SectionStatus, at position: Int) {
        statuses[position] = status
    }

    mutating func append(status: SectionStatus, old: Part?, new: Part?) {
        if newsInOrder {
            precondition(Self.code(new) == Int32(statuses.count - 1), "changes out of the new version's order")
        } else {
            news.append(Self.code(new))
        }
        statuses.append(status)
        olds.append(Self.code(old))
    }

    private static func code(_ part: Part?) -> Int32 {
        switch part {
        case nil: -2
        case .preamble?: -1
        case .section(let index)?: Int32(index)
        }
    }

    private static func part(_ code: Int32) -> Part? {
        code == -2 ? nil : code == -1 ? .preamble : .section(Int(code))
    }
}

/// Two versions of a document matched part by part. Sections are matched by their key
/// (enclosing titles, title and level), duplicates in order; what is left is matched by
/// body (a section moved under another parent, or renamed); the rest is added or removed.
/// Changes are listed in the new version's order, each removed part after the part that
/// preceded it in the old version.
package struct SectionComparison: Sendable {
    /// The old version.
    package let old: Outline
    /// The new version.
    package let new: Outline
    /// Every part of both versions, unchanged ones included.
    package private(set) var changes: PartChanges
    /// For each change without a part in a version, the 0-based line of that version where
    /// the part would be: after the nearest part before it that the version has.
    private let gapLines: (old: GapLines, new: GapLines)
    /// Changes of a level-2 section's closing stamp alone: by the index of the section's
    /// change, the index of the change of the subsection whose text holds the stamp. That
    /// subsection counts as unchanged and the section as modified, with the stamp's hunk.
    package let stampChanges: [Int: Int]

    /// Matches `old` against `new`.
    package init(old: Document, new: Document) {
        self.init(old: Outline(old), new: Outline(new))
    }

    /// Matches two outlines.
    package init(old: Outline, new: Outline) {
        self.old = old
        self.new = new
        var changes = Self.match(old, new)
        gapLines = Self.gapLines(of: changes, old: old, new: new)
        stampChanges = Self.reattributeStamps(&changes, old: old, new: new)
        self.changes = changes
    }

    /// Finds the changes of a subsection that are a change of its level-2 section's closing
    /// stamp alone, marks them unchanged and the section modified.
    private static func reattributeStamps(_ changes: inout PartChanges, old: Outline, new: Outline) -> [Int: Int] {
        // The position of each new section's change, made when a change may need it.
        var positionOfNew: [Int32] = []
        func positionOfChange(of part: Part) -> Int? {
            guard case .section(let index) = part else { return 0 }
            if positionOfNew.isEmpty {
                positionOfNew = [Int32](repeating: -1, count: new.document.sections.count)
                for position in changes.indices {
                    if case .section(let section)? = changes[position].new { positionOfNew[section] = Int32(position) }
                }
            }
            return positionOfNew[index] < 0 ? nil : Int(positionOfNew[index])
        }
        func stamp(closing part: Part, in outline: Outline) -> (unit: Part, stamp: ClosingStamp)? {
            let unit = ChangeScope.unit(of: part, in: outline)
            guard unit != part, case .section(let unitIndex) = unit, case .section(let index) = part,
                  outline.subtree(of: unitIndex).upperBound == index + 1,
                  let stamp = ClosingStamp(of: outline.document.sections[unitIndex], in: outline.document) else { return nil }
            return (unit, stamp)
        }
        var found: [Int: Int] = [:]
        for position in changes.indices where changes.status(at: position) == .modified {
            let change = changes[position]
            guard let oldPart = change.old, let newPart = change.new,
                  let (newUnit, newStamp) = stamp(closing: newPart, in: new), let (_, oldStamp) = stamp(closing: oldPart, in: old),
                  let unitPosition = positionOfChange(of: newUnit) else { continue }
            var oldBytes = Array(old.document.bytes[old.range(of: oldPart)])
            var newBytes = Array(new.document.bytes[new.range(of: newPart)])
            oldBytes.removeSubrange((oldStamp.range.lowerBound - old.range(of: oldPart).lowerBound)..<(oldStamp.range.upperBound - old.range(of: oldPart).lowerBound))
            newBytes.removeSubrange((newStamp.range.lowerBound - new.range(of: newPart).lowerBound)..<(newStamp.range.upperBound - new.range(of: newPart).lowerBound))
            guard oldBytes == newBytes else { continue }
            changes.setStatus(.unchanged, at: position)
            if changes.status(at: unitPosition) == .unchanged { changes.setStatus(.modified, at: unitPosition) }
            found[unitPosition] = position
        }
        return found
    }

    /// Whether anything differs.
    package var hasChanges: Bool {
        changes.indices.contains { changes.status(at: $0) != .unchanged }
    }

    /// The changes that are not `unchanged`.
    package var differences: [PartChange] {
        differencePositions.map { changes[$0] }
    }

    /// The positions in `changes` of those that are not `unchanged`.
    package var differencePositions: [Int] {
        changes.indices.filter { changes.status(at: $0) != .unchanged }
    }

    /// How many changes have each status.
    package var statusCounts: [SectionStatus: Int] {
        var counts: [SectionStatus: Int] = [:]
        for position in changes.indices { counts[changes.status(at: position), default: 0] += 1 }
        return counts
    }

    /// The own unified diff hunks (no `---`/`+++` header) of the part of `changes[index]`,
    /// numbered with the file's lines. An added part is diffed against nothing at the place
    /// it was inserted, a removed part against nothing at the place it was.
    package func hunks(at index: Int, context: Int = 3) -> [UInt8] {
        let (oldOffset, newOffset) = firstLines(at: index)
        let window = window(of: changes[index], context: max(0, context))
        let own = UnifiedDiff.hunks(old: window.old, new: window.new, context: context,
                                    oldLineOffset: oldOffset + window.start, newLineOffset: newOffset + window.start)
        return own + (stampChanges[index].map { hunks(at: $0, context: context) } ?? [])
    }

    /// The lines where the parts missing from a version would be, in one pass.
    private static func gapLines(of changes: PartChanges, old: Outline, new: Outline) -> (old: GapLines, new: GapLines) {
        var result = (old: GapLines(), new: GapLines())
        var oldEnd = 0
        var newEnd = 0
        for (position, change) in changes.enumerated() {
            if let part = change.old { oldEnd = old.lines(of: part).upperBound } else { result.old.append(position: position, line: oldEnd) }
            if let part = change.new { newEnd = new.lines(of: part).upperBound } else { result.new.append(position: position, line: newEnd) }
        }
        return result
    }

    /// The 0-based line where the part of `changes[index]` starts in each version; for a
    /// version without it, the line where it would be.
    private func firstLines(at index: Int) -> (old: Int, new: Int) {
        let change = changes[index]
        return (change.old.map { old.lines(of: $0).lowerBound } ?? gapLines.old.line(at: index),
                change.new.map { new.lines(of: $0).lowerBound } ?? gapLines.new.line(at: index))
    }

    /// The 0-based line of the new version where the part of `changes[index]` first
    /// differs from the old one (where it was, for a removed part).
    package func firstChangedLine(at index: Int) -> Int {
        let window = window(of: changes[index], context: 0)
        if let stamp = stampChanges[index], window.oldCount == window.newCount, window.commonPrefix == window.oldCount {
            return firstChangedLine(at: stamp)
        }
        return firstLines(at: index).new + min(window.commonPrefix, max(window.newCount - 1, 0))
    }

    /// The number of lines added and removed in the part of `changes[index]` (its closing
    /// stamp's included).
    package func lineCounts(at index: Int) -> (added: Int, removed: Int) {
        let window = window(of: changes[index], context: 0)
        let own = LineDiff.changes(window.old, window.new, setAside: window.setAside).reduce((0, 0)) { ($0.0 + $1.newCount, $0.1 + $1.oldCount) }
        guard let stamp = stampChanges[index] else { return own }
        let other = lineCounts(at: stamp)
        return (own.0 + other.added, own.1 + other.removed)
    }

    /// The part's lines in each version (none where it does not exist) but for the common
    /// leading and trailing lines a diff with `context` lines of context sets aside (as
    /// `LineDiff.gnuAnalysisWindow` does): only the lines around the change are split, so a
    /// long part with a small change costs nothing per line.
    private func window(of change: PartChange, context: Int) -> DiffWindow {
        let oldBytes = change.old.map { old.bytes(of: $0) } ?? []
        let newBytes = change.new.map { new.bytes(of: $0) } ?? []
        return DiffWindow(oldBytes, newBytes, context: context)
    }

    /// A titles path: the number of the enclosing section's path (-1 for none) and a title.
    private struct PathStep: Hashable {
        var parent: Int32
        var title: String
    }

    /// The old sections in the order of their titles path, then of their level, then of
    /// their place: the sections of one key (titles path and level), by rank, side by side.
    /// A stable counting sort, four bytes a section; each path's sections are sorted by
    /// level only when they have more than one.
    private struct OldByKey {
        /// Each titles path of the old version and its number.
        let paths: [PathStep: Int32]
        let order: [Int32]
        /// Where each path's sections start in `order` (and, last, its end).
        let pathStarts: [Int32]

        init(_ old: Outline) {
            let sections = old.document.sections
            let headings = sections.headings
            var paths: [PathStep: Int32] = [:]
            var pathIDs: [Int32] = []
            pathIDs.reserveCapacity(sections.count)
            for index in sections.indices {
                let step = PathStep(parent: headings.parent(of: index).map { pathIDs[$0] } ?? -1, title: sections.title(at: index))
                let fresh = Int32(paths.count)
                if let known = paths[step] { pathIDs.append(known) } else { paths[step] = fresh; pathIDs.append(fresh) }
            }
            var starts = [Int32](repeating: 0, count: paths.count + 1)
            for path in pathIDs { starts[Int(path) + 1] += 1 }
            for path in 0..<paths.count { starts[path + 1] += starts[path] }
            var next = starts
            var order = [Int32](repeating: 0, count: sections.count)
            for index in sections.indices {
                let path = Int(pathIDs[index])
                order[Int(next[path])] = Int32(index)
                next[path] += 1
            }
            pathIDs = []
            next = []
            for path in 0..<paths.count {
                let bucket = Int(starts[path])..<Int(starts[path + 1])
                let level = headings.level(at: Int(order[bucket.lowerBound]))
                if order[bucket].contains(where: { headings.level(at: Int($0)) != level }) {
                    order[bucket].sort { (headings.level(at: Int($0)), $0) < (headings.level(at: Int($1)), $1) }
                }
            }
            self.paths = paths
            self.order = order
            pathStarts = starts
        }

        /// The level of the first sections of `path` (its lowest).
        func firstLevel(of path: Int, in old: Outline) -> Int {
            old.document.sections.headings.level(at: Int(order[Int(pathStarts[path])]))
        }

        /// The old section of path `path`, `level` and `rank`, if any.
        func section(path: Int, level: Int, rank: Int, in old: Outline) -> Int? {
            let headings = old.document.sections.headings
            let bucket = Int(pathStarts[path])..<Int(pathStarts[path + 1])
            let first = bucket.partitioningIndex { headings.level(at: Int(order[$0])) >= level }
            let position = first + rank
            guard position < bucket.upperBound, headings.level(at: Int(order[position])) == level else { return nil }
            return Int(order[position])
        }
    }

    private static func match(_ old: Outline, _ new: Outline) -> PartChanges {
        let oldCount = old.document.sections.count
        let newCount = new.document.sections.count
        let newHeadings = new.document.sections.headings
        // Pairs by key and rank: each new section's titles path is looked up among the old
        // version's, and its rank counted among the new sections of that path and level.
        let oldByKey = OldByKey(old)
        // For each new section: its old section (-1 for none) and what happened to it.
        var oldOfNew = [Int32](repeating: -1, count: newCount)
        var newOfOld = [Int32](repeating: -1, count: oldCount)
        do {
            // The next rank of each old path at its first level; at other levels, by key.
            var nextRanks = [Int32](repeating: 0, count: oldByKey.pathStarts.count - 1)
            var otherRanks: [Int: Int32] = [:]
            // The sections enclosing the current one, with their old path numbers (-1: none).
            var ancestors: [(index: Int, path: Int32)] = []
            for index in 0..<newCount {
                let parent = newHeadings.parent(of: index)
                while let last = ancestors.last, last.index != parent { ancestors.removeLast() }
                let parentPath = parent == nil ? -1 : ancestors.last?.path ?? -1
                let path = parent != nil && parentPath < 0
                    ? -1 : oldByKey.paths[PathStep(parent: parentPath, title: new.document.sections.title(at: index))] ?? -1
                ancestors.append((index, path))
                guard path >= 0 else { continue }
                let level = newHeadings.level(at: index)
                let rank: Int32
                if level == oldByKey.firstLevel(of: Int(path), in: old) {
                    rank = nextRanks[Int(path)]
                    nextRanks[Int(path)] += 1
                } else {
                    rank = otherRanks[Int(path) * 8 + level, default: 0]
                    otherRanks[Int(path) * 8 + level] = rank + 1
                }
                if let oldIndex = oldByKey.section(path: Int(path), level: level, rank: Int(rank), in: old) {
                    oldOfNew[index] = Int32(oldIndex)
                    newOfOld[oldIndex] = Int32(index)
                }
            }
        }
        var statusOfNew = [SectionStatus](repeating: .added, count: newCount)
        do {
            // Among pairs in new order, those off the longest run in old order have moved.
            // Most often none has: the pairs are already in old order.
            var inOrder: [Bool] = []
            var previous: Int32 = -1
            for oldIndex in oldOfNew where oldIndex >= 0 {
                if oldIndex < previous {
                    let paired = oldOfNew.filter { $0 >= 0 }
                    inOrder = [Bool](repeating: false, count: oldCount)
                    for position in longestIncreasingRun(paired) { inOrder[Int(paired[Int(position)])] = true }
                    break
                }
                previous = oldIndex
            }
            for index in 0..<newCount where oldOfNew[index] >= 0 {
                let oldIndex = Int(oldOfNew[index])
                let same = ByteSearch.equal(old.bytes(of: .section(oldIndex)), new.bytes(of: .section(index)))
                statusOfNew[index] = !same ? .modified : inOrder.isEmpty || inOrder[oldIndex] ? .unchanged : .moved
            }
        }
        // Unmatched sections with the same non-blank body: moved under another parent, or renamed.
        // The unmatched old sections by body, each body's last first (the first is taken first).
        var unmatchedOld: [ArraySlice<UInt8>: [Int]] = [:]
        for index in (0..<oldCount).reversed() where newOfOld[index] < 0 {
            let body = old.body(of: .section(index))
            if body.contains(where: { !ASCII.isWhitespace($0) }) { unmatchedOld[body, default: []].append(index) }
        }
        if !unmatchedOld.isEmpty {
            for index in 0..<newCount where oldOfNew[index] < 0 {
                let body = new.body(of: .section(index))
                guard body.contains(where: { !ASCII.isWhitespace($0) }), let oldIndex = unmatchedOld[body]?.popLast() else { continue }
                let sameHeading = ByteSearch.equal(old.bytes(of: .section(oldIndex)), new.bytes(of: .section(index)))
                oldOfNew[index] = Int32(oldIndex)
                newOfOld[oldIndex] = Int32(index)
                statusOfNew[index] = sameHeading ? .moved : .renamed
            }
        }
        unmatchedOld = [:]

        // New order, each removed part after its old predecessor's place: the removed old
        // sections grouped by the new section they follow (slot 0: before the first).
        // Made only when something was removed.
        let removedCount = newOfOld.count { $0 < 0 }
        var removedStarts: [Int32] = []
        var removed: [Int32] = []
        if removedCount > 0 {
            removedStarts = [Int32](repeating: 0, count: newCount + 2)
            var lastMatchedNew: Int32 = -1
            for oldIndex in 0..<oldCount {
                if newOfOld[oldIndex] >= 0 { lastMatchedNew = newOfOld[oldIndex] } else { removedStarts[Int(lastMatchedNew) + 2] += 1 }
            }
            for slot in 1..<removedStarts.count { removedStarts[slot] += removedStarts[slot - 1] }
            removed = [Int32](repeating: 0, count: removedCount)
            var next = removedStarts
            lastMatchedNew = -1
            for oldIndex in 0..<oldCount {
                if newOfOld[oldIndex] >= 0 {
                    lastMatchedNew = newOfOld[oldIndex]
                } else {
                    removed[Int(next[Int(lastMatchedNew) + 1])] = Int32(oldIndex)
                    next[Int(lastMatchedNew) + 1] += 1
                }
            }
        }
        newOfOld = []
        let preambleSame = ByteSearch.equal(old.bytes(of: .preamble), new.bytes(of: .preamble))
        var changes = PartChanges(capacity: 1 + newCount + removedCount, newsInOrder: removedCount == 0)
        changes.append(status: preambleSame ? .unchanged : .modified, old: .preamble, new: .preamble)
        func appendRemoved(after slot: Int) {
            guard removedCount > 0 else { return }
            for position in Int(removedStarts[slot])..<Int(removedStarts[slot + 1]) {
                changes.append(status: .removed, old: .section(Int(removed[position])), new: nil)
            }
        }
        appendRemoved(after: 0)
        for index in 0..<newCount {
            let oldIndex = Int(oldOfNew[index])
            changes.append(status: statusOfNew[index], old: oldIndex >= 0 ? .section(oldIndex) : nil, new: .section(index))
            appendRemoved(after: index + 1)
        }
        return changes
    }
}

/// For the changes without a part in one version, by position, the 0-based line of that
/// version where the part would be; eight bytes for each such change, none for the others.
private struct GapLines: Sendable {
    private var positions: [Int32] = []
    private var lines: [Int32] = []

    mutating func append(position: Int, line: Int) {
        positions.append(Int32(position))
        lines.append(Int32(line))
    }

    /// The line of the change at `position`, which has no part in the version.
    func line(at position: Int) -> Int {
        Int(lines[positions.partitioningIndex { $0 >= Int32(position) }])
    }
}

/// The positions of one longest strictly increasing run (not necessarily contiguous) in
/// `values`, in order (patience sorting, O(n log n)).
func longestIncreasingRun(_ values: [Int32]) -> [Int32] {
    var tails: [Int32] = []
    var previous = [Int32](repeating: -1, count: values.count)
    for (position, value) in values.enumerated() {
        let low = tails.partitioningIndex { values[Int($0)] >= value }
        if low > 0 { previous[position] = tails[low - 1] }
        if low == tails.count { tails.append(Int32(position)) } else { tails[low] = Int32(position) }
    }
    var run: [Int32] = []
    var position = tails.last ?? -1
    while position >= 0 {
        run.append(position)
        position = previous[Int(position)]
    }
    return run.reversed()
}

/// Two texts' lines without the common leading and trailing lines a diff with `context`
/// lines of context sets aside (`LineDiff.gnuAnalysisWindow`), found by walking the bytes:
/// the lines set aside are never split out.
private struct DiffWindow {
    /// The lines of each text from `start` to the lines set aside at the end.
    let old: [ArraySlice<UInt8>]
    let new: [ArraySlice<UInt8>]
    /// The number of leading lines left out.
    let start: Int
    /// The number of leading lines the texts share, and the number of lines of each.
    let commonPrefix: Int
    let oldCount: Int
    let newCount: Int
    /// The lines left out (those of the old text, the same as the new one's).
    let setAside: SetAsideLines

    init(_ oldBytes: ArraySlice<UInt8>, _ newBytes: ArraySlice<UInt8>, context: Int) {
        let oldLines = Self.lineRanges(oldBytes)
        let newLines = Self.lineRanges(newBytes)
        // The common leading lines, and each text's number of lines.
        var (oldCount, newCount, prefix) = (0, 0, 0)
        var sharing = true
        Self.walk(oldLines, newLines) { oldLine, newLine in
            if oldLine != nil { oldCount += 1 }
            if newLine != nil { newCount += 1 }
            if sharing, let oldLine, let newLine, ByteSearch.equal(oldBytes[oldLine], newBytes[newLine]) {
                prefix += 1
            } else {
                sharing = false
            }
        }
        let start = max(0, prefix - context)
        // The common trailing lines, counted as `gnuAnalysisWindow` counts them: not into
        // the leading lines kept, and only when both texts end the same way.
        let oldMissingNewline = oldBytes.last.map { $0 != ASCII.lf } ?? false
        let newMissingNewline = newBytes.last.map { $0 != ASCII.lf } ?? false
        var suffix = 0
        if oldMissingNewline == newMissingNewline {
            let shorter = min(oldCount, newCount)
            var line = 0
            // Both walked so that their last lines meet, from line `start` of the shorter.
            Self.walk(Self.dropping(oldCount - shorter + start, oldLines), Self.dropping(newCount - shorter + start, newLines)) { oldLine, newLine in
                line += 1
                if let oldLine, let newLine, ByteSearch.equal(oldBytes[oldLine], newBytes[newLine]) { suffix += 1 } else { suffix = 0 }
            }
        }
        let setAsideAtEnd = max(0, suffix - context)
        func lines(_ bytes: ArraySlice<UInt8>, _ ranges: @escaping () -> AnyIterator<Range<Int>>, count: Int) -> [ArraySlice<UInt8>] {
            let end = count - setAsideAtEnd
            guard start < end else { return [] }
            var first = bytes.startIndex
            var last = bytes.startIndex
            var index = 0
            let iterator = ranges()
            while let range = iterator.next(), index < end {
                if index == start { first = range.lowerBound }
                last = range.upperBound
                index += 1
            }
            return Lines.split(Array(bytes[first..<last]))
        }
        old = lines(oldBytes, oldLines, count: oldCount)
        new = lines(newBytes, newLines, count: newCount)
        self.start = start
        commonPrefix = prefix
        self.oldCount = oldCount
        self.newCount = newCount
        let endStart = oldCount - setAsideAtEnd
        setAside = SetAsideLines { body in
            var index = 0
            let iterator = oldLines()
            while let range = iterator.next() {
                if index < start || index >= endStart { body(oldBytes[range]) }
                index += 1
            }
        }
    }

    /// The lines of `bytes` as ranges of its indices, as `Lines.split` cuts them, made anew
    /// at each call.
    private static func lineRanges(_ bytes: ArraySlice<UInt8>) -> () -> AnyIterator<Range<Int>> {
        {
            var position = bytes.startIndex
            return AnyIterator {
                guard position < bytes.endIndex else { return nil }
                var end = position
                while end < bytes.endIndex {
                    let byte = bytes[end]
                    end += 1
                    if byte == ASCII.lf { break }
                    if byte == ASCII.cr {
                        if end < bytes.endIndex, bytes[end] == ASCII.lf { end += 1 }
                        break
                    }
                }
                defer { position = end }
                return position..<end
            }
        }
    }

    /// `lines` without its first `count`.
    private static func dropping(_ count: Int, _ lines: @escaping () -> AnyIterator<Range<Int>>) -> () -> AnyIterator<Range<Int>> {
        {
            let iterator = lines()
            for _ in 0..<count where iterator.next() == nil { break }
            return iterator
        }
    }

    /// Calls `body` with the lines of both, side by side, until both are done.
    private static func walk(_ old: () -> AnyIterator<Range<Int>>, _ new: () -> AnyIterator<Range<Int>>,
                             _ body: (Range<Int>?, Range<Int>?) -> Void) {
        let (oldIterator, newIterator) = (old(), new())
        while true {
            let (oldLine, newLine) = (oldIterator.next(), newIterator.next())
            if oldLine == nil && newLine == nil { return }
            body(oldLine, newLine)
        }
    }
}
