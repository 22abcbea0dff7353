// libFuzzer entry point for ClaimsReader; built and run by scripts/fuzz.sh together with
// Tests/ScoringTests/FuzzHarness.swift, which holds what is done with each input.

let shipped = FuzzHarness.Shipped.load(root: FuzzHarness.packageFolder)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run("ClaimsReader", bytes, shipped: shipped)
    return 0
}
