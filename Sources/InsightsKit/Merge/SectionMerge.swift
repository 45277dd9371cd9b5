/// The labels and marker size of a merge's conflict blocks.
package struct ConflictStyle: Sendable, Equatable {
    /// The label after `<<<<<<<`.
    package var oursLabel: String
    /// The label after `>>>>>>>`.
    package var theirsLabel: String
    /// How many characters each marker has (git's `%L`, default 7).
    package var markerSize: Int

    /// Creates a style.
    package init(oursLabel: String = "ours", theirsLabel: String = "theirs", markerSize: Int = 7) {
        self.oursLabel = oursLabel
        self.theirsLabel = theirsLabel
        self.markerSize = markerSize
    }
}

/// Three-way merges of memory files, section by section.
public enum SectionMerge {
    /// A three-way merge section by section, for git's merge driver.
    ///
    /// The document is a tree: the text before the first heading, and each section's own text
    /// (heading to the next heading) with its subsections. Sections are matched among their
    /// siblings by title and level, duplicates in order. For each section:
    /// - changed on one side only: that side's text;
    /// - changed on both: a line merge (`Merge3.merge`) of its own text, conflict markers only there;
    /// - added on one side: kept where that side put it (after the section that precedes it
    ///   there); added on both with different text: a line merge against nothing;
    /// - removed on one side and unchanged on the other: removed; removed on one side and
    ///   changed on the other: a conflict block holding the changed side.
    ///
    /// The closing `Last updated:` line of each level-2 section is merged apart from the
    /// section's text and put back at its end: the side that changed it wins, and when both
    /// did, the later date (ours when neither is later). Two sides editing different lines of
    /// one section so never conflict on its stamp.
    ///
    /// A section's trailing blank lines are merged apart from its text (one side's change
    /// wins), so a section appended after the last one does not conflict with an edit of that
    /// last section; so is whether the file ends with a line ending. The order of sections is
    /// ours unless only theirs reordered. When a clean result would not parse into the sections
    /// it was built from (a change that alters how the rest of the file parses), the whole files
    /// are merged line by line instead, as git would.
    public static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8]) -> MergeResult {
        merge(base: base, ours: ours, theirs: theirs, style: ConflictStyle())
    }

    /// `merge(base:ours:theirs:)` with the conflict labels and marker size of `style`.
    package static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8], style: ConflictStyle) -> MergeResult {
        let lineEnding = TextLines.firstLineEnding(ours)
        func terminated(_ bytes: [UInt8]) -> [UInt8] {
            guard let last = bytes.last, last != ASCII.lf, last != ASCII.cr else { return bytes }
            return bytes + lineEnding
        }
        // Each top-level section's closing stamp is merged apart from its text.
        var merger = SectionMerger(base: DetachedStamps(terminated(base)), ours: DetachedStamps(terminated(ours)),
                                   theirs: DetachedStamps(terminated(theirs)), style: style, lineEnding: lineEnding)
        merger.mergeNode(base: .preamble, ours: .preamble, theirs: .preamble)
        var result = MergeResult(bytes: merger.output, conflicts: merger.conflicts)
        if result.conflicts == 0 {
            if !merger.headingsMatch(Document(result.bytes)) {
                return Merge3.merge(base: Lines.split(base), ours: Lines.split(ours), theirs: Lines.split(theirs),
                              oursLabel: style.oursLabel, theirsLabel: style.theirsLabel, markerSize: style.markerSize)
            }
        }
        if result.conflicts == 0 {
            // Whether the file ends with a line ending is merged like a line.
            let ends = { (bytes: [UInt8]) in bytes.last.map { $0 == ASCII.lf || $0 == ASCII.cr } ?? true }
            let wantEnding = ends(base) == ends(ours) ? ends(theirs) : ends(ours)
            if !wantEnding {
                result.bytes.removeSubrange(TextLines.contentEnd(result.bytes, lineStart: 0, end: result.bytes.count)...)
            }
        }
        return result
    }
}

/// One version of a merge, and the same with the closing stamp of each level-2 section (and
/// the blank lines before it) taken out; both have the same sections, so a section's index
/// is the same in each. When taking the stamps out would change the sections, none is.
struct DetachedStamps {
    /// One stamp taken out.
    struct Detached {
        /// The blank lines before the stamp, and its line.
        var bytes: [UInt8]
        /// The stamp's value.
        var value: [UInt8]
    }

    /// The version as it is.
    let original: Outline
    /// The version without the stamps.
    let stripped: Outline
    /// The stamps, by the index of the section they close.
    let stamps: [Int: Detached]

