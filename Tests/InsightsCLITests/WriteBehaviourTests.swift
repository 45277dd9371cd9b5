import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `update` writes, and what it leaves alone.
@Suite("Writing")
struct WriteBehaviourTests {
    static let content = "# Team\n\n## Notes\nold line\n\n## Last\nlast body\n"

    @Test("the same update twice: the second writes nothing and keeps the mtime")
    func noOpKeepsModificationTime() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("mem/insights.md", Self.content)
            let arguments = ["update", "Notes", "--body", "same body\n", "--date", "2026-04-05", "--json", "--file", file]

            let first = try insights(arguments)
            #expect(first.status == 0, "\(first)")
            #expect(try first.json()["changed"] as? Bool == true)
            let written = bytes(at: file)
            #expect(written != Array(Self.content.utf8))
            let past = try ageFile(file)
            let inode = linkStatus(file)?.st_ino

            let second = try insights(arguments)
            #expect(second.status == 0, "\(second)")
            #expect(try second.json()["changed"] as? Bool == false)
            #expect(try second.json()["created"] as? Bool == false)
            #expect(bytes(at: file) == written)
            #expect(try modificationDate(file) == past)
            #expect(linkStatus(file)?.st_ino == inode, "the file was not replaced")
            #expect(try listing(sandbox.path("mem")) == ["insights.md"])

