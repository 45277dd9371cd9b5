/// Heading titles as `insights` compares them.
public enum Title {
    /// The text of `range` with leading and trailing white space removed and every run of
    /// white space (spaces, tabs, line endings) collapsed to one space.
    static func normalized(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(range.count)
        var pendingSpace = false
        for index in range {
            let byte = bytes[index]
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

    /// `title` with white space runs collapsed and trimmed, the form titles are matched in.
    public static func normalized(_ title: String) -> String {
        let bytes = Array(title.utf8)
        return bytes.withUnsafeBufferPointer { normalized($0, 0..<bytes.count) }
    }
}