    init(_ bytes: [UInt8]) {
        let document = Document(bytes)
        original = Outline(document)
        var stamps: [Int: Detached] = [:]
        var text = bytes
        let headings = document.sections.headings
        for index in headings.indices.reversed() where headings.level(at: index) == Check.agentLevel {
            guard let stamp = ClosingStamp(of: document.sections[index], in: document) else { continue }
            stamps[index] = Detached(bytes: Array(bytes[stamp.range]), value: Array(bytes[stamp.value]))
            text.removeSubrange(stamp.range)
        }
        guard !stamps.isEmpty else {
            (stripped, self.stamps) = (original, [:])
            return
        }
        let strippedDocument = Document(text)
        let strippedHeadings = strippedDocument.sections.headings
        let same = strippedHeadings.count == headings.count
            && headings.indices.allSatisfy { index in
                strippedHeadings.level(at: index) == headings.level(at: index)
                    && strippedDocument.sections.title(at: index) == document.sections.title(at: index)
            }
        stripped = same ? Outline(strippedDocument) : original
        self.stamps = same ? stamps : [:]
    }

    /// The stamp a merged section gets: the one side changed, else the later date, else ours.
    static func merged(base: Detached?, ours: Detached?, theirs: Detached?) -> Detached? {
        if ours?.value == base?.value { return theirs }
        if theirs?.value == base?.value { return ours }
        guard let ours, let theirs else { return ours ?? theirs }
        let theirsLater = MarkdownText.isDate(ours.value[...]) && MarkdownText.isDate(theirs.value[...])
            && ours.value.lexicographicallyPrecedes(theirs.value)
        return theirsLater ? theirs : ours
    }
}

/// A heading as the merge expects to find it in its result.
private struct HeadingName: Hashable {
    var title: String
    var level: Int
}

/// The subsections of one node on one side, each told apart from its siblings by a key: the
/// number of its title and level (shared by the three sides, `Siblings.Names`) times 2^32
/// plus its rank among the siblings of that title and level. Eight bytes a subsection: its
/// name number, and its place in the list of positions grouped by name (from which its rank
/// is found by binary search); its section index is counted from the first subsection's,
/// with a note only after each subsection that has subsections of its own.
private struct Siblings {
    /// Numbers for the titles and levels of the siblings of all three sides.
    struct Names {
        var numbers: [HeadingName: Int32] = [:]
    }

    /// Each subsection's name number, in order.
    private var names: [Int32] = []
    /// The positions grouped by name, each name's in order (empty when that is every
    /// position in order), and where each name's start.
    private var byName: [Int32] = []
    private var nameStarts: [Int32] = []
    /// The section index of the first subsection.
    private var firstIndex = 0
    /// The positions that follow a subsection with subsections, in order, and for each the
    /// number of sections inside the subsections before it.
    private var jumpPositions: [Int32] = []
    private var jumpSkips: [Int32] = []

    /// A node with no subsections.
    init() {}

    /// The subsections of `part` in `outline`, named in `names`.
    init(of part: Part, in outline: Outline, names: inout Names) {
        let sections = outline.document.sections
        let headings = sections.headings
        var child: Int
        let end: Int
        switch part {
        case .preamble: (child, end) = (0, sections.count)
        case .section(let index): (child, end) = (index + 1, headings.sectionEnd(of: index))
        }
        firstIndex = child
        var count = 0
        var next = child
        while next < end {
            count += 1
            next = headings.sectionEnd(of: next)
        }
        self.names.reserveCapacity(count)
        var skipped = 0
        while child < end {
            let name = HeadingName(title: sections.title(at: child), level: headings.level(at: child))
            let number = names.numbers[name] ?? {
                let fresh = Int32(names.numbers.count)
                names.numbers[name] = fresh
                return fresh
            }()
            self.names.append(number)
            let next = headings.sectionEnd(of: child)
            if next - child > 1, next < end {
                skipped += next - child - 1
                jumpPositions.append(Int32(self.names.count))
                jumpSkips.append(Int32(skipped))
            }
            child = next
        }
    }

    /// Makes `position(of:)` ready once every side is named: `nameCount` names in all.
    mutating func finish(nameCount: Int) {
        var starts = [Int32](repeating: 0, count: nameCount + 1)
        for name in names { starts[Int(name) + 1] += 1 }
        for name in 0..<nameCount { starts[name + 1] += starts[name] }
        nameStarts = starts
        // Positions already grouped by name (each name's siblings side by side) need no list.
        guard !zip(names, names.dropFirst()).allSatisfy({ $0 <= $1 }) else { return }
        var next = starts
        byName = [Int32](repeating: 0, count: names.count)
        for (position, name) in names.enumerated() {
            byName[Int(next[Int(name)])] = Int32(position)
            next[Int(name)] += 1
        }
    }

