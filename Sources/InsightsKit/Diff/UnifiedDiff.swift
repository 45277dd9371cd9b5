// Unified diff output in the format of `diff -u` / `git diff`.

/// Unified diffs of lines, in the exact form GNU diff and git print them.
package enum UnifiedDiff {
    /// Unified diff in the exact form of `diff -u` / `git diff` hunks.
    ///
    /// Output: `--- OLDLABEL`, `+++ NEWLABEL` header lines, then `@@ -a,b +c,d @@` hunks with `context`
    /// lines of context (default 3), ` `/`-`/`+` prefixed lines, and `\ No newline at end of file` after a
    /// line that lacks a final newline (as git prints it). Hunk ranges are printed exactly as GNU diff
    /// prints them (`-0,0` for empty, `,1` omitted). Empty result when there is no difference.
    /// Lines are emitted byte for byte (a CRLF line keeps its `\r`).
    ///
    /// Lines are split at `"\n"` only, as GNU diff does, so the output matches `diff -u` even for input
    /// containing a lone `"\r"`; call ``hunks(old:new:context:oldLineOffset:newLineOffset:)`` with
    /// ``Lines/split(_:)`` output to use that function's line boundaries instead.
    package static func make(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String, context: Int = 3) -> [UInt8] {
        let oldLines = Lines.splitAtLineFeed(old)
        let newLines = Lines.splitAtLineFeed(new)
        let hunks = Self.hunks(old: oldLines, new: newLines, context: context)
        if hunks.isEmpty {
            return []
        }
        var out: [UInt8] = []
        out.reserveCapacity(hunks.count + oldLabel.utf8.count + newLabel.utf8.count + 10)
        out.append(contentsOf: Array("--- ".utf8))
        out.append(contentsOf: Array(oldLabel.utf8))
        out.append(ASCII.lf)
        out.append(contentsOf: Array("+++ ".utf8))
        out.append(contentsOf: Array(newLabel.utf8))
        out.append(ASCII.lf)
        out.append(contentsOf: hunks)
        return out
    }

    /// Same as ``make(old:new:oldLabel:newLabel:context:)`` but only the hunks (no `---`/`+++` header),
    /// with an optional line offset added to the `@@` numbers (used to show one section's diff with file line numbers).
    ///
    /// `oldLineOffset` / `newLineOffset` are the number of file lines before the first line of `old` / `new`.
    /// A negative `context` is treated as 0. Empty result when the line arrays are equal.
    static func hunks(
        old: [ArraySlice<UInt8>],
        new: [ArraySlice<UInt8>],
        context: Int = 3,
        oldLineOffset: Int = 0,
        newLineOffset: Int = 0
    ) -> [UInt8] {
        let context = max(0, context)
        let changes = LineDiff.changes(old, new, gnuHorizon: context)
        var out: [UInt8] = []
        var first = 0
        while first < changes.count {
            // Changes closer than 2 * context unchanged lines share a hunk.
            var last = first
            while last + 1 < changes.count
                && changes[last + 1].oldStart - changes[last].oldEnd <= 2 * context {
                last += 1
            }
            let leading = min(context, changes[first].oldStart)
            let trailing = min(context, old.count - changes[last].oldEnd)
            let oldStart = changes[first].oldStart - leading
            let newStart = changes[first].newStart - leading
            let oldCount = changes[last].oldEnd + trailing - oldStart
            let newCount = changes[last].newEnd + trailing - newStart

            out.append(contentsOf: Array("@@ -".utf8))
            appendRange(start: oldStart + oldLineOffset, count: oldCount, to: &out)
            out.append(contentsOf: Array(" +".utf8))
            appendRange(start: newStart + newLineOffset, count: newCount, to: &out)
            out.append(contentsOf: Array(" @@\n".utf8))

            var oldIndex = oldStart
            for change in changes[first...last] {
                while oldIndex < change.oldStart {
                    appendLine(prefix: ASCII.space, old[oldIndex], to: &out)
                    oldIndex += 1
                }
                for index in change.oldStart..<change.oldEnd {
                    appendLine(prefix: ASCII.minus, old[index], to: &out)
                }
                for index in change.newStart..<change.newEnd {
                    appendLine(prefix: ASCII.plus, new[index], to: &out)
                }
                oldIndex = change.oldEnd
            }
            while oldIndex < oldStart + oldCount {
                appendLine(prefix: ASCII.space, old[oldIndex], to: &out)
                oldIndex += 1
            }
            first = last + 1
        }
        return out
    }

    /// Appends a hunk range the way GNU diff prints it: `start,0` for no lines (start = the line before),
    /// `line` for one line, `line,count` otherwise (lines numbered from 1).
    private static func appendRange(start: Int, count: Int, to out: inout [UInt8]) {
        if count == 0 {
            appendDecimal(start, to: &out)
            out.append(contentsOf: Array(",0".utf8))
        } else {
            appendDecimal(start + 1, to: &out)
            if count != 1 {
                out.append(ASCII.comma)
                appendDecimal(count, to: &out)
            }
        }
    }

    /// The line git and GNU diff print after a line that lacks a final newline.
    private static let noNewlineMarker: [UInt8] = Array("\\ No newline at end of file\n".utf8)

    /// Appends one prefixed diff line, adding the "No newline" marker when the line has no final `\n`.
    private static func appendLine(prefix: UInt8, _ line: ArraySlice<UInt8>, to out: inout [UInt8]) {
        out.append(prefix)
        out.append(contentsOf: line)
        if !line.endsWithLineFeed {
            out.append(ASCII.lf)
            out.append(contentsOf: Self.noNewlineMarker)
        }
    }

    /// Appends the decimal digits of `value` (with a leading "-" when negative).
    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        out.append(contentsOf: Array(String(value).utf8))
    }
}
