import Foundation
import Scoring

/// All reading and writing of files happens here, so the library stays pure.
enum FileAccess {
    /// The bytes of `path`, or the failure that means exit 66.
    static func read(_ path: String) throws(CLIFailure) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else { throw .missingFile(path) }
        return [UInt8](data)
    }

    /// Writes `text` to `path` whole or not at all: a temporary file beside it, then a rename.
    static func writeAtomically(_ text: String, to path: String) throws(CLIFailure) {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CLIFailure(lines: ["\(path): 无法写入 / cannot write: \(error.localizedDescription)"], exitCode: ExitStatus.cannotWrite)
        }
    }

    /// Writes to `path`, or to standard output when `path` is nil or `-`.
    static func emit(_ text: String, to path: String?) throws(CLIFailure) {
        if let path, path != "-" {
            try writeAtomically(text, to: path)
        } else {
            do {
                try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
            } catch {
                throw CLIFailure(lines: ["标准输出: 写入失败 / cannot write standard output: \(error.localizedDescription)"], exitCode: ExitStatus.cannotWrite)
            }
        }
    }
}