    /// The number of subsections.
    var count: Int { names.count }

    /// The key of the subsection at `position`.
    func key(at position: Int) -> Int {
        let name = Int(names[position])
        let start = Int(nameStarts[name])
        guard !byName.isEmpty else { return name << 32 | (position - start) }
        let group = byName[start..<Int(nameStarts[name + 1])]
        return name << 32 | (group.partitioningIndex { Int($0) >= position } - start)
    }

    /// The keys, in order.
    var keys: LazyMapSequence<Range<Int>, Int> {
        (0..<count).lazy.map { key(at: $0) }
    }

    /// The position of the subsection of `key`, if this side has it.
    func position(of key: Int) -> Int? {
        let (name, rank) = (key >> 32, key & 0xFFFF_FFFF)
        guard name + 1 < nameStarts.count else { return nil }
        let position = Int(nameStarts[name]) + rank
        guard position < Int(nameStarts[name + 1]) else { return nil }
        return byName.isEmpty ? position : Int(byName[position])
    }

    /// The section index of the subsection at `position`.
    func index(at position: Int) -> Int {
        let jumps = jumpPositions.partitioningIndex { Int($0) > position }
        return firstIndex + position + (jumps == 0 ? 0 : Int(jumpSkips[jumps - 1]))
    }

    /// The section index of the subsection of `key`, if this side has it.
    func index(of key: Int) -> Int? {
        position(of: key).map(index(at:))
    }
}

/// The state of one section-wise merge: the three versions and the result so far.
private struct SectionMerger {
    /// The three versions without their closing stamps.
    let base: Outline
    let ours: Outline
    let theirs: Outline
    /// The three versions as they are, with their stamps.
    let sides: (base: DetachedStamps, ours: DetachedStamps, theirs: DetachedStamps)
    let style: ConflictStyle
    let lineEnding: [UInt8]
    var output: [UInt8] = []
    var conflicts = 0
    /// The headings written, in order, to check the result against: each the index of a
    /// section times 4 plus the version it is read from (`Source`).
    private var headings: [Int32] = []

    /// The versions headings are read from.
    private enum Source: Int32 {
        case ours, baseOriginal, oursOriginal, theirsOriginal
    }

    private func outline(_ source: Source) -> Outline {
        switch source {
        case .ours: ours
        case .baseOriginal: sides.base.original
        case .oursOriginal: sides.ours.original
        case .theirsOriginal: sides.theirs.original
        }
    }

    /// Whether `result` has the headings written, in order, with their titles and levels.
    func headingsMatch(_ result: Document) -> Bool {
        let sections = result.sections
        guard sections.count == headings.count else { return false }
        for (index, code) in headings.enumerated() {
            let outline = outline(Source(rawValue: code & 3) ?? .ours)
            let section = Int(code >> 2)
            guard sections.headings.level(at: index) == outline.document.sections.headings.level(at: section),
                  sections.title(at: index) == outline.document.sections.title(at: section) else { return false }
        }
        return true
    }

    private mutating func recordHeading(_ section: Int, of source: Source) {
        headings.append(Int32(section) << 2 | source.rawValue)
    }

    init(base: DetachedStamps, ours: DetachedStamps, theirs: DetachedStamps, style: ConflictStyle, lineEnding: [UInt8]) {
        self.base = base.stripped
        self.ours = ours.stripped
        self.theirs = theirs.stripped
        sides = (base, ours, theirs)
        self.style = style
        self.lineEnding = lineEnding
        // The result is most often about the size of ours: room for it at once, not grown by
        // doubling.
        output.reserveCapacity(ours.original.document.bytes.count + lineEnding.count)
        // The headings written are most often those of ours with the sections theirs added.
        let (baseCount, oursCount, theirsCount) = (base.original.document.sections.count, ours.original.document.sections.count,
                                                   theirs.original.document.sections.count)
        headings.reserveCapacity(oursCount + max(0, theirsCount - baseCount) + 1)
    }

