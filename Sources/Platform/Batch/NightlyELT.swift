/// The nightly ELT job: what it scans, how long it runs and what it costs
/// (an analytic model: one run a day, identical every day at a steady rate).
///
/// - Bytes scanned per run = Σ over its inputs of the scanned layer's stored
///   bytes per day × scan-days (columnar formats scan compressed bytes; no
///   column pruning or partition skipping beyond the day range is modelled).
/// - Duration = start-up + bytes scanned ÷ scan throughput; it finishes at
///   start + duration after 00:00 UTC (past 24 h it overlaps the next run).
/// - Cost per run: on-demand, USD per TiB (2⁴⁰ bytes) × TiB scanned; or
///   provisioned, USD per compute-hour × units × duration in hours. A month
///   is 30 runs.
/// - The analytics outputs are those of the ``BatchAnalyticsFeed`` that the
///   sinks' records went through.

import Foundation

/// The ELT job's arithmetic.
public enum NightlyELT {
    /// `quantity` as an exact decimal with 9 fractional digits (as Planning's Money does).
    static func decimal(_ quantity: Double) -> Decimal {
        Decimal(Int64((quantity * 1e9).rounded())) / Decimal(1_000_000_000)
    }

    /// Bytes one run of `job` scans, from the datasets' volumes.
    public static func bytesScanned(_ job: ELTConfiguration, volumes: [DatasetStorageResult]) -> Double {
        job.inputs.reduce(0) { sum, name in
            let layer = volumes.first { $0.dataset == name }?.layers.first { $0.layer == job.scanLayer }
            return sum + (layer?.storedBytesPerDay ?? 0) * Double(job.scanDays)
        }
    }

    /// The job's result for the datasets' `volumes`, priced on `clouds`, with the `analytics` outputs.
    /// - Precondition: `job` passed validation.
    public static func run(_ job: ELTConfiguration, volumes: [DatasetStorageResult], analytics: BatchAnalyticsResult,
                           clouds: [String]) -> ELTResult {
        let bytes = bytesScanned(job, volumes: volumes)
        let duration = job.startupNanos + Int64((bytes / job.scanBytesPerSecond * 1e9).rounded(.up))
        let perRun: [CloudAmount] = clouds.map { cloud in
            switch job.priceBasis {
            case .perTiBScanned(let prices):
                return CloudAmount(cloud: cloud, usd: (prices[cloud] ?? 0) * decimal(bytes / 1_099_511_627_776))
            case .perComputeHour(let prices, let units):
                return CloudAmount(cloud: cloud, usd: (prices[cloud] ?? 0) * decimal(units * Double(duration) / 3.6e12))
            }
        }
        return ELTResult(name: job.name, bytesScannedPerRun: bytes, durationNanos: duration,
                         finishOfDayNanos: job.startOfDayNanos + duration, costPerRun: perRun,
                         costPerMonth: perRun.map { CloudAmount(cloud: $0.cloud, usd: $0.usd * 30) }, analytics: analytics)
    }
}
