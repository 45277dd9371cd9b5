import InsightsKit

/// The colours `insights` paints with on a terminal: the only place that writes ANSI escapes.
enum Paint: String {
    case red = "31", green = "32", yellow = "33", cyan = "36", dim = "2", bold = "1", boldRed = "1;31", boldYellow = "1;33"

    /// The escape that starts this colour.
    var start: String { "\u{1B}[\(rawValue)m" }
    /// The escape that ends any colour.
    static let reset = "\u{1B}[0m"

    /// `text` in this colour when `enabled`, else as it is.
    func callAsFunction(_ text: String, enabled: Bool) -> String {
        enabled ? start + text + Self.reset : text
    }

    /// Unified diff `hunks` as git colours them: `@@` lines cyan, removed lines red, added
    /// lines green; as they are when `enabled` is false.
    static func hunks(_ hunks: [UInt8], enabled: Bool) -> [UInt8] {
        guard enabled else { return hunks }
        var output: [UInt8] = []
        for line in Lines.split(hunks) {
            let paint: Paint? = switch line.first {
            case UInt8(ascii: "@"): .cyan
            case UInt8(ascii: "-"): .red
            case UInt8(ascii: "+"): .green
            default: nil
            }
            guard let paint else {
                output += line
                continue
            }
            let end = line.last == UInt8(ascii: "\n") ? line.endIndex - 1 : line.endIndex
            output += Array(paint.start.utf8) + line[line.startIndex..<end] + Array(reset.utf8) + line[end...]
        }
        return output
    }
}
