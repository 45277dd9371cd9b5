/// Which side of a three-way merge wins a conflicted section.
package enum MergeSide: String, Sendable, CaseIterable {
    /// This clone's version (the local file).
    case ours
    /// The other version (the remote's).
    case theirs
}

/// A section-wise merge that names its conflicts and can settle them by taking one side's
/// version of each conflicted section wholesale. The merge itself is `SectionMerge.merge`;
/// this only reads its inputs and, with a preference, rewrites them before merging.
package enum ConflictResolution {
    /// A conflicted unit, named as messages name sections (`"System Architecture"`, `the text
    /// before the first heading`, or `the whole file`), with its plain title path for JSON
    /// (nil for the text before the first heading and the whole file).
    package struct Conflict: Sendable, Equatable {
        /// The name for messages.
        package var name: String
        /// `Title > Sub`, or nil.
        package var path: String?
    }

    /// What a merge gave.
    package struct Outcome: Sendable, Equatable {
        /// The merged bytes (with conflict blocks when `conflicts` is not empty).
        package var bytes: [UInt8]
        /// The conflicted units, in the order of ours then theirs.
        package var conflicts: [Conflict]
    }

    /// Merges `ours` and `theirs` against `base` section by section; with `prefer`, each unit
    /// (the text before the first heading, a level-1 heading's own text, or a section below
    /// it with its subsections) whose merge conflicts is taken from that side as it is there,
    /// removal included. Clean merges are the library's merge, byte for byte.
    package static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8], prefer: MergeSide?) -> Outcome {
        let merged = SectionMerge.merge(base: base, ours: ours, theirs: theirs)
        guard merged.conflicts > 0 else { return Outcome(bytes: merged.bytes, conflicts: []) }
        let units = MergeUnits(base: base, ours: ours, theirs: theirs)
        let conflicted = units.conflicted()
        guard let prefer else { return Outcome(bytes: merged.bytes, conflicts: conflicted.map(units.name)) }
        let resolved = units.preferring(prefer, in: conflicted)
        let remerged = SectionMerge.merge(base: resolved.base, ours: resolved.ours, theirs: resolved.theirs)
        guard remerged.conflicts > 0 else { return Outcome(bytes: remerged.bytes, conflicts: []) }
        // Conflicts no unit accounts for (the merge fell back to the whole file): the
        // preferred side's file.
        return Outcome(bytes: prefer == .ours ? ours : theirs, conflicts: [])
    }
}

/// The three versions of a merge cut into units: the text before the first heading, the own
/// text of each level-1 heading, and each section below a level-1 heading (or at the top,
/// without one) with all its subsections. Units are matched by their titles path, level and
/// rank among units of the same titles path and level.
private struct MergeUnits {
    /// How a unit is recognised in the three versions.
    struct Key: Hashable {
        var titles: [String]
        var level: Int
        var rank: Int
    }

    /// A unit of one version: its bytes, and its name for messages.
    struct Unit {
        var range: Range<Int>
        var name: String
        var path: String?
    }

    /// The whole file, for conflicts no unit accounts for.
    static let wholeFile = Key(titles: [], level: -1, rank: 0)

    let base: [UInt8]
    let ours: [UInt8]
    let theirs: [UInt8]
    let baseUnits: [Key: Unit]
    let oursUnits: [(key: Key, unit: Unit)]
    let theirsUnits: [(key: Key, unit: Unit)]

    init(base: [UInt8], ours: [UInt8], theirs: [UInt8]) {
        self.base = base
        self.ours = ours
        self.theirs = theirs
        baseUnits = Dictionary(Self.units(of: base).map { ($0.key, $0.unit) }, uniquingKeysWith: { first, _ in first })
        oursUnits = Self.units(of: ours)
        theirsUnits = Self.units(of: theirs)
    }

    /// The units of `bytes`, in document order.
    static func units(of bytes: [UInt8]) -> [(key: Key, unit: Unit)] {
        let outline = Outline(Document(bytes))
        let sections = outline.document.sections
        var units: [(key: Key, unit: Unit)] = [(Key(titles: [], level: 0, rank: 0),
                                                Unit(range: outline.range(of: .preamble), name: outline.name(of: .preamble), path: nil))]
        var seen: [Key: Int] = [:]
        func add(_ index: Int, range: Range<Int>) {
            var key = Key(titles: outline.titles(of: index), level: sections[index].level, rank: 0)
            key.rank = seen[key, default: 0]
            seen[Key(titles: key.titles, level: key.level, rank: 0)] = key.rank + 1
            units.append((key, Unit(range: range, name: outline.name(of: .section(index)), path: outline.plainPath(of: .section(index)))))
        }
        for top in outline.children(of: .preamble) {
            guard sections[top].level == 1 else {
                add(top, range: sections[top].range)
                continue
            }
            add(top, range: outline.range(of: .section(top)))
            for child in outline.children(of: .section(top)) { add(child, range: sections[child].range) }
        }
        return units
    }