            // The human message says so on stderr, and stdout stays empty.
            let third = try insights(Array(arguments.dropLast(3)) + ["--file", file])
            #expect(third.status == 0)
            #expect(third.stdout.isEmpty)
            #expect(third.err.contains("unchanged"))
            #expect(try modificationDate(file) == past)
        }
    }

    @Test("--dry-run prints a unified diff and writes nothing")
    func dryRun() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("mem/insights.md", Self.content)
            let past = try ageFile(file)

            let outcome = try insights(["update", "Notes", "--body", "new line", "--dry-run", "--date", "2026-04-05", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.out.hasPrefix("--- "), "\(outcome)")
            #expect(outcome.out.contains("\n+++ "))
            #expect(outcome.out.contains("\n@@ "))
            #expect(outcome.out.contains("\n+new line\n"))
            #expect(outcome.out.contains("\n-old line\n"))
            #expect(outcome.out.contains("\n+Last updated: 2026-04-05\n"))
            #expect(outcome.out.split(separator: "\n").filter { $0.hasPrefix("@@ ") }.count == 1, "one hunk")
            #expect(text(at: file) == Self.content)
            #expect(try modificationDate(file) == past)
            #expect(try listing(sandbox.path("mem")) == ["insights.md"])

            // A dry run on a missing file creates neither the file nor its folder.
            let missing = sandbox.path("new/insights.md")
            let create = try insights(["update", "Notes", "--body", "new line", "--dry-run", "--file", missing])
            #expect(create.status == 0, "\(create)")
            #expect(create.out.contains("+## Notes\n"))
            #expect(create.out.contains("+new line\n"))
            #expect(try listing(sandbox.path) == ["mem"])

            // A dry run of a bad body still refuses it.
            let bad = try insights(["update", "Notes", "--body", "```\nopen", "--dry-run", "--file", file])
            #expect(bad.status == 65, "\(bad)")
            #expect(text(at: file) == Self.content)
        }
    }

    @Test("a CRLF file stays CRLF everywhere")
    func crlfStaysCRLF() throws {
        try withSandbox { sandbox in
            let original = "# Team\r\n\r\n## A\r\nold\r\n\r\n## B\r\nb\r\nLast updated: 2025-01-01\r\n"
            let file = try sandbox.write("insights.md", original)

            for arguments in [["update", "A", "--body", "x\ny\n", "--date", "2026-01-02"],
                              ["update", "B", "--append", "--body", "appended\n", "--date", "2026-01-02"],
                              ["update", "A", "--prepend", "--body", "- first\n", "--no-stamp"],
                              ["update", "C", "--body", "brand\nnew", "--date", "2026-01-02"],
                              ["update", "A", "--sub", "Deeper", "--body", "sub body", "--no-stamp"]] {
                let outcome = try insights(arguments + ["--file", file])
                #expect(outcome.status == 0, "\(arguments) \(outcome)")
                let after = try #require(bytes(at: file))
                for (index, byte) in after.enumerated() where byte == 0x0A {
                    #expect(index > 0 && after[index - 1] == 0x0D, "bare LF at byte \(index) after \(arguments)")
                }
            }
            let read = try insights(["read", "A", "--file", file])
            // A list prepended to a paragraph keeps a blank line after it (the paragraph stays one).
            #expect(read.out.contains("- first\r\n\r\nx\r\ny\r\n"), "\(read)")
            let readB = try insights(["read", "B", "--file", file])
            #expect(readB.out.contains("appended\r\n"))
            #expect(readB.out.contains("Last updated: 2026-01-02\r\n"))
            #expect(!readB.out.contains("2025-01-01"))
            #expect(text(at: file)?.hasPrefix("# Team\r\n\r\n## A\r\n") == true)
        }
    }

    @Test("a BOM is kept", arguments: ["\u{FEFF}# Team\n\n## A\nold\n", "\u{FEFF}## A\nold\n"])
    func bomIsKept(_ original: String) throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", original)

            let outcome = try insights(["update", "A", "--body", "new", "--no-stamp", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            let after = try #require(bytes(at: file))
            #expect(Array(after.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(!after.dropFirst(3).starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(text(at: file) == original.replacingOccurrences(of: "old", with: "new"))

            let list = try insights(["list", "--json", "--file", file])
            let sections = try #require(try list.json()["sections"] as? [[String: Any]])
            #expect(sections.filter { $0["title"] as? String == "A" }.count == 1, "the heading after the BOM is still one section")
        }
    }

    @Test("a file without a final newline keeps lacking it")
    func missingFinalNewlineIsKept() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", "## A\na\n\n## B\nlast")

            let plain = try insights(["update", "B", "--body", "new last\n", "--no-stamp", "--file", file])
            #expect(plain.status == 0, "\(plain)")
            #expect(text(at: file) == "## A\na\n\n## B\nnew last")

            let stamped = try insights(["update", "B", "--body", "stamped", "--date", "2026-01-02", "--file", file])
            #expect(stamped.status == 0, "\(stamped)")
            let after = try #require(text(at: file))
            #expect(after.hasPrefix("## A\na\n\n## B\nstamped\n"))
            #expect(after.hasSuffix("Last updated: 2026-01-02"))

            let appended = try insights(["update", "B", "--append", "--body", "more", "--no-stamp", "--file", file])
            #expect(appended.status == 0, "\(appended)")
            #expect(text(at: file)?.hasSuffix("\n") == false)
            #expect(text(at: file)?.contains("more") == true)

            let other = try insights(["update", "A", "--body", "first", "--no-stamp", "--file", file])
            #expect(other.status == 0)
            #expect(text(at: file)?.hasPrefix("## A\nfirst\n\n## B\n") == true)
            #expect(text(at: file)?.hasSuffix("\n") == false)
        }
    }

    @Test("updating a middle section keeps a blank line before the next heading")
    func blankLineBeforeNextHeading() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", "## A\na\n## B\nb\n")

            let outcome = try insights(["update", "A", "--body", "newA", "--no-stamp", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(text(at: file) == "## A\nnewA\n\n## B\nb\n")

            let stamped = try insights(["update", "A", "--body", "again\n", "--date", "2026-01-02", "--file", file])
            #expect(stamped.status == 0)
            #expect(text(at: file)?.hasSuffix("Last updated: 2026-01-02\n\n## B\nb\n") == true)

            let appended = try insights(["update", "A", "--append", "--body", "- tail", "--no-stamp", "--file", file])
            #expect(appended.status == 0)
            #expect(text(at: file)?.contains("- tail\n") == true)
            #expect(text(at: file)?.hasSuffix("\n\n## B\nb\n") == true)
            #expect(text(at: file)?.contains("\n\n\n") == false)
        }
    }

    @Test("a 0600 file stays 0600")
    func modeIsKept() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)
            #expect(chmod(file, 0o600) == 0)

            let outcome = try insights(["update", "Notes", "--body", "private", "--no-stamp", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(text(at: file)?.contains("## Notes\nprivate\n") == true)
            #expect(permissions(file) == 0o600)

            #expect(chmod(file, 0o640) == 0)
            let again = try insights(["update", "Notes", "--body", "group", "--no-stamp", "--file", file])
            #expect(again.status == 0)
            #expect(permissions(file) == 0o640)
            #expect(try listing(sandbox.path) == ["insights.md"])
        }
    }

    @Test("the owner is kept when root updates someone else's file", .enabled(if: getuid() == 0, "needs root to chown"))
    func ownerIsKept() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)
            let nobody = try #require(getpwnam("nobody")).pointee
            #expect(chown(file, nobody.pw_uid, nobody.pw_gid) == 0)
            #expect(chmod(file, 0o640) == 0)

            let outcome = try insights(["update", "Notes", "--body", "owned", "--no-stamp", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            let info = try #require(linkStatus(file))
            #expect(info.st_uid == nobody.pw_uid)
            #expect(info.st_gid == nobody.pw_gid)
            #expect(info.st_mode & 0o7777 == 0o640)
        }
    }

    @Test("a temporary file left by a killed writer is cleared by the next write")
    func staleTemporaryFileIsRemoved() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("mem/insights.md", Self.content)
            try sandbox.write("mem/.insights.md.insights-tmp", "half a file from a crash")

            let outcome = try insights(["update", "Notes", "--body", "after the crash", "--no-stamp", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(text(at: file) == "# Team\n\n## Notes\nafter the crash\n\n## Last\nlast body\n")
            #expect(try listing(sandbox.path("mem")) == ["insights.md"])
        }
    }

    @Test("a symlink to the file stays a symlink and its target is updated")
    func symlinkIsFollowed() throws {
        try withSandbox { sandbox in
            let target = try sandbox.write("data/real.md", Self.content)
            let link = sandbox.path("mem/insights.md")
            _ = try sandbox.makeFolder("mem")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../data/real.md")

            let outcome = try insights(["update", "Notes", "--body", "through the link", "--no-stamp", "--file", link])
            #expect(outcome.status == 0, "\(outcome)")
            let info = try #require(linkStatus(link))
            #expect((info.st_mode & S_IFMT) == S_IFLNK)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../data/real.md")
            #expect(text(at: target) == "# Team\n\n## Notes\nthrough the link\n\n## Last\nlast body\n")
            #expect(try listing(sandbox.path("mem")) == ["insights.md"])
            #expect(try listing(sandbox.path("data")) == ["real.md"])
        }
    }

    @Test("a symlink to a missing file in an existing folder gets its target created")
    func danglingSymlinkTargetIsCreated() throws {
        try withSandbox { sandbox in
            _ = try sandbox.makeFolder("data")
            _ = try sandbox.makeFolder("mem")
            let link = sandbox.path("mem/insights.md")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: sandbox.path("data/missing.md"))

            let outcome = try insights(["update", "Notes", "--body", "created", "--no-stamp", "--file", link])
            #expect(outcome.status == 0, "\(outcome)")
            let info = try #require(linkStatus(link))
            #expect((info.st_mode & S_IFMT) == S_IFLNK)
            #expect(text(at: sandbox.path("data/missing.md")) == newFileStart + "\n## Notes\n\ncreated\n")
            #expect(try listing(sandbox.path("data")) == ["missing.md"])
            #expect(try listing(sandbox.path("mem")) == ["insights.md"])
        }
    }
}
