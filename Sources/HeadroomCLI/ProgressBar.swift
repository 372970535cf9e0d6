/// A one-line progress bar on standard error, drawn only when standard
/// error is a terminal (never in files, pipes or CI logs), at most every
/// 1% so that it costs nothing measurable.

import Foundation

/// `[########------------]  40%  (400/1000 blocks)` on stderr.
final class ProgressBar {
    let enabled: Bool
    var lastPercent = -1

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30
        let filled = done * width / total
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            + "] \(String(repeating: " ", count: 3 - String(percent).count))\(percent)%  (\(done)/\(total) blocks)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled, lastPercent >= 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
