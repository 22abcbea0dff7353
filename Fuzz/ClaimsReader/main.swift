import Foundation

// libFuzzer entry point for ClaimsReader; built and run by scripts/fuzz.sh together with
// Tests/ScoringTests/FuzzHarness.swift, which holds what is done with each input.

/// The package folder: SCORE_ROOT, or three levels above this file (scripts/fuzz.sh compiles it by its full path).
let packageFolder: String = {
    if let root = getenv("SCORE_ROOT") { return String(cString: root) }
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

let shipped = FuzzHarness.Shipped.load(root: packageFolder)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run("ClaimsReader", bytes, shipped: shipped)
    return 0
}
