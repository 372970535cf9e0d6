/// Writes a run's files (or one shard of them) to a directory, all or
/// nothing.
///
/// Each file is written to a hidden temporary name beside its final name
/// (`.bets.csv.tmp-<pid>`) and all are renamed only after every block was
/// written; on any error the temporaries are removed, so a failed run
/// leaves no half-written file (and keeps the files of an earlier run).
///
/// Sharding: shard i of N writes the blocks ``BlockPlan/blocks(shard:of:)``
/// gives it, under the same file names (give each shard its own `--out`).
/// Only shard 0 writes CSV headers (and the dimension tables, which belong
/// to block 0), so concatenating the shards' files in shard order, header
/// once, gives the unsharded file byte for byte:
/// `cat shard-0/bets.csv shard-1/bets.csv … > bets.csv`.
///
/// Memory: the records of one block and a write buffer per file (flushed at
/// 4 MiB), independent of the span.

import Foundation

/// What one file received.
public struct WrittenFile: Sendable, Equatable {
    /// Final path.
    public let path: String
    /// Data rows (header excluded).
    public let rows: Int
    /// Bytes written, header included.
    public let bytes: Int
}

/// A failure to write a run's files.
public struct DatasetWriteError: Error, CustomStringConvertible, Sendable {
    /// What failed, with the path.
    public let description: String
}

/// Writes the files of one run or shard.
public struct DatasetWriter {
    /// The run.
    public let generator: WorkloadGenerator
    /// Output directory (created if missing).
    public let directory: String
    /// CSV or NDJSON.
    public let format: OutputFormat
    /// This shard's index, 0-based.
    public let shard: Int
    /// Number of shards.
    public let shards: Int

    /// A writer for shard `shard` of `shards` (0 of 1: the whole run).
    public init(generator: WorkloadGenerator, directory: String, format: OutputFormat, shard: Int = 0, shards: Int = 1) {
        precondition(shards >= 1 && shard >= 0 && shard < shards, "shard must be in 0..<shards")
        self.generator = generator
        self.directory = directory
        self.format = format
        self.shard = shard
        self.shards = shards
    }

    /// The final path of an output file.
    public func path(of file: OutputFile) -> String {
        (directory as NSString).appendingPathComponent(file.name + "." + format.fileExtension)
    }

    /// Generates this shard's blocks and writes every file; `progress` is
    /// called with (blocks done, blocks of this shard) after each block.
    /// - Throws: ``DatasetWriteError``; then no output file was created or replaced.
    public func write(progress: (Int, Int) -> Void = { _, _ in }) throws -> [WrittenFile] {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DatasetWriteError(description: "cannot create the output directory \(directory): \(error.localizedDescription)")
        }
        let outputs = generator.outputs
        let temps = outputs.map { (directory as NSString).appendingPathComponent(".\($0.name).\(format.fileExtension).tmp-\(getpid())") }
        var handles: [FileHandle] = []
        func cleanUp() {
            for h in handles { try? h.close() }
            for t in temps { try? fm.removeItem(atPath: t) }
        }
        do {
            for t in temps {
                guard fm.createFile(atPath: t, contents: nil), let h = FileHandle(forWritingAtPath: t) else {
                    throw DatasetWriteError(description: "cannot create \(t) in \(directory)")
                }
                handles.append(h)
            }
            var encoders = generator.makeEncoders(format: format, capacity: 1 << 22)
            var rows = [Int](repeating: 0, count: outputs.count)
            var bytes = [Int](repeating: 0, count: outputs.count)
            if shard == 0 {
                for (i, o) in outputs.enumerated() {
                    let header = RecordEncoder.header(columns: o.columns, format: format)
                    try handles[i].write(contentsOf: header)
                    bytes[i] += header.count
                }
            }
            let range = generator.plan.blocks(shard: shard, of: shards)
            var done = 0
            for k in range {
                let before = encoders.map { $0.rows }
                generator.emit(block: k, into: &encoders)
                for i in encoders.indices {
                    rows[i] += encoders[i].rows - before[i]
                    if encoders[i].buffer.count >= 1 << 22 {
                        bytes[i] += try flush(&encoders[i], to: handles[i])
                    }
                }
                done += 1
                progress(done, range.count)
            }
            for i in encoders.indices { bytes[i] += try flush(&encoders[i], to: handles[i]) }
            for h in handles { try h.synchronize(); try h.close() }
            handles = []
            for (i, o) in outputs.enumerated() {
                if rename(temps[i], path(of: o)) != 0 {
                    throw DatasetWriteError(description: "cannot rename \(temps[i]) to \(path(of: o)): \(String(cString: strerror(errno)))")
                }
            }
            return outputs.enumerated().map { WrittenFile(path: path(of: $1), rows: rows[$0], bytes: bytes[$0]) }
        } catch let error as DatasetWriteError {
            cleanUp()
            throw error
        } catch {
            cleanUp()
            throw DatasetWriteError(description: "writing to \(directory) failed: \(error.localizedDescription)")
        }
    }

    /// Writes and empties an encoder's buffer; returns the bytes written.
    func flush(_ encoder: inout RecordEncoder, to handle: FileHandle) throws -> Int {
        let n = encoder.buffer.count
        guard n > 0 else { return 0 }
        try encoder.buffer.withUnsafeBytes { try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0.baseAddress!), count: n, deallocator: .none)) }
        encoder.buffer.removeAll()
        return n
    }
}
