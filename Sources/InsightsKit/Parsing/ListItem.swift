/// A list marker: `-`, `+`, `*`, or one to nine digits and `.` or `)`, and the column where
/// the item's content starts relative to it.
struct ListMarker: Equatable {
    var ordered: Bool
    /// The bullet character, or the ordered list's delimiter.
    var character: UInt8
    private var storedMarkerOffset: UInt8
    private var storedPadding: UInt8

    /// Column of the marker, relative to the container's content (under four).
    var markerOffset: Int { Int(storedMarkerOffset) }
    /// Columns from the marker to the item's content (at most the marker's length, ten
    /// bytes, and five).
    var padding: Int { Int(storedPadding) }

    init(ordered: Bool, character: UInt8, markerOffset: Int, padding: Int) {
        self.ordered = ordered
        self.character = character
        storedMarkerOffset = UInt8(markerOffset)
        storedPadding = UInt8(padding)
    }

    /// Whether an item with this marker continues a list that started with `other`.
    func belongsToSameList(as other: ListMarker) -> Bool {
        ordered == other.ordered && character == other.character
    }
}

/// Lists and list items.
extension ScanState {
    mutating func startListItem(container: BlockKind) -> Bool {
        guard !indented || container == .list, let marker = parseListMarker(container: container) else { return false }
        closeUnmatchedBlocks()
        if tip.kind != .list || !tip.list.belongsToSameList(as: marker) {
            addChild(.list)
            open[open.count - 1].list = marker
        }
        addChild(.listItem)
        open[open.count - 1].list = marker
        if open.count == 3, recordsListItems { listItems.append(ListItemSpan(firstLine: lineIndex, lastLine: lineIndex, contentStart: offset)) }
        return true
    }

    /// Continues the items of entry `depth` (and the lists between them), the cursor on the
    /// first one's next non-space. A run of items each holding a block continues whole on a
    /// blank rest of line.
    mutating func continueListItem(_ depth: Int) -> Continuation {
        let item = open[depth]
        if blank {
            if !item.hasChild { return .failed }
            advanceNextNonspace()
            return .matched
        }
        let width = item.list.markerOffset + item.list.padding
        for kept in 0..<item.run {
            if kept > 0 { findNextNonspace() }
            guard indent >= width else { return kept == 0 ? .failed : .partly(kept: kept) }
            advanceOffset(width, columns: true)
        }
        return .matched
    }

    /// Joins the tip, a list item that has just got its first block, and the list holding it
    /// to the run of items the list is in, when their marker is the same.
    mutating func joinItemRun() {
        let count = open.count
        guard count >= 5, open[count - 2].kind == .list, open[count - 3].kind == .listItem,
              open[count - 3].list == open[count - 1].list, open[count - 3].takesAnother else { return }
        open.removeLast(2)
        open[count - 3].run += 1
    }

    /// Reads a list marker at the next non-space character and advances past it and the
    /// spaces that belong to it.
    private mutating func parseListMarker(container: BlockKind) -> ListMarker? {
        guard indent < 4, nextNonspace < lineEnd else { return nil }
        let first = bytes[nextNonspace]
        var markerEnd = nextNonspace
        var ordered = false
        var character = first
        if first == ASCII.minus || first == ASCII.plus || first == ASCII.star {
            markerEnd += 1
        } else if ASCII.isDigit(first) {
            var position = nextNonspace
            while position < lineEnd, ASCII.isDigit(bytes[position]), position - nextNonspace < 10 { position += 1 }
            let digits = position - nextNonspace
            guard digits <= 9, position < lineEnd,
                  bytes[position] == ASCII.dot || bytes[position] == ASCII.closeParen else { return nil }
            // Only a list starting at 1 may interrupt a paragraph.
            if container == .paragraph {
                let isOne = bytes[nextNonspace..<position].drop { $0 == 0x30 }.elementsEqual([0x31])
                guard isOne else { return nil }
            }
            ordered = true
            character = bytes[position]
            markerEnd = position + 1
        } else {
            return nil
        }
        if markerEnd < lineEnd, !ASCII.isSpaceOrTab(bytes[markerEnd]) { return nil }
        // An empty item may not interrupt a paragraph.
        if container == .paragraph {
            var position = markerEnd
            while position < lineEnd, ASCII.isWhitespace(bytes[position]) { position += 1 }
            if position == lineEnd { return nil }
        }
        let markerOffset = indent
        let markerLength = markerEnd - nextNonspace
        advanceNextNonspace()
        advanceOffset(markerLength, columns: true)
        let spacesStartColumn = column
        let spacesStartOffset = offset
        repeat {
            advanceOffset(1, columns: true)
        } while column - spacesStartColumn < 5 && offset < lineEnd && ASCII.isSpaceOrTab(bytes[offset])
        let blankItem = offset >= lineEnd
        let spacesAfterMarker = column - spacesStartColumn
        var padding: Int
        if spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem {
            padding = markerLength + 1
            column = spacesStartColumn
            offset = spacesStartOffset
            partiallyConsumedTab = false
            if offset < lineEnd, ASCII.isSpaceOrTab(bytes[offset]) {
                advanceOffset(1, columns: true)
            }
        } else {
            padding = markerLength + spacesAfterMarker
        }
        return ListMarker(ordered: ordered, character: character, markerOffset: markerOffset, padding: padding)
    }
}
