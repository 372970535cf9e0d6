/// Compression ratios per storage format (JSON-lines bytes ÷ bytes in the
/// format), measured on synthetic events by `Benchmarks/compression/measure.sh`
/// and shipped as the resource `compression-ratios.json`, which records the
/// date, the generator command and the seeds it was measured with.
///
/// A dataset whose name is a measured stream (`bets`, `page_views`) gets
/// that stream's ratio; any other gets the overall ratio (streams weighted
/// by their JSON bytes). A configured `compression-ratio` overrides both.

import Foundation

/// The measured compression table.
public struct CompressionTable: Sendable, Equatable {
    /// One measured stream.
    public struct Stream: Sendable, Equatable, Codable {
        /// The workload file it was generated from.
        public var workload: String
        /// The workload's seed.
        public var seed: Int?
        /// The stream's name (`bets`).
        public var stream: String
        /// Records measured.
        public var records: Int
        /// Bytes per format name.
        public var bytes: [String: Int]
        /// JSON bytes ÷ bytes, per format name.
        public var ratios: [String: Double]
    }

    /// Whether the figures were measured (false: the seed's estimates).
    public var measured: Bool
    /// The date of the measurement, `YYYY-MM-DD`.
    public var measuredOn: String?
    /// The `headroom generate` command that made the events.
    public var generator: String?
    /// Overall ratio per format name.
    public var ratios: [String: Double]
    /// Per stream.
    public var streams: [Stream]

    private struct File: Codable {
        var measured: Bool
        var measuredOn: String?
        var generator: String?
        var ratios: [String: Double]
        var streams: [Stream]?
    }

    /// Decodes a table; every format needs a ratio > 0. `origin` names the file in errors.
    public static func load(_ data: Data, origin: String) throws -> CompressionTable {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw PlatformError(field: origin, "not a compression table: \(error)")
        }
        for f in StorageFormat.allCases {
            guard let r = file.ratios[f.rawValue], r.isFinite, r > 0 else {
                throw PlatformError(field: "\(origin) ratios.\(f.rawValue)", "needs a positive ratio (JSON bytes ÷ format bytes)")
            }
        }
        return CompressionTable(measured: file.measured, measuredOn: file.measuredOn, generator: file.generator,
                                ratios: file.ratios, streams: file.streams ?? [])
    }

    /// The shipped table (`Sources/Platform/Storage/compression-ratios.json`).
    public static func shipped() throws -> CompressionTable {
        guard let url = Bundle.module.url(forResource: "compression-ratios", withExtension: "json") else {
            throw PlatformError(field: "compression-ratios.json", "the resource is missing from the Platform bundle")
        }
        return try load(Data(contentsOf: url), origin: "compression-ratios.json")
    }

    /// JSON bytes ÷ bytes in `format` for a dataset named `dataset`: the stream's own
    /// measurement when `dataset` is a measured stream, otherwise the overall ratio.
    public func ratio(_ format: StorageFormat, dataset: String? = nil) -> Double {
        if let d = dataset, let s = streams.first(where: { $0.stream == d }), let r = s.ratios[format.rawValue] { return r }
        return ratios[format.rawValue]!
    }
}