    /// A unit's text without its trailing blank lines (which the merge takes apart).
    static func text(_ unit: Unit?, in bytes: [UInt8]) -> [UInt8]? {
        unit.map { TextLines.splitTrailingBlankLines(bytes[$0.range]).text }
    }

    /// The keys of the units both sides changed whose own merge conflicts, in ours' order
    /// then theirs'. When none does although the whole merge conflicts (it fell back to a
    /// merge of the whole file), every unit both sides changed, or else the whole file.
    func conflicted() -> [Key] {
        let oursMap = Dictionary(oursUnits.map { ($0.key, $0.unit) }, uniquingKeysWith: { first, _ in first })
        let theirsMap = Dictionary(theirsUnits.map { ($0.key, $0.unit) }, uniquingKeysWith: { first, _ in first })
        var keys = oursUnits.map(\.key)
        keys += theirsUnits.map(\.key).filter { oursMap[$0] == nil }
        var changedOnBoth: [Key] = []
        var conflicted: [Key] = []
        for key in keys {
            let baseText = Self.text(baseUnits[key], in: base)
            let oursText = Self.text(oursMap[key], in: ours)
            let theirsText = Self.text(theirsMap[key], in: theirs)
            guard oursText != baseText, theirsText != baseText, oursText != theirsText else { continue }
            changedOnBoth.append(key)
            if SectionMerge.merge(base: baseText ?? [], ours: oursText ?? [], theirs: theirsText ?? []).conflicts > 0 {
                conflicted.append(key)
            }
        }
        if !conflicted.isEmpty { return conflicted }
        return changedOnBoth.isEmpty ? [Self.wholeFile] : changedOnBoth
    }

    /// How a conflicted unit is named.
    func name(_ key: Key) -> ConflictResolution.Conflict {
        let unit = oursUnits.first { $0.key == key }?.unit ?? theirsUnits.first { $0.key == key }?.unit ?? baseUnits[key]
        return ConflictResolution.Conflict(name: unit?.name ?? "the whole file", path: unit?.path)
    }

    /// The three versions rewritten so that each unit of `keys` merges cleanly to the
    /// `side` version: the other side's unit replaced by it (or removed when `side` removed
    /// it); a unit only `side` has is taken out of the base, so that it reads as added.
    func preferring(_ side: MergeSide, in keys: [Key]) -> (base: [UInt8], ours: [UInt8], theirs: [UInt8]) {
        if keys == [Self.wholeFile] {
            return side == .ours ? (base, ours, ours) : (base, theirs, theirs)
        }
        let (preferred, preferredBytes, other, otherBytes) = side == .ours
            ? (oursUnits, ours, theirsUnits, theirs) : (theirsUnits, theirs, oursUnits, ours)
        let preferredMap = Dictionary(preferred.map { ($0.key, $0.unit) }, uniquingKeysWith: { first, _ in first })
        let otherMap = Dictionary(other.map { ($0.key, $0.unit) }, uniquingKeysWith: { first, _ in first })
        var baseEdits: [(range: Range<Int>, bytes: [UInt8])] = []
        var otherEdits: [(range: Range<Int>, bytes: [UInt8])] = []
        for key in keys {
            switch (preferredMap[key], otherMap[key]) {
            case let (kept?, replaced?):
                // Only the text: the other side's trailing blank lines stay where they are.
                let text = TextLines.splitTrailingBlankLines(preferredBytes[kept.range]).text
                let end = TextLines.trailingBlankStart(otherBytes, in: replaced.range)
                otherEdits.append((replaced.range.lowerBound..<end, text))
            case (nil, let removed?):
                otherEdits.append((removed.range, []))
            case (_?, nil):
                if let inBase = baseUnits[key] { baseEdits.append((inBase.range, [])) }
            case (nil, nil):
                continue
            }
        }
        let newBase = Self.applying(baseEdits, to: base)
        let newOther = Self.applying(otherEdits, to: otherBytes)
        return side == .ours ? (newBase, ours, newOther) : (newBase, newOther, theirs)
    }

    /// `bytes` with each range replaced, the ranges not overlapping.
    static func applying(_ edits: [(range: Range<Int>, bytes: [UInt8])], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: edit.bytes)
        }
        return result
    }
}
