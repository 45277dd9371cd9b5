import CExtendedAttributes
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Who may replace the file, and what the new file keeps of the old one: a write proceeds only
/// when the caller could write the file in place; it keeps the mode, the group (and as root,
/// the owner) and the extended attributes; a file with several hard links, or one that is not
/// a regular file, is refused.
@Suite("Ownership and file kinds")
struct OwnershipTests {
    static let content = "# Team\n\n## Notes\nold line\n"
    static let asRoot = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// A folder of the sandbox that everyone may write to, as a shared project folder.
    static func sharedFolder(_ sandbox: Sandbox) throws -> String {
        let folder = try sandbox.makeFolder("shared").path
        #expect(chmod(folder, 0o777) == 0)
        return folder
    }

    static func owner(_ path: String) throws -> (user: uid_t, group: gid_t, mode: mode_t) {
        let info = try #require(linkStatus(path))
        return (info.st_uid, info.st_gid, info.st_mode & 0o7777)
    }

    static var nobody: (uid: uid_t, gid: gid_t) {
        let entry = getpwnam("nobody")!.pointee
        return (entry.pw_uid, entry.pw_gid)
    }

    static var usersGroup: gid_t { getgrnam("users")?.pointee.gr_gid ?? 100 }

    @Test("a user may not replace a 0444 file of their own (74, untouched)", .enabled(if: asRoot, "needs root to become nobody"))
    func readOnlyFileIsRefused() throws {
        try withSandbox { sandbox in
            let folder = try Self.sharedFolder(sandbox)
            let file = folder + "/insights.md"
            try sandbox.write("shared/insights.md", Self.content)
            #expect(chown(file, Self.nobody.uid, Self.nobody.gid) == 0)
            #expect(chmod(file, 0o444) == 0)

            let outcome = try insights(["update", "Notes", "--body", "new", "--no-stamp", "--file", file], asNobody: true)
            #expect(outcome.status == 74, "\(outcome)")
            #expect(outcome.firstErrorLine.hasPrefix(errorPrefix + "cannot write \(file): permission denied"), "\(outcome)")
            #expect(text(at: file) == Self.content)
            #expect(try Self.owner(file).mode == 0o444)
            #expect(try listing(folder) == ["insights.md"])
        }
    }

    @Test("another user's 0644 file in a folder anyone may write to stays theirs (74)", .enabled(if: asRoot, "needs root to become nobody"))
    func othersFileIsRefused() throws {
        try withSandbox { sandbox in
            let folder = try Self.sharedFolder(sandbox)
            let file = try sandbox.write("shared/insights.md", Self.content)
            #expect(chmod(file, 0o644) == 0)

            let outcome = try insights(["update", "Notes", "--body", "new", "--no-stamp", "--file", file], asNobody: true)
            #expect(outcome.status == 74, "\(outcome)")
            #expect(text(at: file) == Self.content)
            #expect(try Self.owner(file).user == 0)
            #expect(try listing(folder) == ["insights.md"])
        }
    }

    @Test("a group-shared 0660 file keeps its group and mode when a member updates it", .enabled(if: asRoot, "needs root to become nobody"))
    func groupIsKept() throws {
        try withSandbox { sandbox in
            let folder = try Self.sharedFolder(sandbox)
            let file = try sandbox.write("shared/insights.md", Self.content)
            #expect(chown(file, 0, Self.usersGroup) == 0)
            #expect(chmod(file, 0o660) == 0)

            let outcome = try insights(["update", "Notes", "--body", "by a member", "--no-stamp", "--file", file],
                                       asNobody: true, groups: ["users"])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(text(at: file) == "# Team\n\n## Notes\nby a member\n")
            let after = try Self.owner(file)
            #expect(after.group == Self.usersGroup)
            #expect(after.mode == 0o660)
            #expect(after.user == Self.nobody.uid)
            #expect(try listing(folder) == ["insights.md"])
        }
    }

    @Test("a file whose group has access is refused when the writer cannot keep that group", .enabled(if: asRoot, "needs root to become nobody"))
    func groupThatCannotBeKeptIsRefused() throws {
        try withSandbox { sandbox in
            let folder = try Self.sharedFolder(sandbox)
            let file = try sandbox.write("shared/insights.md", Self.content)
            #expect(chown(file, 0, Self.usersGroup) == 0)
            // Anyone may write it in place, but nobody is not in `users`.
            #expect(chmod(file, 0o666) == 0)

            let outcome = try insights(["update", "Notes", "--body", "new", "--no-stamp", "--file", file], asNobody: true)
            #expect(outcome.status == 74, "\(outcome)")
            #expect(outcome.firstErrorLine.contains("cannot keep that group"), "\(outcome)")
            #expect(text(at: file) == Self.content)
            let after = try Self.owner(file)
            #expect(after.user == 0 && after.group == Self.usersGroup && after.mode == 0o666)
            #expect(try listing(folder) == ["insights.md"])
        }
    }

