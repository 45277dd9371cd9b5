// Three-way line merge in the style of `git merge-file` (default "merge" conflict style).

/// Result of a three-way merge.
public struct MergeResult: Equatable, Sendable {
    /// The merged file, with conflict blocks where both sides changed the same region differently.
    public var bytes: [UInt8]
    /// The number of conflict blocks in `bytes` (0 for a clean merge).
    public var conflicts: Int

    /// Creates a merge result.
    package init(bytes: [UInt8], conflicts: Int) {
        self.bytes = bytes
        self.conflicts = conflicts
    }
}

/// Three-way merges of line arrays (diff3), as `git merge-file` does them.
enum Merge3 {
    /// diff3 merge of line arrays in the style of `git merge-file` (default, non-zdiff3 "merge" style).
    ///
    /// Regions changed on one side only take that side; regions changed identically on both sides take it
    /// once; otherwise a conflict block:
    /// `"<<<<<<< OURSLABEL\n"` ours lines `"=======\n"` theirs lines `">>>>>>> THEIRSLABEL\n"`,
    /// with markers of `markerSize` characters (default 7; values below 1 mean 7).
    ///
    /// Like git (level "zealous-alnum"): changes that touch or overlap count as one region; a conflicting
    /// region is narrowed to the lines where ours and theirs really differ (it may split into several
    /// conflicts, and disappears if both sides made the same change); conflicts separated by at most three
    /// lines, or only by lines without letters or digits, are joined into one. Marker lines end in `"\r\n"`
    /// when the ours side uses CRLF there, following git's exact rule: the line before the conflict in ours
    /// (or its first line), the same in theirs, and the base's first line must not end in LF-only, and the
    /// last of them that can tell must end in CRLF. A side whose last line has no newline
    /// gets one inside a conflict block so that markers always start a line.
    /// If one side does not change the base at all, the other side is returned unchanged.
    static func merge(
        base: [ArraySlice<UInt8>],
        ours: [ArraySlice<UInt8>],
        theirs: [ArraySlice<UInt8>],
        oursLabel: String,
        theirsLabel: String,
        markerSize: Int = 7
    ) -> MergeResult {
        let oursChanges = LineDiff.changes(base, ours)
        let theirsChanges = LineDiff.changes(base, theirs)
        if oursChanges.isEmpty {
            return MergeResult(bytes: joined(theirs[...]), conflicts: 0)
        }
        if theirsChanges.isEmpty {
            return MergeResult(bytes: joined(ours[...]), conflicts: 0)
        }
        var regions = mergeRegions(
            oursChanges: oursChanges, theirsChanges: theirsChanges,
            base: base, ours: ours, theirs: theirs)
        regions = refineConflicts(regions, ours: ours, theirs: theirs)
        joinCloseConflicts(&regions, ours: ours)

        var writer = Merge3Writer(
            base: base, ours: ours, theirs: theirs,
            oursLabel: oursLabel, theirsLabel: theirsLabel,
            markerSize: markerSize > 0 ? markerSize : 7)
        let conflicts = writer.write(regions)
        return MergeResult(bytes: writer.out, conflicts: conflicts)
    }

