// Myers line diff (linear-space "middle snake" variant) with boundary compaction.

/// One step of a line diff.
///
/// The indices point into the two line arrays given to ``LineDiff/diff(_:_:)``:
/// `old` indices into the first array, `new` indices into the second.
enum DiffOperation: Equatable, Sendable {
    /// The line `old` of the old array equals the line `new` of the new array and is kept.
    case equal(old: Int, new: Int)
    /// The line `old` of the old array is removed.
    case delete(old: Int)
    /// The line `new` of the new array is added.
    case insert(new: Int)
}

/// A maximal run of changed lines: `oldCount` lines at `oldStart` replaced by `newCount` lines at `newStart`.
struct DiffChange: Equatable, Sendable {
    var oldStart: Int
    var oldCount: Int
    var newStart: Int
    var newCount: Int

    var oldEnd: Int { oldStart + oldCount }
    var newEnd: Int { newStart + newCount }
}

/// Line diffs: the Myers algorithm, then the changed regions slid to the place GNU diff and
/// git put them. Lines are compared byte for byte, line ending included.
enum LineDiff {
    /// Myers O(ND) diff (linear-space variant, with trimming of common prefix/suffix first). Deterministic; minimal edit script.
    ///
    /// Lines are compared byte for byte, line ending included. The result walks both arrays from start
    /// to end; inside each changed region all deletions come before all insertions. Changed regions are
    /// slid to a canonical position (merged with neighbours where possible, otherwise moved as far
    /// down as they go, then back up to line up with a change on the other side), the same way GNU diff
    /// and git place them, so ties between equally short scripts are resolved like those tools do.
    static func diff(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [DiffOperation] {
        let flags = changedLineFlags(old, new, gnuHorizon: nil)
        var operations: [DiffOperation] = []
        operations.reserveCapacity(max(old.count, new.count))
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < old.count || newIndex < new.count {
            if oldIndex < old.count && newIndex < new.count
                && !flags.old[oldIndex] && !flags.new[newIndex] {
                operations.append(.equal(old: oldIndex, new: newIndex))
                oldIndex += 1
                newIndex += 1
                continue
            }
            while oldIndex < old.count && flags.old[oldIndex] {
                operations.append(.delete(old: oldIndex))
                oldIndex += 1
            }
            while newIndex < new.count && flags.new[newIndex] {
                operations.append(.insert(new: newIndex))
                newIndex += 1
            }
        }
        return operations
    }

    /// The changed regions between two line arrays, in order (the "hunks" of a zero-context diff).
    ///
    /// With `gnuHorizon` set, changed regions are only slid within the part of the files GNU diff
    /// analyses for that context size (see ``gnuAnalysisWindow(_:_:horizon:)``), so the result matches
    /// `diff -U horizon` exactly; without it they may slide over the whole files, as git does.
    ///
    /// `setAside` gives the lines of both files left out of `old` and `new` because they are
    /// the same on both sides (their common leading or trailing lines): a diff that reaches
    /// the cost cap counts them among the lines each side has, as it would with them in.
    static func changes(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>], gnuHorizon: Int? = nil,
                        setAside: SetAsideLines? = nil) -> [DiffChange] {
        let flags = changedLineFlags(old, new, gnuHorizon: gnuHorizon, setAside: setAside)
        var changes: [DiffChange] = []
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < old.count || newIndex < new.count {
            let oldChanged = oldIndex < old.count && flags.old[oldIndex]
            let newChanged = newIndex < new.count && flags.new[newIndex]
            if !oldChanged && !newChanged {
                oldIndex += 1
                newIndex += 1
                continue
            }
            var change = DiffChange(oldStart: oldIndex, oldCount: 0, newStart: newIndex, newCount: 0)
            while oldIndex < old.count && flags.old[oldIndex] {
                oldIndex += 1
            }
            while newIndex < new.count && flags.new[newIndex] {
                newIndex += 1
            }
            change.oldCount = oldIndex - change.oldStart
            change.newCount = newIndex - change.newStart
            changes.append(change)
        }
        return changes
    }

