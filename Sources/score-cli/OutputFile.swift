import Foundation

/// Output written whole or not at all: to a temporary file beside the destination, put in its place
/// when the run has finished. For standard output the temporary file is copied out at the end, so
/// a run that fails half-way prints nothing rather than half a report — unless the caller asks for
/// standard output to be streamed (output that is never taken back, such as generated claims).
final class OutputFile {
    private let destination: String?
    private let temporaryPath: String?
    private var handle: FileHandle
    private var pending: [UInt8] = []

    /// - Parameters:
    ///   - destination: a file path, or `nil` (or `-`) for standard output.
    ///   - streamsStandardOutput: write standard output as it comes instead of at the end.
    init(destination: String?, streamsStandardOutput: Bool = false) throws(CLIFailure) {
        let path = destination == "-" ? nil : destination
        self.destination = path
        if path == nil && streamsStandardOutput {
            temporaryPath = nil
            handle = FileHandle.standardOutput
            return
        }
        let directory = path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? NSTemporaryDirectory()
        let name = ".\(path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "score-cli-stdout").\(ProcessInfo.processInfo.processIdentifier).partial"
        let temporaryPath = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        // Before the file exists, so a signal arriving just after it is created still removes it.
        OutputFile.cleanUpOnSignal(temporaryPath)
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else {
            throw CLIFailure(
                lines: ["\(destination ?? temporaryPath): 无法写入：目录不存在或没有写入权限 / cannot write: no such directory, or permission denied"],
                exitCode: ExitStatus.cannotWrite)
        }
        self.temporaryPath = temporaryPath
        self.handle = handle
    }

    /// Adds text; it reaches the disk in blocks of about a megabyte.
    func write(_ text: String) throws(CLIFailure) {
        try write(bytes: Array(text.utf8))
    }

    /// Adds bytes. Small pieces are gathered and reach the disk in blocks of about a megabyte; a
    /// piece of 64 KB or more is written as it is, after what was gathered, since copying it into
    /// the gathered bytes would cost more than the system call it saves.
    func write(bytes: [UInt8]) throws(CLIFailure) {
        if bytes.count >= Self.writtenAsItIs {
            try flush()
            try put(bytes)
            return
        }
        pending += bytes
        if pending.count >= 1 << 20 { try flush() }
    }

    /// The size from which a piece is written without gathering it first.
    static let writtenAsItIs = 64 << 10

    private func flush() throws(CLIFailure) {
        guard !pending.isEmpty else { return }
        try put(pending)
        pending.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: [UInt8]) throws(CLIFailure) {
        do {
            try bytes.withUnsafeBytes { try handle.write(contentsOf: $0) }
        } catch {
            throw CLIFailure(lines: ["\(destination ?? "标准输出"): 写入失败 / write failed: \(error.localizedDescription)"], exitCode: ExitStatus.cannotWrite)
        }
    }

    /// Forgets everything written so far (to start the run again).
    func restart() throws(CLIFailure) {
        guard let temporaryPath else {
            throw CLIFailure(lines: ["标准输出已写出，无法重来 / standard output already written"], exitCode: ExitStatus.cannotWrite)
        }
        pending = []
        do {
            try handle.truncate(atOffset: 0)
        } catch {
            throw CLIFailure(lines: ["\(temporaryPath): 无法重写 / cannot rewrite: \(error.localizedDescription)"], exitCode: ExitStatus.cannotWrite)
        }
    }

    /// Puts the finished output in place of the destination (``replace(_:with:)``), or copies it to standard output.
    func commit() throws(CLIFailure) {
        do {
            try flush()
        } catch {
            discard()
            throw error
        }
        guard let temporaryPath else { return }
        do {
            try handle.close()
            if let destination {
                guard Self.replace(destination, with: temporaryPath) else {
                    throw CLIFailure(lines: ["\(destination): 无法写入 / cannot write: \(String(cString: strerror(errno)))"], exitCode: ExitStatus.cannotWrite)
                }
            } else {
                let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: temporaryPath))
                while let block = try reader.read(upToCount: 1 << 22), !block.isEmpty {
                    try FileHandle.standardOutput.write(contentsOf: block)
                }
                try reader.close()
                unlink(temporaryPath)
            }
        } catch let failure as CLIFailure {
            discard()
            throw failure
        } catch {
            discard()
            throw CLIFailure(lines: ["\(destination ?? "标准输出"): 写入失败 / write failed: \(error.localizedDescription)"], exitCode: ExitStatus.cannotWrite)
        }
    }

    /// Puts the file at `source` in place of `destination`; whether it could.
    ///
    /// A regular file already there is swapped with the new one in one step and then removed, so
    /// the destination is never missing. A plain rename over it makes ext4 write the whole new file
    /// to disk before the rename returns (its guard for programs that replace files without syncing
    /// them): 0.2 s of a 1.5 s run at a million claims, every time a policy run is redone. Anywhere
    /// the swap is not offered (another system, another file system), it is a plain rename.
    private static func replace(_ destination: String, with source: String) -> Bool {
        var status = stat()
        if lstat(destination, &status) == 0, status.st_mode & S_IFMT == S_IFREG, let exchange = renameExchange,
            exchange(AT_FDCWD, source, AT_FDCWD, destination, 2 /* RENAME_EXCHANGE */) == 0
        {
            unlink(source)
            return true
        }
        return rename(source, destination) == 0
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Linux's `renameat2`, which Swift's Glibc module does not declare; `nil` where the C library lacks it.
    private static let renameExchange: RenameAt2? = {
        #if os(Linux)
            return dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
        #else
            return nil
        #endif
    }()

    /// Removes the temporary file; the destination keeps whatever it had before.
    func discard() {
        guard let temporaryPath else { return }
        try? handle.close()
        unlink(temporaryPath)
    }

    /// On Ctrl-C or `kill`, the partial file is removed before the process ends. A file grown past
    /// the size limit (`ulimit -f`) fails its write like a full disk instead of killing the process.
    private static func cleanUpOnSignal(_ path: String) {
        partialPath = strdup(path)
        Foundation.signal(SIGXFSZ, SIG_IGN)
        // A parent that blocks these signals (some job runners do) must not make the run uninterruptible.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal) { number in
                if let path = partialPath { unlink(path) }
                Foundation.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}

/// The partial output to remove if a signal arrives (a C string: a signal handler may not allocate).
nonisolated(unsafe) private var partialPath: UnsafeMutablePointer<CChar>?