    /// Merges one node (its own text, then its subsections) present on at least one side.
    mutating func mergeNode(base b: Part?, ours o: Part?, theirs t: Part?) {
        switch (o, t) {
        case let (o?, t?):
            let start = output.count
            mergeOwnText(base: b, ours: o, theirs: t)
            mergeChildren(base: b, ours: o, theirs: t)
            if case .section(let index) = o, ours.document.sections[index].level == Check.agentLevel {
                attachStamp(from: start, base: b, ours: index, theirs: t)
            }
        // A section on one side only is taken with its stamps, as that side has it.
        case let (o?, nil):
            let (oldSide, side) = (sides.base.original, sides.ours.original)
            if let b, sameSubtree(oldSide.subtreeBytes(of: b), side.subtreeBytes(of: o)) { return }
            if let b {
                emitMerge(base: oldSide.subtreeBytes(of: b), ours: side.subtreeBytes(of: o), theirs: [], wholeConflict: true)
            } else {
                emitSubtree(o, of: .oursOriginal)
            }
        case let (nil, t?):
            let (oldSide, side) = (sides.base.original, sides.theirs.original)
            if let b, sameSubtree(oldSide.subtreeBytes(of: b), side.subtreeBytes(of: t)) { return }
            if let b {
                emitMerge(base: oldSide.subtreeBytes(of: b), ours: [], theirs: side.subtreeBytes(of: t), wholeConflict: true)
            } else {
                emitSubtree(t, of: .theirsOriginal)
            }
        case (nil, nil):
            return
        }
    }

    /// Puts the merged closing stamp of a level-2 section, written from `start` on, back at
    /// its end (before its trailing blank lines).
    private mutating func attachStamp(from start: Int, base b: Part?, ours o: Int, theirs t: Part) {
        func stamp(_ part: Part?, _ side: DetachedStamps) -> DetachedStamps.Detached? {
            guard case .section(let index)? = part else { return nil }
            return side.stamps[index]
        }
        guard let chosen = DetachedStamps.merged(base: stamp(b, sides.base), ours: stamp(.section(o), sides.ours), theirs: stamp(t, sides.theirs))
        else { return }
        let point = TextLines.trailingBlankStart(output, in: start..<output.count)
        var bytes = chosen.bytes
        if point > 0, output[point - 1] != ASCII.lf, output[point - 1] != ASCII.cr { bytes = lineEnding + bytes }
        output.insert(contentsOf: bytes, at: point)
    }

    /// Both sides have the node: its text merged, its trailing blank lines taken from the
    /// side that changed them.
    private mutating func mergeOwnText(base b: Part?, ours o: Part?, theirs t: Part?) {
        guard let o, let t else { return }
        let (oursText, oursGap) = TextLines.splitTrailingBlankLines(ours.bytes(of: o))
        let (theirsText, theirsGap) = TextLines.splitTrailingBlankLines(theirs.bytes(of: t))
        if case .section(let index) = o { recordHeading(index, of: .ours) }
        guard let b else {
            if oursText == theirsText {
                emit(oursText)
            } else {
                emitMerge(base: [], ours: oursText, theirs: theirsText)
            }
            emit(oursGap)
            return
        }
        let (baseText, baseGap) = TextLines.splitTrailingBlankLines(base.bytes(of: b))
        if oursText == baseText {
            emit(theirsText)
        } else if theirsText == baseText || oursText == theirsText {
            emit(oursText)
        } else {
            emitMerge(base: baseText, ours: oursText, theirs: theirsText)
        }
        emit(oursGap == baseGap ? theirsGap : oursGap)
    }

    /// Merges the subsections of a node that both sides have.
    private mutating func mergeChildren(base b: Part?, ours o: Part, theirs t: Part) {
        var names = Siblings.Names()
        var baseChildren = b.map { Siblings(of: $0, in: base, names: &names) } ?? Siblings()
        var oursChildren = Siblings(of: o, in: ours, names: &names)
        var theirsChildren = Siblings(of: t, in: theirs, names: &names)
        let nameCount = names.numbers.count
        names = Siblings.Names()
        baseChildren.finish(nameCount: nameCount)
        oursChildren.finish(nameCount: nameCount)
        theirsChildren.finish(nameCount: nameCount)

        // Ours gives the order, unless only theirs reordered what was in the base.
        func reordered(_ side: Siblings) -> Bool {
            !side.keys.filter { baseChildren.position(of: $0) != nil }
                .elementsEqual(baseChildren.keys.filter { side.position(of: $0) != nil })
        }
        let theirsLead = !reordered(oursChildren) && reordered(theirsChildren)
        let (lead, other) = theirsLead ? (theirsChildren, oursChildren) : (oursChildren, theirsChildren)
        let order = Self.order(lead: lead, other: other) { key in
            baseChildren.position(of: key) == nil && other.position(of: key) == nil
        }
        var previousInserted = false
        for entry in order {
            let key = entry >= 0 ? lead.key(at: Int(entry)) : other.key(at: Int(~entry))
            // A section one side added, placed next to text it did not follow there.
            let isInserted = lead.position(of: key) == nil && baseChildren.position(of: key) == nil
            if isInserted || previousInserted { separateFromPrevious() }
            mergeNode(base: baseChildren.index(of: key).map(Part.section), ours: oursChildren.index(of: key).map(Part.section),
                      theirs: theirsChildren.index(of: key).map(Part.section))
            previousInserted = isInserted
        }
    }

