import Dispatch

/// Runs `work` for parts `0..<count` on up to `count` threads and returns the results in part order.
///
/// Callers split their input into contiguous parts and join the results in order, so the outcome is
/// the same for any number of parts; only the time changes.
public func inParallel<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return count == 1 ? [work(0)] : [] }
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { part in slots.store(work(part), at: part) }
    return slots.values()
}

/// Splits `range` into `parts` contiguous pieces of nearly equal size (some may be empty).
public func split(_ range: Range<Int>, into parts: Int) -> [Range<Int>] {
    let parts = max(parts, 1)
    let size = range.count / parts
    let extra = range.count % parts
    var pieces: [Range<Int>] = []
    var start = range.lowerBound
    for part in 0..<parts {
        let end = start + size + (part < extra ? 1 : 0)
        pieces.append(start..<end)
        start = end
    }
    return pieces
}

/// One slot per part, each written by exactly one thread, read after all have finished.
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(_ count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: T, at index: Int) { buffer[index] = value }

    func values() -> [T] { buffer.compactMap { $0 } }
}
