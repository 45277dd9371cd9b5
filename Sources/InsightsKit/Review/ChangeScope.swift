/// What a change touched, in the units `check` reports on: each level-2 section with its
/// subsections, and outside them each part on its own (the text before the first heading, a
/// level-1 section's own text). A part changed when its text did, trailing blank lines aside
/// (a section appended after the last one moves no line of that one), or when it moved; a
/// part that moved or was removed touched the unit it left too.
package struct ChangeScope: Sendable {
    /// One touched unit, named by its place in the new version (or the old one, when the
    /// whole unit was removed), with the 0-based line of the new version where it changed first.
    package struct Unit: Sendable, Equatable {
        /// The unit's part in the new version, or nil when it was removed.
        package var new: Part?
        /// The unit's part in the old version, when it was removed.
        package var old: Part?
        /// Where it first changed, in the new version's lines.
        package var line: Int
    }

    /// The touched units, in the order of their first change.
    package let units: [Unit]
    private let touchedNew: Set<Part>
    private let new: Outline

    /// The units `comparison` touched.
    package init(_ comparison: SectionComparison) {
        new = comparison.new
        let old = comparison.old
        // The new section of each old one (-1 for none), made for the first part that moved
        // or was removed.
        var newOfOld: [Int32] = []
        var units: [Unit] = []
        var touchedNew = Set<Part>()
        var removedOld = Set<Part>()
        for (position, change) in comparison.changes.enumerated() where change.status != .unchanged {
            if change.status == .modified, comparison.stampChanges[position] == nil, let oldPart = change.old, let newPart = change.new,
               TextLines.splitTrailingBlankLines(old.bytes(of: oldPart)).text == TextLines.splitTrailingBlankLines(comparison.new.bytes(of: newPart)).text {
                continue
            }
            let line = comparison.firstChangedLine(at: position)
            var touched: [Part] = []
            if let newPart = change.new { touched.append(Self.unit(of: newPart, in: comparison.new)) }
            if let oldPart = change.old, change.status != .modified {
                let oldUnit = Self.unit(of: oldPart, in: old)
                if newOfOld.isEmpty { newOfOld = Self.newSections(ofOld: comparison) }
                if case .section(let index) = oldUnit, newOfOld[index] >= 0 {
                    touched.append(.section(Int(newOfOld[index])))
                } else if oldUnit == .preamble {
                    touched.append(.preamble)
                } else if !removedOld.contains(oldUnit) {
                    removedOld.insert(oldUnit)
                    units.append(Unit(new: nil, old: oldUnit, line: line))
                }
            }
            for part in touched where !touchedNew.contains(part) {
                touchedNew.insert(part)
                units.append(Unit(new: part, old: nil, line: line))
            }
        }
        self.units = units
        self.touchedNew = touchedNew
    }

    /// For each section of the old version, the index of the new version's section matched
    /// with it, or -1.
    private static func newSections(ofOld comparison: SectionComparison) -> [Int32] {
        var newOfOld = [Int32](repeating: -1, count: comparison.old.document.sections.count)
        for change in comparison.changes {
            if case .section(let oldIndex)? = change.old, case .section(let newIndex)? = change.new { newOfOld[oldIndex] = Int32(newIndex) }
        }
        return newOfOld
    }

    /// Whether the 0-based line of the new version lies in a touched unit.
    package func contains(line: Int) -> Bool {
        touchedNew.contains(Self.unit(of: Self.part(containing: line, in: new), in: new))
    }

    /// The part holding a 0-based line.
    static func part(containing line: Int, in outline: Outline) -> Part {
        let after = outline.document.sections.headings.partitioningIndex { $0.firstLine > line }
        return after == 0 ? .preamble : .section(after - 1)
    }

    /// The unit of a part: its enclosing level-2 section (itself at level 2), else the part.
    static func unit(of part: Part, in outline: Outline) -> Part {
        guard case .section(let index) = part else { return part }
        let headings = outline.document.sections.headings
        var current: Int? = index
        while let section = current {
            if headings.level(at: section) == Check.agentLevel { return .section(section) }
            current = headings.parent(of: section)
        }
        return part
    }

    /// The title of a unit that is a level-2 section.
    package func agentTitle(of unit: Unit, old: Outline) -> String? {
        let (part, outline) = unit.new.map { ($0, new) } ?? (unit.old ?? .preamble, old)
        guard case .section(let index) = part, outline.document.sections[index].level == Check.agentLevel else { return nil }
        return outline.document.sections[index].title
    }
}