    /// The siblings of both sides in one order (a lead side's position `p` as `p`, the other
    /// side's as `~p`): the lead side's, with each
    /// section only the other side has placed after the one that precedes it there (after
    /// the lead side's own additions at that place, before what was placed there earlier).
    ///
    /// The sections the other side adds after one lead section form runs, a new run before
    /// the earlier ones (a reordered other side can come back to a place); a run extends
    /// past lead sections the lead side added (`isLeadAddition`) while nothing was placed
    /// after them yet. Linear in the siblings, however either side reordered them.
    private static func order(lead: Siblings, other: Siblings, isLeadAddition: (Int) -> Bool) -> [Int32] {
        // runs[a + 1]: the runs placed after lead position a (a = -1: before the first),
        // oldest first; only the places something is placed after are kept.
        var runs: [Int: [[Int32]]] = [:]
        var anchor = -1
        var extending = false
        for (otherPosition, key) in other.keys.enumerated() {
            let entry = ~Int32(otherPosition)
            if let position = lead.position(of: key) {
                anchor = position
                extending = false
                continue
            }
            while runs[anchor + 1, default: []].count == (extending ? 1 : 0), anchor + 1 < lead.count, isLeadAddition(lead.key(at: anchor + 1)) {
                anchor += 1
                extending = false
            }
            if extending {
                runs[anchor + 1, default: []][runs[anchor + 1, default: []].count - 1].append(entry)
            } else {
                runs[anchor + 1, default: []].append([entry])
                extending = true
            }
        }
        var order: [Int32] = []
        order.reserveCapacity(lead.count + runs.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
        for anchor in -1..<lead.count {
            if anchor >= 0 { order.append(Int32(anchor)) }
            for run in (runs[anchor + 1] ?? []).reversed() { order += run }
        }
        return order
    }

    /// Whether two subtrees are the same but for their trailing blank lines.
    private func sameSubtree(_ first: [UInt8], _ second: [UInt8]) -> Bool {
        TextLines.splitTrailingBlankLines(first[...]).text == TextLines.splitTrailingBlankLines(second[...]).text
    }

    private mutating func emitSubtree(_ part: Part, of source: Source) {
        let outline = outline(source)
        if case .section(let index) = part {
            for inner in outline.subtree(of: index) { recordHeading(inner, of: source) }
        }
        emit(outline.subtreeBytes(of: part))
    }

    /// Emits the line merge of three texts. `wholeConflict` marks a section removed on one
    /// side and changed on the other: a conflict however the lines fall.
    private mutating func emitMerge(base: [UInt8], ours: [UInt8], theirs: [UInt8], wholeConflict: Bool = false) {
        let merged = Merge3.merge(base: Lines.split(base), ours: Lines.split(ours), theirs: Lines.split(theirs),
                            oursLabel: style.oursLabel, theirsLabel: style.theirsLabel, markerSize: style.markerSize)
        conflicts += wholeConflict ? max(merged.conflicts, 1) : merged.conflicts
        emit(merged.bytes)
    }

    /// Appends bytes, first ending the last line if it has no line ending.
    private mutating func emit(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if let last = output.last, last != ASCII.lf, last != ASCII.cr { output += lineEnding }
        output += bytes
    }

    /// Makes the output end with a blank line (unless it is empty), before a section placed
    /// next to text it did not follow on its own side.
    private mutating func separateFromPrevious() {
        guard !output.isEmpty, !TextLines.endsWithBlankLine(output) else { return }
        if let last = output.last, last != ASCII.lf, last != ASCII.cr { output += lineEnding }
        output += lineEnding
    }
}

extension Outline {
    /// A part with its subsections: the whole section (all of the document for the preamble).
    func subtreeBytes(of part: Part) -> [UInt8] {
        guard case .section(let index) = part else { return document.bytes }
        return Array(document.bytes[document.sections[index].range])
    }
}
