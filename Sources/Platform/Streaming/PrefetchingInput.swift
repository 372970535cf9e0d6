import Dispatch

/// Reads the next block of `base` on another thread while the model
/// simulates the current one: the same blocks in the same order (so results
/// are unchanged), with the generator's work overlapped on a second core.
///
/// One block is read ahead at most; memory is two blocks. Not for use from
/// two threads: the model is the only caller of ``nextBlock()``.
public final class PrefetchingInput<Base: StreamInput>: StreamInput, @unchecked Sendable {
    let base: Base
    let queue = DispatchQueue(label: "headroom.streaming.prefetch")
    let ready = DispatchSemaphore(value: 0)
    var pending: [StreamRecord]?
    var started = false

    /// Wraps `base`; nothing is read until the first ``nextBlock()``.
    public init(_ base: Base) { self.base = base }

    func readAhead() {
        queue.async { [self] in
            pending = base.nextBlock()
            ready.signal()
        }
    }

    public func nextBlock() -> [StreamRecord]? {
        if !started {
            started = true
            readAhead()
        }
        ready.wait()
        let block = pending
        pending = nil
        if block != nil { readAhead() }
        return block
    }
}