    /// Per-line "changed" marks for both arrays after the diff and compaction.
    static func changedLineFlags(
        _ old: [ArraySlice<UInt8>],
        _ new: [ArraySlice<UInt8>],
        gnuHorizon: Int? = nil,
        setAside: SetAsideLines? = nil
    ) -> (old: [Bool], new: [Bool]) {
        var table: [ArraySlice<UInt8>: Int32] = [:]
        let (oldIDs, newIDs) = intern(old, new, table: &table)
        let window = gnuHorizon.map { gnuAnalysisWindow(old, new, horizon: $0) }
            ?? (start: 0, oldEnd: old.count, newEnd: new.count)
        let oldPart = Array(oldIDs[window.start..<window.oldEnd])
        let newPart = Array(newIDs[window.start..<window.newEnd])
        var (oldFlags, newFlags) = changedLines(oldPart, newPart) {
            var common: [Int32] = []
            setAside?.forEach { line in
                if let id = table[line] { common.append(id) }
            }
            return common
        }
        compact(ids: oldPart, changed: &oldFlags, otherChanged: newFlags)
        compact(ids: newPart, changed: &newFlags, otherChanged: oldFlags)
        var oldResult = Array(repeating: false, count: old.count)
        var newResult = Array(repeating: false, count: new.count)
        oldResult.replaceSubrange(window.start..<window.oldEnd, with: oldFlags[1..<(oldPart.count + 1)])
        newResult.replaceSubrange(window.start..<window.newEnd, with: newFlags[1..<(newPart.count + 1)])
        return (oldResult, newResult)
    }

    /// The line window GNU diff analyses when printing `horizon` lines of context.
    ///
    /// GNU diff sets aside the identical leading lines except the last `horizon` of them, and, when
    /// both files agree on having a final newline, the identical trailing lines except the first
    /// `horizon` of them (never overlapping what it kept at the start). Changes are found and slid
    /// only inside the window, which decides where GNU diff puts an ambiguous change.
    static func gnuAnalysisWindow(
        _ old: [ArraySlice<UInt8>],
        _ new: [ArraySlice<UInt8>],
        horizon: Int
    ) -> (start: Int, oldEnd: Int, newEnd: Int) {
        let shorter = min(old.count, new.count)
        var prefix = 0
        while prefix < shorter && old[prefix] == new[prefix] {
            prefix += 1
        }
        let start = max(0, prefix - horizon)
        let oldMissingNewline = old.last.map { !$0.endsWithLineFeed } ?? false
        let newMissingNewline = new.last.map { !$0.endsWithLineFeed } ?? false
        guard oldMissingNewline == newMissingNewline else {
            return (start, old.count, new.count)
        }
        var suffix = 0
        while suffix < shorter - start && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        let setAside = max(0, suffix - horizon)
        return (start, old.count - setAside, new.count - setAside)
    }

    /// The changed-line marks (padded, as ``MyersDiffEngine`` gives them) of a diff of two
    /// interned line arrays, in bounded time.
    ///
    /// A diff whose every search stays within the cost cap is the exact Myers diff (the same
    /// changes as `diff --minimal`). Past the cap, the diff is made again the way git and plain
    /// GNU diff make it: the lines that occur nowhere on the other side are marked changed at
    /// once and left out of the search (no shortest script keeps them, so a section whose
    /// lines all differ costs no search at all), and a search that still reaches the cap
    /// splits its box at the furthest point it reached rather than at an optimal one. Time
    /// then grows with the lines times the cap, not with their square; the script may be
    /// longer than the shortest, never wrong.
    ///
    /// `inBoth` gives the identifiers of lines both sides have outside `old` and `new`,
    /// asked for only past the cap.
    static func changedLines(_ old: [Int32], _ new: [Int32], inBoth: () -> [Int32] = { [] }) -> (old: [Bool], new: [Bool]) {
        var exact = MyersDiffEngine(old, new)
        exact.run()
        if !exact.reachedCostCap { return (exact.oldChanged, exact.newChanged) }
        let common = inBoth()
        let identifiers = Int(max(old.max() ?? -1, new.max() ?? -1, common.max() ?? -1)) + 1
        var inOld = [Bool](repeating: false, count: identifiers)
        var inNew = [Bool](repeating: false, count: identifiers)
        for id in old { inOld[Int(id)] = true }
        for id in new { inNew[Int(id)] = true }
        for id in common {
            inOld[Int(id)] = true
            inNew[Int(id)] = true
        }
        let oldKept = old.indices.filter { inNew[Int(old[$0])] }
        let newKept = new.indices.filter { inOld[Int(new[$0])] }
        var engine = MyersDiffEngine(oldKept.map { old[$0] }, newKept.map { new[$0] })
        engine.run()
        func expand(_ kept: [Int], _ keptChanged: [Bool], count: Int) -> [Bool] {
            var flags = [Bool](repeating: true, count: count + 2)
            flags[0] = false
            flags[count + 1] = false
            for (position, line) in kept.enumerated() { flags[line + 1] = keptChanged[position + 1] }
            return flags
        }
        return (expand(oldKept, engine.oldChanged, count: old.count), expand(newKept, engine.newChanged, count: new.count))
    }

