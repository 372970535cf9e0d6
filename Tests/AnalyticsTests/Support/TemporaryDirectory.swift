/// A fresh directory per test for input and output files, removed afterwards.

import Foundation

/// A temporary directory that lives as long as the value.
final class TemporaryDirectory {
    /// The directory's path (no trailing slash).
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/headroom-analytics-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` to `name` inside the directory; returns the full path.
    @discardableResult
    func write(_ name: String, _ contents: String) -> String {
        let p = path + "/" + name
        FileManager.default.createFile(atPath: p, contents: Data(contents.utf8))
        return p
    }

    /// The contents of `name`, or nil when it does not exist.
    func read(_ name: String) -> String? {
        guard let d = FileManager.default.contents(atPath: path + "/" + name) else { return nil }
        return String(decoding: d, as: UTF8.self)
    }

    /// Names of the files in the directory, sorted.
    func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
}
