import Foundation
import Testing

@testable import Scoring

/// Nothing lost: an interrupted or failed run leaves the previous output, or the complete new one,
/// and never a half-written file. These run the built `score-cli` as a separate process, since a
/// signal or a full disk ends a process, not a function.
@Suite("Nothing lost: interrupted and failed runs leave no partial output", .serialized)
struct InterruptionTests {
    /// The `score-cli` built beside this test bundle (`swift build` puts both in one folder).
    static var scoreCLI: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("score-cli")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/score-cli")
    }

    /// A fresh folder holding a large claims file (large enough that a debug build takes seconds
    /// over it) and a destination that already has last run's output.
    static func workspace(claims count: Int) throws -> (folder: URL, claims: URL, destination: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("score-cli-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let schedule = try Schedule.load(bytes: try packageFile("rubrics/schedules/trade-consumption-2022.yaml"), file: "trade-consumption-2022.yaml")
        var csv = ""
        ClaimGenerator(schedule: schedule, seed: 3).write(count: count) { chunk in csv += chunk }
        let claims = folder.appendingPathComponent("claims.csv")
        try Data(csv.utf8).write(to: claims)
        let destination = folder.appendingPathComponent("result.csv")
        try Data("last run's output\n".utf8).write(to: destination)
        return (folder, claims, destination)
    }

    static func subsidy(_ claims: URL, to destination: URL) -> Process {
        let process = Process()
        process.executableURL = scoreCLI
        process.arguments = ["subsidy", claims.path, "--schedule", "trade-consumption-2022", "-f", "csv", "-o", destination.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    /// Runs `process` to its end and returns what it wrote on standard error.
    static func standardError(of process: Process) throws -> String {
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return message
    }

    /// The temporary files a run leaves in `folder` (none, when nothing is lost).
    static func partialFiles(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".partial") }
    }

    /// Waits until `condition` holds, for at most `seconds`.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalMidRunLeavesThePreviousOutput(_ signal: Int32) throws {
        let (folder, claims, destination) = try Self.workspace(claims: 60_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Self.subsidy(claims, to: destination)
        try process.run()
        // The run has started writing once its temporary file exists beside the destination.
        #expect(Self.wait(seconds: 20) { !Self.partialFiles(in: folder).isEmpty })
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(try String(contentsOf: destination, encoding: .utf8) == "last run's output\n")
        #expect(Self.partialFiles(in: folder) == [])
    }

    @Test func aFullDiskLeavesThePreviousOutputAndSaysSo() throws {
        let (folder, claims, destination) = try Self.workspace(claims: 2_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        // `ulimit -f 64`: no file may grow past 64 blocks, as if the disk were full.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 64; exec \"$0\" subsidy \"$1\" --schedule trade-consumption-2022 -f csv -o \"$2\"",
            Self.scoreCLI.path, claims.path, destination.path]
        let message = try Self.standardError(of: process)
        #expect(process.terminationStatus == 73)
        #expect(message.contains("写入失败 / write failed"))
        #expect(try String(contentsOf: destination, encoding: .utf8) == "last run's output\n")
        #expect(Self.partialFiles(in: folder) == [])
    }

    @Test(arguments: [
        ["score", "examples/scorecards/model-unit.yaml"],
        ["subsidy", "examples/subsidies/trade-consumption-2022.csv", "--schedule", "trade-consumption-2022"],
    ])
    func aFullStandardOutputIsAnErrorNotACrash(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = Self.scoreCLI
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let message = try Self.standardError(of: process)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 73)
        #expect(message.contains("写入失败"))
    }

    @Test func theOutputMayNotBeOneOfTheInputs() throws {
        let (folder, claims, _) = try Self.workspace(claims: 100)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: claims)
        let process = Self.subsidy(claims, to: claims)
        let message = try Self.standardError(of: process)
        #expect(process.terminationStatus == 64)
        #expect(message.contains("输出文件就是输入文件，拒绝覆盖"))
        #expect(try Data(contentsOf: claims) == before)
    }
}