    /// Walks both change lists in base order and builds the merge regions.
    ///
    /// A change of one side that ends before the other side's next change begins (with at least one
    /// untouched base line in between) is taken as is. Changes that overlap or touch form a conflict
    /// unless they are the very same change. Regions that touch the previous region are folded into it.
    private static func mergeRegions(
        oursChanges: [DiffChange],
        theirsChanges: [DiffChange],
        base: [ArraySlice<UInt8>],
        ours: [ArraySlice<UInt8>],
        theirs: [ArraySlice<UInt8>]
    ) -> [Merge3Region] {
        var regions: [Merge3Region] = []

        func add(_ region: Merge3Region) {
            if var last = regions.last,
               region.oursStart <= last.oursEnd || region.theirsStart <= last.theirsEnd {
                if region.kind != last.kind {
                    last.kind = .conflict
                }
                last.baseCount = region.baseStart + region.baseCount - last.baseStart
                last.oursCount = region.oursEnd - last.oursStart
                last.theirsCount = region.theirsEnd - last.theirsStart
                regions[regions.count - 1] = last
            } else {
                regions.append(region)
            }
        }
        // A change of ours alone; `theirsShift` maps base line numbers to theirs line numbers there.
        func addOurs(_ change: DiffChange, theirsShift: Int) {
            add(Merge3Region(
                kind: .takeOurs, baseStart: change.oldStart, baseCount: change.oldCount,
                oursStart: change.newStart, oursCount: change.newCount,
                theirsStart: change.oldStart + theirsShift, theirsCount: change.oldCount))
        }
        func addTheirs(_ change: DiffChange, oursShift: Int) {
            add(Merge3Region(
                kind: .takeTheirs, baseStart: change.oldStart, baseCount: change.oldCount,
                oursStart: change.oldStart + oursShift, oursCount: change.oldCount,
                theirsStart: change.newStart, theirsCount: change.newCount))
        }

        var o = 0
        var t = 0
        while o < oursChanges.count && t < theirsChanges.count {
            let mine = oursChanges[o]
            let other = theirsChanges[t]
            if mine.oldEnd < other.oldStart {
                addOurs(mine, theirsShift: other.newStart - other.oldStart)
                o += 1
                continue
            }
            if other.oldEnd < mine.oldStart {
                addTheirs(other, oursShift: mine.newStart - mine.oldStart)
                t += 1
                continue
            }
            let same = mine.oldStart == other.oldStart && mine.oldCount == other.oldCount
                && mine.newCount == other.newCount
                && ours[mine.newStart..<mine.newEnd].elementsEqual(theirs[other.newStart..<other.newEnd])
            if !same {
                // The conflict spans both changes; extend each side by the base lines only the other covers.
                let startGap = mine.oldStart - other.oldStart
                let endGap = mine.oldEnd - other.oldEnd
                var region = Merge3Region(
                    kind: .conflict,
                    baseStart: min(mine.oldStart, other.oldStart), baseCount: 0,
                    oursStart: mine.newStart - max(startGap, 0), oursCount: 0,
                    theirsStart: other.newStart + min(startGap, 0), theirsCount: 0)
                region.baseCount = max(mine.oldEnd, other.oldEnd) - region.baseStart
                region.oursCount = mine.newEnd + max(-endGap, 0) - region.oursStart
                region.theirsCount = other.newEnd + max(endGap, 0) - region.theirsStart
                add(region)
            }
            if mine.oldEnd >= other.oldEnd { t += 1 }
            if other.oldEnd >= mine.oldEnd { o += 1 }
        }
        while o < oursChanges.count {
            addOurs(oursChanges[o], theirsShift: theirs.count - base.count)
            o += 1
        }
        while t < theirsChanges.count {
            addTheirs(theirsChanges[t], oursShift: ours.count - base.count)
            t += 1
        }
        return regions
    }

    /// Narrows each conflict to the lines where ours and theirs differ, by diffing the two sides.
    ///
    /// A conflict whose two sides are equal becomes `.identical`; one whose sides differ in several
    /// separate places becomes several conflicts. Conflicts with an empty side are left alone.
    private static func refineConflicts(
        _ regions: [Merge3Region],
        ours: [ArraySlice<UInt8>],
        theirs: [ArraySlice<UInt8>]
    ) -> [Merge3Region] {
        var refined: [Merge3Region] = []
        refined.reserveCapacity(regions.count)
        for region in regions {
            guard region.kind == .conflict, region.oursCount > 0, region.theirsCount > 0 else {
                refined.append(region)
                continue
            }
            let differences = LineDiff.changes(
                Array(ours[region.oursStart..<region.oursEnd]),
                Array(theirs[region.theirsStart..<region.theirsEnd]))
            if differences.isEmpty {
                var same = region
                same.kind = .identical
                refined.append(same)
                continue
            }
            for difference in differences {
                var part = region
                part.oursStart = region.oursStart + difference.oldStart
                part.oursCount = difference.oldCount
                part.theirsStart = region.theirsStart + difference.newStart
                part.theirsCount = difference.newCount
                refined.append(part)
            }
        }
        return refined
    }

    /// Joins neighbouring conflicts separated by at most three lines, or only by lines without letters or digits.
    private static func joinCloseConflicts(_ regions: inout [Merge3Region], ours: [ArraySlice<UInt8>]) {
        var joined: [Merge3Region] = []
        joined.reserveCapacity(regions.count)
        for next in regions {
            if let current = joined.last, current.kind == .conflict, next.kind == .conflict {
                let gapStart = current.oursEnd
                let gapEnd = next.oursStart
                if gapEnd - gapStart <= 3 || !ours[gapStart..<gapEnd].contains(where: containsLetterOrDigit) {
                    joined[joined.count - 1].oursCount = next.oursEnd - current.oursStart
                    joined[joined.count - 1].theirsCount = next.theirsEnd - current.theirsStart
                    continue
                }
            }
            joined.append(next)
        }
        regions = joined
    }

    /// Whether the line contains an ASCII letter or digit.
    private static func containsLetterOrDigit(_ line: ArraySlice<UInt8>) -> Bool {
        line.contains { ASCII.isDigit($0) || ASCII.isLetter($0) }
    }

    /// Concatenates lines.
    private static func joined(_ lines: ArraySlice<ArraySlice<UInt8>>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.count })
        for line in lines {
            out.append(contentsOf: line)
        }
        return out
    }
}

