/// Writes a report directory all at once, or not at all.
///
/// Files are written into a fresh temporary sibling directory, which then
/// takes the target directory's place (two renames). A failure at any point removes the
/// temporary directory and leaves the previous report (if any) untouched:
/// a failed run never leaves a half-written report.

import Foundation

/// A set of named files to be written together.
public struct ReportFiles: Sendable {
    /// File name (no directories) to content, written in this order.
    public private(set) var files: [(name: String, content: String)] = []

    /// An empty set.
    public init() {}

    /// Adds a file.
    /// - Precondition: `name` is a plain file name without `/`, not yet added.
    public mutating func add(_ name: String, _ content: String) {
        precondition(!name.isEmpty && !name.contains("/"), "ReportFiles: `\(name)` must be a plain file name")
        precondition(!files.contains { $0.name == name }, "ReportFiles: `\(name)` added twice")
        files.append((name, content))
    }

    /// Writes every file into `directory`, replacing its previous content.
    /// - Throws: the underlying file-system error; then nothing has changed.
    public func write(to directory: URL) throws {
        let fm = FileManager.default
        let parent = directory.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(directory.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try Data(file.content.utf8).write(to: staging.appendingPathComponent(file.name))
            }
            if fm.fileExists(atPath: directory.path) {
                // Two renames: the old report aside, the new one in; the old
                // one comes back if the second rename fails.
                let previous = parent.appendingPathComponent(".\(directory.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
                if fm.fileExists(atPath: previous.path) { try fm.removeItem(at: previous) }
                try fm.moveItem(at: directory, to: previous)
                do {
                    try fm.moveItem(at: staging, to: directory)
                } catch {
                    try? fm.moveItem(at: previous, to: directory)
                    throw error
                }
                try? fm.removeItem(at: previous)
            } else {
                try fm.moveItem(at: staging, to: directory)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }
}
