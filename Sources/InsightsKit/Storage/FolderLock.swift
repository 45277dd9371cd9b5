/// The exclusive `flock` on a file's folder that every read-modify-write holds. A missing
/// folder is made so that it can be locked; `release` removes the folders made when nothing
/// was written in them, so that a write that fails leaves nothing behind.
struct FolderLock {
    /// The locked folder, open.
    let folder: FileDescriptor
    /// The folders made to lock it, outermost first.
    let created: [String]

    /// Locks `path`, waiting at most `timeout` seconds (then `tryAgain`), making it (and its
    /// missing parents) when it does not exist.
    init(_ path: String, timeout: Double) throws {
        // At most a day: any longer (or not a number) would overflow the deadline.
        let deadline = POSIX.monotonicMilliseconds() + Int((timeout >= 0 ? min(timeout, 86_400) : 0) * 1000)
        while true {
            var created: [String] = []
            let folder: FileDescriptor
            do throws(SystemError) {
                folder = try FileDescriptor.open(path, .folder)
            } catch {
                // The folder usually exists: it is made (and its problems reported) only when
                // it cannot be opened.
                created = try POSIX.makeFolders(path)
                do throws(SystemError) {
                    folder = try FileDescriptor.open(path, .folder)
                } catch {
                    POSIX.removeFolders(created)
                    throw error.reported(as: "cannot open the folder \(path)")
                }
            }
            do {
                try Self.lock(folder, until: deadline, timeout: timeout)
            } catch {
                folder.close()
                POSIX.removeFolders(created)
                throw error
            }
            // Another writer that made the folder may have removed it again (its write failed)
            // while we waited: the lock must be on the folder at `path`, else start again.
            if let locked = folder.info(), let current = FileInfo.of(path), locked.identity == current.identity {
                self.folder = folder
                self.created = created
                return
            }
            folder.close()
        }
    }

    /// Unlocks the folder; with `wrote` false, first removes the folders made to lock it (each
    /// only while empty).
    func release(wrote: Bool) {
        if !wrote { POSIX.removeFolders(created) }
        folder.close()
    }

    /// Takes the exclusive `flock` on the open `folder`, waiting until `deadline`.
    private static func lock(_ folder: FileDescriptor, until deadline: Int, timeout: Double) throws {
        var pause = 1
        while true {
            do throws(SystemError) {
                if try folder.tryLockExclusively() { return }
            } catch {
                throw error.reported(as: "cannot lock the folder \(folder.path)")
            }
            let now = POSIX.monotonicMilliseconds()
            guard now < deadline else {
                throw InsightsError(.locked, "another insights process held the lock on \(folder.path) for more than \(timeout) s",
                                    hint: InsightsFile.lockTimeoutHint)
            }
            POSIX.sleep(milliseconds: min(pause, deadline - now))
            pause = min(pause * 2, 50)
        }
    }
}