    @Test("root keeps the owner, group and set-group-id mode of someone else's file", .enabled(if: getuid() == 0, "needs root to chown"))
    func rootKeepsOwnerAndSpecialBits() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)
            #expect(chown(file, Self.nobody.uid, Self.usersGroup) == 0)
            #expect(chmod(file, 0o2664) == 0)

            let outcome = try insights(["update", "Notes", "--body", "root was here", "--no-stamp", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            let after = try Self.owner(file)
            #expect(after.user == Self.nobody.uid)
            #expect(after.group == Self.usersGroup)
            #expect(after.mode == 0o2664)
        }
    }

    @Test("a file with two hard links is refused (74): replacing it would split them")
    func hardLinksAreRefused() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)
            #expect(link(file, sandbox.path("other.md")) == 0)

            let outcome = try insights(["update", "Notes", "--body", "new", "--no-stamp", "--file", file])
            #expect(outcome.status == 74, "\(outcome)")
            #expect(outcome.firstErrorLine == errorPrefix + "cannot write \(file): it has 2 hard links, and replacing it would split them")
            #expect(text(at: file) == Self.content)
            #expect(try #require(linkStatus(file)).st_nlink == 2)
            #expect(try listing(sandbox.path) == ["insights.md", "other.md"])
        }
    }

    /// Whether the sandbox's file system takes `user.` extended attributes.
    static let userAttributesWork: Bool = (try? withSandbox { sandbox in
        let file = try sandbox.write("probe", "x")
        return setxattr(file, "user.probe", "1", 1, 0) == 0
    }) ?? false

    static func attribute(_ name: String, of path: String) -> String? {
        var value = [UInt8](repeating: 0, count: 256)
        let got = getxattr(path, name, &value, value.count)
        return got < 0 ? nil : String(decoding: value[..<got], as: UTF8.self)
    }

    @Test("extended attributes are copied to the new file", .enabled(if: userAttributesWork, "the file system has no user extended attributes"))
    func extendedAttributesAreKept() throws {
        try withSandbox { sandbox in
            let file = try sandbox.write("insights.md", Self.content)
            let value = "reviewed by the team"
            #expect(setxattr(file, "user.insights.test", value, value.utf8.count, 0) == 0)
            #expect(setxattr(file, "user.empty", "", 0, 0) == 0)

            let outcome = try insights(["update", "Notes", "--body", "new", "--no-stamp", "--file", file])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(text(at: file) == "# Team\n\n## Notes\nnew\n")
            #expect(Self.attribute("user.insights.test", of: file) == value)
            #expect(Self.attribute("user.empty", of: file) == "")
        }
    }

    /// Runs `insights arguments`, killed (and the test failed) if it has not ended within
    /// `seconds`: a write that waits on a FIFO would otherwise hang the suite.
    static func runWithDeadline(_ arguments: [String], seconds: Double = 10) throws -> Int32 {
        let process = Process()
        process.executableURL = insightsBinary
        process.arguments = arguments
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            // SIGKILL: the old binary may have inherited a mask that blocks SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("insights \(arguments) still ran after \(seconds) s")
        }
        return process.terminationStatus
    }

    @Test("a write to a FIFO is refused at once (74), and another file in its folder can still be written")
    func fifoIsRefusedForWrites() throws {
        try withSandbox { sandbox in
            let fifo = sandbox.path("insights.md")
            #expect(mkfifo(fifo, 0o644) == 0)

            var refused = true
            for command in [["update", "Notes", "--body", "x"], ["set", "Notes", "Key", "value"], ["init"]] {
                let status = try Self.runWithDeadline(command + ["--file", fifo])
                #expect(status == 74, "\(command)")
                refused = refused && status == 74
            }
            if refused {
                let outcome = try insights(["update", "Notes", "--body", "x", "--file", fifo])
                #expect(outcome.firstErrorLine == errorPrefix + "cannot write \(fifo): it is a FIFO, not a regular file")
            }
            // The folder is not left locked.
            let other = try sandbox.write("other.md", Self.content)
            #expect(try Self.runWithDeadline(["update", "Notes", "--body", "y", "--no-stamp", "--file", other, "--lock-timeout", "2"]) == 0)
            #expect(text(at: other) == "# Team\n\n## Notes\ny\n")
        }
    }

    @Test("a FIFO can still be read")
    func fifoCanBeRead() throws {
        try withSandbox { sandbox in
            let fifo = sandbox.path("insights.md")
            #expect(mkfifo(fifo, 0o644) == 0)
            let writer = Thread {
                // Opening for writing waits for the reader, then the text goes through.
                let descriptor = open(fifo, O_WRONLY)
                _ = Self.content.withCString { write(descriptor, $0, strlen($0)) }
                close(descriptor)
            }
            writer.start()
            let outcome = try insights(["read", "Notes", "--file", fifo])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.out == "old line\n")
        }
    }
}
