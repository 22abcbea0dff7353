import Foundation

/// Reads a file in blocks of bytes, each straight into its own array.
///
/// A streamed run hands each block to the background threads that read it, so the block must be
/// an array of its own; reading into `Data` first, as `FileHandle` does, cost one more copy of the
/// whole input.
struct FileBlocks {
    /// Why a read failed, in the system's words.
    struct Failure: Error {
        let reason: String
    }

    private let handle: FileHandle

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// The next `count` bytes of the file, fewer at its end; empty when the file is read.
    func next(upTo count: Int) throws(Failure) -> [UInt8] {
        let descriptor = handle.fileDescriptor
        var failure: Int32?
        let block = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            while filled < count {
                let got = read(descriptor, buffer.baseAddress! + filled, count - filled)
                if got > 0 {
                    filled += got
                } else if got == 0 {
                    return
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if let failure { throw Failure(reason: String(cString: strerror(failure))) }
        return block
    }
}
