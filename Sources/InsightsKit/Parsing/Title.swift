/// Heading titles as `insights` compares them.
package enum Title {
    /// The text of `range` with leading and trailing white space removed and every run of
    /// white space (spaces, tabs, line endings) collapsed to one space.
    static func normalized(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let text = UnsafeBufferPointer(rebasing: bytes[range])
        if isNormalized(text) { return String(decoding: text, as: UTF8.self) }
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(range.count)
        var pendingSpace = false
        for byte in text {
            if ASCII.isWhitespace(byte) {
                pendingSpace = !collapsed.isEmpty
            } else {
                if pendingSpace { collapsed.append(ASCII.space) }
                pendingSpace = false
                collapsed.append(byte)
            }
        }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// Whether `text` is already in normalized form: no white space at its ends, and none
    /// inside but single spaces.
    private static func isNormalized(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true
        for byte in text {
            if ASCII.isWhitespace(byte) {
                if byte != ASCII.space || previousWasSpace { return false }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace || text.isEmpty
    }

    /// `title` with white space runs collapsed and trimmed, the form titles are matched in.
    package static func normalized(_ title: String) -> String {
        let bytes = Array(title.utf8)
        return bytes.withUnsafeBufferPointer { normalized($0, 0..<bytes.count) }
    }

    /// The loose form of a title, `--sub`, `set` key or summary label, the form a near miss
    /// is matched in: `bare(_:)`, lowercased. `## **Key:**` and `key` have the same loose
    /// form.
    package static func loose(_ title: String) -> String {
        bare(title).lowercased()
    }

    /// `title` without what an agent may wrap it in: one leading run of 1-6 `#` followed by
    /// white space stripped, one surrounding pair of `**`, `__` or backticks stripped, one
    /// trailing `:` (inside or outside that pair) dropped, white space runs collapsed and
    /// trimmed. The case is kept: a `set` key given as `**Key:**` is written as `Key`.
    package static func bare(_ title: String) -> String {
        var text = Substring(normalized(forNewHeading(title)))
        var droppedColon = false
        if text.hasSuffix(":") {
            text = trimmed(text.dropLast())
            droppedColon = true
        }
        for pair in ["**", "__", "`"] where text.count > 2 * pair.count && text.hasPrefix(pair) && text.hasSuffix(pair) {
            text = trimmed(text.dropFirst(pair.count).dropLast(pair.count))
            break
        }
        if !droppedColon, text.hasSuffix(":") { text = text.dropLast() }
        return normalized(String(text))
    }

    /// The title a heading created for `title` gets: without a leading run of 1-6 `#` and
    /// the white space after it, which never sets the level.
    package static func forNewHeading(_ title: String) -> String {
        let text = Substring(normalized(title))
        let hashes = text.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), text.dropFirst(hashes).first == " " else { return title }
        return String(text.dropFirst(hashes + 1))
    }

    /// A hash of the loose form of the UTF-8 text `utf8`: text with equal loose forms has equal
    /// hashes. No string is made for ASCII text, which makes it a cheap way to find the few
    /// titles or keys worth comparing in loose form.
    static func looseHash<UTF8Bytes: Collection<UInt8>>(_ utf8: UTF8Bytes) -> UInt64 {
        // The loose form of ASCII text is the text with some white space, `#`, `*`, `_`,
        // backticks and `:` dropped, lowercased: a hash that skips all of those and lowercases
        // agrees with it. Other text is hashed so through its loose form.
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return hash(loose(String(decoding: utf8, as: UTF8.self)).utf8) }
        return hash(utf8)
    }

    /// The FNV-1a hash of `utf8` without white space, `#`, `*`, `_`, backticks and `:`, with
    /// ASCII letters lowercased.
    private static func hash<UTF8Bytes: Sequence<UInt8>>(_ utf8: UTF8Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            if ASCII.isWhitespace(byte) || byte == ASCII.hash || byte == ASCII.star || byte == ASCII.underscore
                || byte == ASCII.backtick || byte == ASCII.colon { continue }
            hash = (hash ^ UInt64(ASCII.lowercased(byte))) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// `text` without spaces at its ends.
    private static func trimmed(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { $0 != " " }), let last = text.lastIndex(where: { $0 != " " }) else { return "" }
        return text[first...last]
    }
}
