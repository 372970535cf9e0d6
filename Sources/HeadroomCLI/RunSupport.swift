/// What `headroom run`, `check` and `validate` share: loading a scenario
/// with its errors and warnings printed in one place, the progress line,
/// and the failure that carries an exit code.

import ArgumentParser
import Experiment
import Foundation

/// A failure of a scenario command: a message for stderr and an exit code.
struct ScenarioFailure: Error, CustomStringConvertible {
    /// The message.
    let description: String
    /// The exit code (1: the scenario is invalid or a check failed).
    let code: Int32

    init(_ description: String, code: Int32 = 1) {
        self.description = description
        self.code = code
    }
}

/// Loading scenarios for the commands.
enum ScenarioLoading {
    /// Writes `text` to stderr.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Loads `path`, printing its warnings (`path:line:col: warning: …`) to stderr.
    /// - Throws: ``ScenarioFailure`` with every error of the file.
    static func load(_ path: String, quiet: Bool = false) throws -> Scenario {
        do {
            let scenario = try ScenarioFile.load(path: path)
            if !quiet { for w in scenario.warnings { err(warning(w)) } }
            return scenario
        } catch let errors as ConfigErrors {
            throw ScenarioFailure(errors.description)
        }
    }

    /// `file:line:col: warning: path: message; expected …`.
    static func warning(_ w: ConfigIssue) -> String {
        "\(w.file):\(w.line):\(w.column): warning: \(w.path): \(w.message)" + (w.expected.isEmpty ? "" : "; try " + w.expected)
    }

    /// The scenario files named: files as given, directories expanded to their
    /// `*.yaml` files (recursively, sorted by path).
    static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ScenarioFailure("no such file or directory: \(path)") }
            if isDirectory.boolValue {
                let found = (fm.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                // Workload files (`headroom generate` input, only a `workload:` key) live beside scenarios: skip them.
                out += found.map { (path as NSString).appendingPathComponent($0) }.filter { !ScenarioFile.isWorkloadFile(path: $0) }
            } else {
                out.append(path)
            }
        }
        return out
    }
}

/// `[#####-----]  40%  scenario` on stderr, only on a terminal, at most every 1%.
final class RunProgress {
    let enabled: Bool
    let label: String
    var lastPercent = -1

    init(enabled: Bool, label: String) {
        self.enabled = enabled
        self.label = label
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != lastPercent else { return }
        lastPercent = percent
        let filled = done * 30 / total
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 30 - filled) + "] \(percent)%  \(label)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled, lastPercent >= 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
