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
    package private(set) var changes: [PartChange]
    /// For each change, the 0-based line where its part starts in each version; for a
    /// version without it, the line where it would be: after the nearest part before it that
    /// the version has.
    package let firstLines: [(old: Int, new: Int)]
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
        firstLines = Self.firstLines(of: changes, old: old, new: new)
        stampChanges = Self.reattributeStamps(&changes, old: old, new: new)
        self.changes = changes
    }

    /// Finds the changes of a subsection that are a change of its level-2 section's closing
    /// stamp alone, marks them unchanged and the section modified.
    private static func reattributeStamps(_ changes: inout [PartChange], old: Outline, new: Outline) -> [Int: Int] {
        var positionOfNew: [Part: Int] = [:]
        for (position, change) in changes.enumerated() {
            if let part = change.new { positionOfNew[part] = position }
        }
        func stamp(closing part: Part, in outline: Outline) -> (unit: Part, stamp: ClosingStamp)? {
            let unit = ChangeScope.unit(of: part, in: outline)
            guard unit != part, case .section(let unitIndex) = unit, case .section(let index) = part,
                  outline.subtree(of: unitIndex).upperBound == index + 1,
                  let stamp = ClosingStamp(of: outline.document.sections[unitIndex], in: outline.document) else { return nil }
            return (unit, stamp)
        }
        var found: [Int: Int] = [:]
        for (position, change) in changes.enumerated() where change.status == .modified {
            guard let oldPart = change.old, let newPart = change.new,
                  let (newUnit, newStamp) = stamp(closing: newPart, in: new), let (_, oldStamp) = stamp(closing: oldPart, in: old),
                  let unitPosition = positionOfNew[newUnit] else { continue }
            var oldBytes = Array(old.document.bytes[old.range(of: oldPart)])
            var newBytes = Array(new.document.bytes[new.range(of: newPart)])
            oldBytes.removeSubrange((oldStamp.range.lowerBound - old.range(of: oldPart).lowerBound)..<(oldStamp.range.upperBound - old.range(of: oldPart).lowerBound))
            newBytes.removeSubrange((newStamp.range.lowerBound - new.range(of: newPart).lowerBound)..<(newStamp.range.upperBound - new.range(of: newPart).lowerBound))
            guard oldBytes == newBytes else { continue }
            changes[position].status = .unchanged
            if changes[unitPosition].status == .unchanged { changes[unitPosition].status = .modified }
            found[unitPosition] = position
        }
        return found
    }

    /// Whether anything differs.
    package var hasChanges: Bool {
        changes.contains { $0.status != .unchanged }
    }

    /// The changes that are not `unchanged`.
    package var differences: [PartChange] {
        changes.filter { $0.status != .unchanged }
    }

    /// The positions in `changes` of those that are not `unchanged`.
    package var differencePositions: [Int] {
        changes.indices.filter { changes[$0].status != .unchanged }
    }

    /// The own unified diff hunks (no `---`/`+++` header) of the part of `changes[index]`,
    /// numbered with the file's lines. An added part is diffed against nothing at the place
    /// it was inserted, a removed part against nothing at the place it was.
    package func hunks(at index: Int, context: Int = 3) -> [UInt8] {
        let (oldOffset, newOffset) = firstLines[index]
        let (oldLines, newLines) = lines(of: changes[index])
        let own = UnifiedDiff.hunks(old: oldLines, new: newLines, context: context, oldLineOffset: oldOffset, newLineOffset: newOffset)
        return own + (stampChanges[index].map { hunks(at: $0, context: context) } ?? [])
    }

    /// The first lines of every change, in one pass.
    private static func firstLines(of changes: [PartChange], old: Outline, new: Outline) -> [(old: Int, new: Int)] {
        var result: [(old: Int, new: Int)] = []
        result.reserveCapacity(changes.count)
        var oldEnd = 0
        var newEnd = 0
        for change in changes {
            result.append((change.old.map { old.lines(of: $0).lowerBound } ?? oldEnd,
                           change.new.map { new.lines(of: $0).lowerBound } ?? newEnd))
            if let part = change.old { oldEnd = old.lines(of: part).upperBound }
            if let part = change.new { newEnd = new.lines(of: part).upperBound }
        }
        return result
    }

    /// The 0-based line of the new version where the part of `changes[index]` first
    /// differs from the old one (where it was, for a removed part).
    package func firstChangedLine(at index: Int) -> Int {
        let (oldLines, newLines) = lines(of: changes[index])
        if let stamp = stampChanges[index], oldLines == newLines { return firstChangedLine(at: stamp) }
        let same = zip(oldLines, newLines).prefix { $0 == $1 }.count
        return firstLines[index].new + min(same, max(newLines.count - 1, 0))
    }

    /// The number of lines added and removed in the part of `changes[index]` (its closing
    /// stamp's included).
    package func lineCounts(at index: Int) -> (added: Int, removed: Int) {
        let (oldLines, newLines) = lines(of: changes[index])
        let own = LineDiff.changes(oldLines, newLines).reduce((0, 0)) { ($0.0 + $1.newCount, $0.1 + $1.oldCount) }
        guard let stamp = stampChanges[index] else { return own }
        let other = lineCounts(at: stamp)
        return (own.0 + other.added, own.1 + other.removed)
    }

    /// The part's lines in each version (none where it does not exist).
    private func lines(of change: PartChange) -> (old: [ArraySlice<UInt8>], new: [ArraySlice<UInt8>]) {
        (change.old.map { Lines.split(Array(old.bytes(of: $0))) } ?? [],
         change.new.map { Lines.split(Array(new.bytes(of: $0))) } ?? [])
    }

    private static func match(_ old: Outline, _ new: Outline) -> [PartChange] {
        let oldCount = old.document.sections.count
        let newCount = new.document.sections.count
        // Pairs by key and rank.
        struct RankedKey: Hashable {
            var key: Int
            var rank: Int
        }
        var oldByKey: [RankedKey: Int] = [:]
        oldByKey.reserveCapacity(oldCount)
        for index in 0..<oldCount { oldByKey[RankedKey(key: old.keyID(of: index), rank: old.rank(of: index))] = index }
        let oldPaths = new.pathIDs(in: old)
        var pairs: [(old: Int, new: Int)] = []
        pairs.reserveCapacity(newCount)
        var oldMatched = [Bool](repeating: false, count: oldCount)
        var newMatched = [Bool](repeating: false, count: newCount)
        for index in 0..<newCount where oldPaths[index] >= 0 {
            let key = Outline.keyID(path: oldPaths[index], level: new.document.sections[index].level)
            if let oldIndex = oldByKey[RankedKey(key: key, rank: new.rank(of: index))] {
                pairs.append((oldIndex, index))
                oldMatched[oldIndex] = true
                newMatched[index] = true
            }
        }
        oldByKey = [:]
        // Among pairs in new order, those off the longest run in old order have moved.
        var inOrder = [Bool](repeating: false, count: newCount)
        for position in longestIncreasingRun(pairs.map(\.old)) { inOrder[pairs[position].new] = true }

        // For each new section: its old section (-1 for none) and what happened to it.
        var oldOfNew = [Int](repeating: -1, count: newCount)
        var statusOfNew = [SectionStatus](repeating: .added, count: newCount)
        for pair in pairs {
            let same = ByteSearch.equal(old.bytes(of: .section(pair.old)), new.bytes(of: .section(pair.new)))
            oldOfNew[pair.new] = pair.old
            statusOfNew[pair.new] = !same ? .modified : inOrder[pair.new] ? .unchanged : .moved
        }
        pairs = []
        // Unmatched sections with the same non-blank body: moved under another parent, or renamed.
        // The unmatched old sections by body, each body's last first (the first is taken first).
        var unmatchedOld: [ArraySlice<UInt8>: [Int]] = [:]
        for index in (0..<oldCount).reversed() where !oldMatched[index] {
            let body = old.body(of: .section(index))
            if body.contains(where: { !ASCII.isWhitespace($0) }) { unmatchedOld[body, default: []].append(index) }
        }
        for index in 0..<newCount where !newMatched[index] {
            let body = new.body(of: .section(index))
            guard body.contains(where: { !ASCII.isWhitespace($0) }), let oldIndex = unmatchedOld[body]?.popLast() else { continue }
            let sameHeading = ByteSearch.equal(old.bytes(of: .section(oldIndex)), new.bytes(of: .section(index)))
            oldOfNew[index] = oldIndex
            statusOfNew[index] = sameHeading ? .moved : .renamed
        }

        // New order, each removed part after its old predecessor's place.
        var removedAfter: [Int: [Int]] = [:]
        var lastMatchedNew = -1
        var newOfOld = [Int](repeating: -1, count: oldCount)
        for (newIndex, oldIndex) in oldOfNew.enumerated() where oldIndex >= 0 { newOfOld[oldIndex] = newIndex }
        var removedCount = 0
        for oldIndex in 0..<oldCount {
            if newOfOld[oldIndex] >= 0 {
                lastMatchedNew = newOfOld[oldIndex]
            } else {
                removedAfter[lastMatchedNew, default: []].append(oldIndex)
                removedCount += 1
            }
        }
        let preambleSame = ByteSearch.equal(old.bytes(of: .preamble), new.bytes(of: .preamble))
        var changes: [PartChange] = []
        changes.reserveCapacity(1 + newCount + removedCount)
        changes.append(PartChange(status: preambleSame ? .unchanged : .modified, old: .preamble, new: .preamble))
        for oldIndex in removedAfter[-1] ?? [] { changes.append(PartChange(status: .removed, old: .section(oldIndex), new: nil)) }
        for index in 0..<newCount {
            let oldIndex = oldOfNew[index]
            changes.append(PartChange(status: statusOfNew[index], old: oldIndex >= 0 ? .section(oldIndex) : nil, new: .section(index)))
            for removed in removedAfter[index] ?? [] { changes.append(PartChange(status: .removed, old: .section(removed), new: nil)) }
        }
        return changes
    }
}

/// The positions of one longest strictly increasing run (not necessarily contiguous) in
/// `values`, in order (patience sorting, O(n log n)).
func longestIncreasingRun(_ values: [Int]) -> [Int] {
    var tails: [Int] = []
    var previous = [Int](repeating: -1, count: values.count)
    for (position, value) in values.enumerated() {
        let low = tails.partitioningIndex { values[$0] >= value }
        if low > 0 { previous[position] = tails[low - 1] }
        if low == tails.count { tails.append(position) } else { tails[low] = position }
    }
    var run: [Int] = []
    var position = tails.last ?? -1
    while position >= 0 {
        run.append(position)
        position = previous[position]
    }
    return run.reversed()
}