    /// Maps every distinct line to a small integer so the diff compares integers, not bytes.
    static func intern(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> ([Int32], [Int32]) {
        var table: [ArraySlice<UInt8>: Int32] = [:]
        return intern(old, new, table: &table)
    }

    /// `intern(_:_:)` into `table`, which keeps each line's identifier.
    static func intern(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>], table: inout [ArraySlice<UInt8>: Int32]) -> ([Int32], [Int32]) {
        table.reserveCapacity(old.count + new.count)
        func identifier(_ line: ArraySlice<UInt8>) -> Int32 {
            if let known = table[line] {
                return known
            }
            let fresh = Int32(table.count)
            table[line] = fresh
            return fresh
        }
        return (old.map(identifier), new.map(identifier))
    }

    /// Slides each run of changed lines of one file to a canonical place without changing the script's size.
    ///
    /// `changed` and `otherChanged` are padded (index `i + 1` is line `i`, both ends `false`).
    /// A run is first slid up as far as it goes and then down as far as it goes, absorbing neighbouring
    /// runs it touches, until it stops growing; then it is moved back up to the lowest position where it
    /// lines up with a change in the other file, if there is one.
    static func compact(ids: [Int32], changed: inout [Bool], otherChanged: [Bool]) {
        let count = ids.count
        // Current group [start, end) in this file and the corresponding group in the other file.
        var start = 0, end = 0
        var otherStart = 0, otherEnd = 0
        while changed[end + 1] { end += 1 }
        while otherChanged[otherEnd + 1] { otherEnd += 1 }

        func slideUp() -> Bool {
            guard start > 0 && ids[start - 1] == ids[end - 1] else { return false }
            start -= 1
            end -= 1
            changed[start + 1] = true
            changed[end + 1] = false
            while changed[start] { start -= 1 }
            return true
        }
        func slideDown() -> Bool {
            guard end < count && ids[start] == ids[end] else { return false }
            changed[start + 1] = false
            changed[end + 1] = true
            start += 1
            end += 1
            while changed[end + 1] { end += 1 }
            return true
        }
        func otherPrevious() {
            otherEnd = otherStart - 1
            otherStart = otherEnd
            while otherChanged[otherStart] { otherStart -= 1 }
        }
        func otherNext() {
            otherStart = otherEnd + 1
            otherEnd = otherStart
            while otherChanged[otherEnd + 1] { otherEnd += 1 }
        }

        while true {
            if end > start {
                var size = 0
                var highestEnd = 0
                var alignedEnd = -1
                repeat {
                    size = end - start
                    alignedEnd = -1
                    while slideUp() { otherPrevious() }
                    highestEnd = end
                    if otherEnd > otherStart { alignedEnd = end }
                    while slideDown() {
                        otherNext()
                        if otherEnd > otherStart { alignedEnd = end }
                    }
                } while size != end - start
                if end != highestEnd && alignedEnd != -1 {
                    while otherEnd == otherStart {
                        _ = slideUp()
                        otherPrevious()
                    }
                }
            }
            if end == count { break }
            start = end + 1
            end = start
            while changed[end + 1] { end += 1 }
            otherNext()
        }
    }
}

