import ArgumentParser
import Foundation
import Scoring

/// The formats results can be written in.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, markdown
}

/// The formats results of `score`, `subsidy` and `audit` can be written in: the text formats, and
/// two whole documents laid out from the whole batch: `html` (one self-contained page, printable
/// on A4) and `xlsx` (a workbook; binary).
enum ResultFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, markdown, html, xlsx

    /// Built from the whole batch at the end, never streamed.
    var isDocument: Bool { self == .html || self == .xlsx }

    /// Refuses to write a workbook to a terminal, where its bytes would only garble the screen.
    func refuseTerminal(_ output: String?) throws(CLIFailure) {
        guard self == .xlsx, output == nil || output == "-", isatty(STDOUT_FILENO) != 0 else { return }
        throw CLIFailure(
            lines: ["xlsx 是二进制文件，不能输出到终端：请用 -o 文件名.xlsx，或重定向到文件 / xlsx is binary: use -o FILE.xlsx or redirect standard output"],
            exitCode: 64)
    }
}

/// The bytes of a workbook, or the failure that means the output cannot be written (exit 73).
func workbookBytes(_ build: () throws(XLSXLimitExceeded) -> [UInt8]) throws(CLIFailure) -> [UInt8] {
    do {
        return try build()
    } catch {
        throw CLIFailure(lines: [error.message], exitCode: ExitStatus.cannotWrite)
    }
}
