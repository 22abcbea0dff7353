import Foundation
import Testing

@testable import score_cli

/// Output reaches its file whole or not at all, in the order written, however it was cut in pieces.
@Suite("Output file: pieces large and small, whole or not at all")
struct OutputFileTests {
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("output-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Pieces on both sides of the size written as it is, and of the megabyte gathered.
    static let pieces: [[UInt8]] = [
        Array("头".utf8), [UInt8](repeating: 0x41, count: OutputFile.writtenAsItIs), Array("小".utf8),
        [UInt8](repeating: 0x42, count: OutputFile.writtenAsItIs - 1), [UInt8](repeating: 0x43, count: 3 << 20), [],
        [UInt8](repeating: 0x44, count: 1 << 20), Array("尾\n".utf8),
    ] + (0..<40).map { [UInt8](repeating: UInt8(0x30 + $0 % 10), count: 30_000 + $0) }

    @Test func piecesArriveInOrderOnlyWhenCommitted() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("结果.csv").path
        let out = try OutputFile(destination: destination)
        for piece in Self.pieces { try out.write(bytes: piece) }
        #expect(!FileManager.default.fileExists(atPath: destination))
        try out.commit()
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: destination))) == Array(Self.pieces.joined()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["结果.csv"])
    }

    @Test func aDiscardedRunLeavesTheDestinationAsItWas() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out.csv").path
        try Data("before".utf8).write(to: URL(fileURLWithPath: destination))
        let out = try OutputFile(destination: destination)
        for piece in Self.pieces { try out.write(bytes: piece) }
        out.discard()
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "before")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    /// An existing file is replaced by the new output (swapped with it, then removed), with nothing
    /// else left in the folder; a hard link to the old file still holds the old text, as after a rename.
    @Test func anExistingFileIsReplacedWhole() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out.csv").path
        let kept = folder.appendingPathComponent("kept.csv").path
        try Data("before".utf8).write(to: URL(fileURLWithPath: destination))
        try FileManager.default.linkItem(atPath: destination, toPath: kept)
        let out = try OutputFile(destination: destination)
        for piece in Self.pieces { try out.write(bytes: piece) }
        try out.commit()
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: destination))) == Array(Self.pieces.joined()))
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "before")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["kept.csv", "out.csv"])
    }

    /// A symbolic link at the destination is replaced by the output, and the file it pointed to is
    /// left alone, as a rename does; a folder at the destination is an error, and stays a folder.
    @Test func aLinkIsReplacedAndAFolderIsRefused() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.csv").path
        let link = folder.appendingPathComponent("link.csv").path
        try Data("target".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let out = try OutputFile(destination: link)
        try out.write("新")
        try out.commit()
        #expect(try String(contentsOfFile: link, encoding: .utf8) == "新")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "target")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == nil)

        let inner = folder.appendingPathComponent("inner")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: inner.appendingPathComponent("a.csv"))
        let refused = try OutputFile(destination: inner.path)
        try refused.write("新")
        #expect(throws: CLIFailure.self) { try refused.commit() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: inner.path) == ["a.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["inner", "link.csv", "target.csv"])
    }

    @Test func aRestartForgetsEverythingWrittenBefore() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out.csv").path
        let out = try OutputFile(destination: destination)
        for piece in Self.pieces { try out.write(bytes: piece) }
        try out.restart()
        for piece in Self.pieces.reversed() { try out.write(bytes: piece) }
        try out.commit()
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: destination))) == Array(Self.pieces.reversed().joined()))
    }

    @Test func aFileIsReadInBlocksOfTheSizeAsked() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("claims.csv").path
        let bytes = Array(Self.pieces.joined())
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for size in [1 << 20, 256 << 10, 4099] {
            let handle = try #require(FileHandle(forReadingAtPath: path))
            defer { try? handle.close() }
            let blocks = FileBlocks(handle)
            var read: [UInt8] = []
            var sizes: [Int] = []
            while true {
                let block = try blocks.next(upTo: size)
                if block.isEmpty { break }
                sizes.append(block.count)
                read += block
            }
            #expect(read == bytes)
            #expect(sizes.dropLast().allSatisfy { $0 == size })
            #expect(sizes.last == bytes.count - size * (sizes.count - 1))
        }
    }
}