/// Lines two files share that a diff was given without (their common leading and trailing
/// lines), handed out one at a time when asked for rather than kept.
struct SetAsideLines {
    /// Calls its argument with each line.
    let forEach: ((ArraySlice<UInt8>) -> Void) -> Void
}

/// Linear-space Myers diff over interned lines.
///
/// Marks changed lines in `oldChanged` / `newChanged`, which are padded with one `false`
/// entry at each end (index `i + 1` holds line `i`) so compaction can look one past either end.
struct MyersDiffEngine {
    let a: [Int32]
    let b: [Int32]
    var oldChanged: [Bool]
    var newChanged: [Bool]
    /// Furthest-reaching x per diagonal, forward search; diagonal k is stored at `k + diagonalOffset`.
    private var forward: [Int]
    /// Furthest-reaching x per diagonal, backward search.
    private var backward: [Int]
    private let diagonalOffset: Int
    /// Whether a search reached ``costCap`` and split its box where it had got to.
    private(set) var reachedCostCap = false
    /// The edit steps each way a middle-snake search takes before it gives up on an optimal
    /// split (GNU diff's and git's lower bound for theirs): past it, a box costs about this
    /// many steps squared per this many lines, whatever its size.
    static let costCap = 256

    init(_ a: [Int32], _ b: [Int32]) {
        self.a = a
        self.b = b
        oldChanged = Array(repeating: false, count: a.count + 2)
        newChanged = Array(repeating: false, count: b.count + 2)
        let diagonals = a.count + b.count + 3
        forward = Array(repeating: 0, count: diagonals)
        backward = Array(repeating: 0, count: diagonals)
        diagonalOffset = b.count + 1
    }

    mutating func run() {
        compare(xLow: 0, xHigh: a.count, yLow: 0, yHigh: b.count)
    }

    /// Diffs `a[xLow..<xHigh]` against `b[yLow..<yHigh]`.
    private mutating func compare(xLow: Int, xHigh: Int, yLow: Int, yHigh: Int) {
        var xLow = xLow, xHigh = xHigh, yLow = yLow, yHigh = yHigh
        // Trim the common prefix and suffix of the box.
        while xLow < xHigh && yLow < yHigh && a[xLow] == b[yLow] {
            xLow += 1
            yLow += 1
        }
        while xLow < xHigh && yLow < yHigh && a[xHigh - 1] == b[yHigh - 1] {
            xHigh -= 1
            yHigh -= 1
        }
        if xLow == xHigh {
            for y in yLow..<yHigh {
                newChanged[y + 1] = true
            }
        } else if yLow == yHigh {
            for x in xLow..<xHigh {
                oldChanged[x + 1] = true
            }
        } else {
            let (xMid, yMid) = middleSnake(xLow: xLow, xHigh: xHigh, yLow: yLow, yHigh: yHigh)
            guard (xMid, yMid) != (xLow, yLow), (xMid, yMid) != (xHigh, yHigh) else {
                // A split that would not shrink the box: every line of it changed.
                for x in xLow..<xHigh { oldChanged[x + 1] = true }
                for y in yLow..<yHigh { newChanged[y + 1] = true }
                return
            }
            compare(xLow: xLow, xHigh: xMid, yLow: yLow, yHigh: yMid)
            compare(xLow: xMid, xHigh: xHigh, yLow: yMid, yHigh: yHigh)
        }
    }