/// How a merge region is resolved.
enum Merge3RegionKind: Equatable, Sendable {
    /// Both sides changed the region differently.
    case conflict
    /// Only ours changed it: take ours.
    case takeOurs
    /// Only theirs changed it: take theirs.
    case takeTheirs
    /// Both sides made the same change: the ours lines stand, nothing to do.
    case identical
}

/// A region of the merge: `baseStart/baseCount` in the base, and the matching lines of each side.
struct Merge3Region: Equatable, Sendable {
    var kind: Merge3RegionKind
    var baseStart: Int
    var baseCount: Int
    var oursStart: Int
    var oursCount: Int
    var theirsStart: Int
    var theirsCount: Int

    var oursEnd: Int { oursStart + oursCount }
    var theirsEnd: Int { theirsStart + theirsCount }
}

/// Writes the merged file from the merge regions.
private struct Merge3Writer {
    let base: [ArraySlice<UInt8>]
    let ours: [ArraySlice<UInt8>]
    let theirs: [ArraySlice<UInt8>]
    let oursLabel: String
    let theirsLabel: String
    let markerSize: Int
    var out: [UInt8] = []

    /// Writes all regions and the ours lines between them; returns the number of conflict blocks.
    mutating func write(_ regions: [Merge3Region]) -> Int {
        var conflicts = 0
        var oursIndex = 0
        for region in regions {
            switch region.kind {
            case .identical:
                // The ours lines already hold the agreed change; they are copied with the next gap.
                continue
            case .takeOurs:
                append(ours[oursIndex..<region.oursEnd])
            case .takeTheirs:
                append(ours[oursIndex..<region.oursStart])
                append(theirs[region.theirsStart..<region.theirsEnd])
            case .conflict:
                conflicts += 1
                append(ours[oursIndex..<region.oursStart])
                writeConflict(region)
            }
            oursIndex = region.oursEnd
        }
        append(ours[oursIndex...])
        return conflicts
    }

    private mutating func writeConflict(_ region: Merge3Region) {
        let crlf = needsCRLF(region)
        writeMarker(UInt8(ascii: "<"), label: oursLabel, crlf: crlf)
        appendTerminated(ours[region.oursStart..<region.oursEnd], crlf: crlf)
        writeMarker(UInt8(ascii: "="), label: nil, crlf: crlf)
        appendTerminated(theirs[region.theirsStart..<region.theirsEnd], crlf: crlf)
        writeMarker(UInt8(ascii: ">"), label: theirsLabel, crlf: crlf)
    }

    private mutating func writeMarker(_ character: UInt8, label: String?, crlf: Bool) {
        out.append(contentsOf: repeatElement(character, count: markerSize))
        if let label, !label.isEmpty {
            out.append(ASCII.space)
            out.append(contentsOf: Array(label.utf8))
        }
        if crlf {
            out.append(ASCII.cr)
        }
        out.append(ASCII.lf)
    }

    private mutating func append(_ lines: ArraySlice<ArraySlice<UInt8>>) {
        for line in lines {
            out.append(contentsOf: line)
        }
    }

    /// Appends lines and, if the last one has no "\n", a line ending so the next marker starts a line.
    private mutating func appendTerminated(_ lines: ArraySlice<ArraySlice<UInt8>>, crlf: Bool) {
        append(lines)
        if let last = lines.last, !last.endsWithLineFeed {
            if crlf {
                out.append(ASCII.cr)
            }
            out.append(ASCII.lf)
        }
    }

    /// git's choice of marker line ending: ask ours (line before the conflict, or its first line),
    /// then theirs (likewise), then the base's first line, stopping as soon as one says LF.
    /// The last answer counts; "cannot tell" counts as LF.
    private func needsCRLF(_ region: Merge3Region) -> Bool {
        var answer = Self.lineEndingIsCRLF(ours, at: region.oursStart > 0 ? region.oursStart - 1 : 0)
        if answer != false {
            answer = Self.lineEndingIsCRLF(theirs, at: region.theirsStart > 0 ? region.theirsStart - 1 : 0)
        }
        if answer != false {
            answer = Self.lineEndingIsCRLF(base, at: 0)
        }
        return answer ?? false
    }

    /// Whether line `index` ends in CRLF (`nil` when it cannot be told: no lines, or a lone last line
    /// without ending). A last line without ending takes the ending of the line before it.
    private static func lineEndingIsCRLF(_ lines: [ArraySlice<UInt8>], at index: Int) -> Bool? {
        if lines.isEmpty {
            return nil
        }
        let line = lines[index]
        if index < lines.count - 1 || line.endsWithLineFeed {
            return line.endsWithCRLF
        }
        if index == 0 {
            return nil
        }
        return lines[index - 1].endsWithCRLF
    }
}
