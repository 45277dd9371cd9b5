/// Writes JSON straight into one byte buffer, formatted exactly as `JSON.serialized` formats
/// the same value, with no tree in between: for long outputs (a member per section).
///
/// ```swift
/// var writer = JSONWriter()
/// writer.beginObject()
/// writer.key("sections"); writer.beginArray()
/// writer.value(.int(1))
/// writer.endArray()
/// writer.endObject()
/// let bytes = writer.finish()  // {\n  "sections": [\n    1\n  ]\n}\n
/// ```
package struct JSONWriter {
    private var output: [UInt8] = []
    /// For each open object or array, whether it has a member yet.
    private var hasMembers: [Bool] = []
    /// A key was just written: the next value is its value, not a new member.
    private var afterKey = false

    /// The number of bytes written since the last drain.
    package var count: Int { output.count }

    /// An empty writer.
    package init(reservingCapacity capacity: Int = 0) {
        output.reserveCapacity(capacity)
    }

    /// Opens an object (as a member of the enclosing array, or as the value of a key).
    package mutating func beginObject() {
        startValue()
        output.append(UInt8(ascii: "{"))
        hasMembers.append(false)
    }

    /// Closes the innermost object.
    package mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    /// Opens an array.
    package mutating func beginArray() {
        startValue()
        output.append(ASCII.openBracket)
        hasMembers.append(false)
    }

    /// Closes the innermost array.
    package mutating func endArray() {
        close(ASCII.closeBracket)
    }

    /// Writes the key of the next member of the innermost object.
    package mutating func key(_ name: String) {
        startMember()
        JSON.writeString(name, into: &output)
        JSON.keySeparator(into: &output)
        afterKey = true
    }

    /// Writes a value: a scalar, or a whole small tree.
    package mutating func value(_ json: JSON) {
        startValue()
        json.write(into: &output, indent: hasMembers.count * 2)
    }

    /// Writes `name: json` in the innermost object.
    package mutating func member(_ name: String, _ json: JSON) {
        key(name)
        value(json)
    }

    /// The bytes written since the last drain, handed over and cleared: a long document can
    /// go out in parts, with no more than a part in memory.
    package mutating func drain() -> [UInt8] {
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    /// The document (or its part since the last `drain`), ending with a newline.
    package mutating func finish() -> [UInt8] {
        output.append(ASCII.lf)
        return output
    }

    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else {
            startMember()
        }
    }

    private mutating func startMember() {
        guard let last = hasMembers.indices.last else { return }
        if hasMembers[last] { output.append(UInt8(ascii: ",")) }
        hasMembers[last] = true
        JSON.newline(into: &output, indent: hasMembers.count * 2)
    }

    private mutating func close(_ bracket: UInt8) {
        if hasMembers.removeLast() {
            JSON.newline(into: &output, indent: hasMembers.count * 2)
        }
        output.append(bracket)
    }
}