    /// Finds a point on an optimal path through the box where the forward and backward searches meet.
    ///
    /// Both searches advance one edit at a time; diagonal k holds points with x - y == k.
    /// The box is never empty in either dimension and starts and ends with a mismatch.
    private mutating func middleSnake(xLow: Int, xHigh: Int, yLow: Int, yHigh: Int) -> (Int, Int) {
        let o = diagonalOffset
        let lowestDiagonal = xLow - yHigh
        let highestDiagonal = xHigh - yLow
        let forwardStart = xLow - yLow
        let backwardStart = xHigh - yHigh
        let deltaIsOdd = (forwardStart - backwardStart) & 1 != 0
        var forwardMin = forwardStart, forwardMax = forwardStart
        var backwardMin = backwardStart, backwardMax = backwardStart
        forward[forwardStart + o] = xLow
        backward[backwardStart + o] = xHigh
        var cost = 0

        while true {
            cost += 1
            if cost > Self.costCap {
                reachedCostCap = true
                return furthestPoint(xLow: xLow, xHigh: xHigh, yLow: yLow, yHigh: yHigh,
                                     forwardRange: forwardMin...forwardMax, backwardRange: backwardMin...backwardMax)
            }
            // Widen the forward diagonal range by one on each side, or narrow it at the box edge.
            if forwardMin > lowestDiagonal {
                forwardMin -= 1
                forward[forwardMin - 1 + o] = -1
            } else {
                forwardMin += 1
            }
            if forwardMax < highestDiagonal {
                forwardMax += 1
                forward[forwardMax + 1 + o] = -1
            } else {
                forwardMax -= 1
            }
            var k = forwardMax
            while k >= forwardMin {
                let fromBelow = forward[k - 1 + o]
                let fromAbove = forward[k + 1 + o]
                var x = fromBelow >= fromAbove ? fromBelow + 1 : fromAbove
                var y = x - k
                while x < xHigh && y < yHigh && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                forward[k + o] = x
                if deltaIsOdd && backwardMin <= k && k <= backwardMax && backward[k + o] <= x {
                    return (x, y)
                }
                k -= 2
            }

            if backwardMin > lowestDiagonal {
                backwardMin -= 1
                backward[backwardMin - 1 + o] = Int.max
            } else {
                backwardMin += 1
            }
            if backwardMax < highestDiagonal {
                backwardMax += 1
                backward[backwardMax + 1 + o] = Int.max
            } else {
                backwardMax -= 1
            }
            k = backwardMax
            while k >= backwardMin {
                let fromBelow = backward[k - 1 + o]
                let fromAbove = backward[k + 1 + o]
                var x = fromBelow < fromAbove ? fromBelow : fromAbove - 1
                var y = x - k
                while x > xLow && y > yLow && a[x - 1] == b[y - 1] {
                    x -= 1
                    y -= 1
                }
                backward[k + o] = x
                if !deltaIsOdd && forwardMin <= k && k <= forwardMax && x <= forward[k + o] {
                    return (x, y)
                }
                k -= 2
            }
        }
    }

    /// Where a search that reached the cost cap splits its box: the point either search got
    /// furthest to from its own corner (forward: the largest x + y; backward: the smallest).
    private func furthestPoint(xLow: Int, xHigh: Int, yLow: Int, yHigh: Int,
                               forwardRange: ClosedRange<Int>, backwardRange: ClosedRange<Int>) -> (Int, Int) {
        let o = diagonalOffset
        var forwardBest = (x: xLow, y: yLow)
        for k in stride(from: forwardRange.upperBound, through: forwardRange.lowerBound, by: -2) {
            var x = min(forward[k + o], xHigh)
            var y = x - k
            if y > yHigh { (x, y) = (yHigh + k, yHigh) }
            if x + y > forwardBest.x + forwardBest.y { forwardBest = (x, y) }
        }
        var backwardBest = (x: xHigh, y: yHigh)
        for k in stride(from: backwardRange.upperBound, through: backwardRange.lowerBound, by: -2) {
            var x = max(backward[k + o], xLow)
            var y = x - k
            if y < yLow { (x, y) = (yLow + k, yLow) }
            if x + y < backwardBest.x + backwardBest.y { backwardBest = (x, y) }
        }
        let forwardGain = forwardBest.x + forwardBest.y - (xLow + yLow)
        let backwardGain = (xHigh + yHigh) - (backwardBest.x + backwardBest.y)
        return forwardGain >= backwardGain ? forwardBest : backwardBest
    }
}
