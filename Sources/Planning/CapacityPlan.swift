/// The back-of-the-envelope capacity plan: a ``Derivation`` built from
/// ``SizingInputs``, step by step, the way a strong interview answer reads.
///
/// Order: ingress (average, peak) → storage per day, month, retention (raw,
/// compressed, copies, tiers) → Kafka (broker storage, partitions, brokers)
/// → processing (consumers, queueing check) → latency budget → manual
/// review → claims checked for unit slips. Storage is sized at the
/// *average* rate and throughput at the *peak* rate.

import Foundation

/// Builds the derivation of a capacity plan.
public enum CapacityPlan {
    /// The full derivation for `inputs`.
    /// - Precondition: `inputs` passed ``SizingInputs/validate()``.
    public static func derive(_ inputs: SizingInputs) -> Derivation {
        var d = Derivation(title: "\(inputs.name): capacity plan")
        storage(inputs, into: &d)
        kafka(inputs, into: &d)
        processing(inputs, into: &d)
        latency(inputs, into: &d)
        review(inputs, into: &d)
        for (i, claim) in inputs.claims.enumerated() {
            guard let check = try? UnitSlipCheck(claim: claim) else {
                d.warn("Claim \"\(claim)\" is not a size conversion and was not checked")
                continue
            }
            if check.verdict != .consistent { d.warn("Claim \"\(check.claim)\": \(check.explanation)") }
            d.result("claim_\(i + 1)", check.correctValue, unit: check.claimedUnit.rawValue,
                     display: "\(check.claim): \(check.verdict.rawValue)")
        }
        return d
    }

    /// A size in the readable decimal unit: (value, unit symbol).
    static func readable(_ size: ByteCount) -> (value: Double, unit: ByteUnit) {
        let unit = size.readableUnit(system: .decimal)
        return (size.value(in: unit), unit)
    }

    /// `"4.32 TB"` with up to 4 decimals (for substitutions, where exact figures matter).
    static func exact(_ size: ByteCount, in unit: ByteUnit? = nil) -> String {
        let u = unit ?? size.readableUnit(system: .decimal)
        return NumberText.plain(size.value(in: u), maxFractionDigits: 6) + " " + u.rawValue
    }

    /// Ingress and storage steps.
    static func storage(_ inputs: SizingInputs, into d: inout Derivation) {
        let rate = inputs.eventRate.perSecond
        let avg = DataRate(bytesPerSecond: rate * inputs.eventSize.bytes)
        let avgR = readable(avg.perSecond)
        d.add(DerivationStep(
            label: "Ingress at average", formula: "event rate × event size",
            substituted: "\(inputs.eventRate.formatted) × \(exact(inputs.eventSize))",
            value: avgR.value, unit: avgR.unit.rawValue + "/s", display: avg.formattedBoth,
            note: inputs.peakMultiplier == 1
                ? "the seed states 50,000 TPS as its peak and sizes storage as if it were sustained; with a peak multiplier above 1 the average (and storage) shrinks accordingly"
                : nil))
        d.result("ingress_average_bytes_per_second", avg.bytesPerSecond, unit: "B/s", display: avg.formattedBoth)

        let peak = avg * inputs.peakMultiplier
        let peakR = readable(peak.perSecond)
        d.add(DerivationStep(
            label: "Ingress at peak", formula: "average ingress × peak multiplier",
            substituted: "\(avg.formatted) × \(NumberText.plain(inputs.peakMultiplier))",
            value: peakR.value, unit: peakR.unit.rawValue + "/s", display: peak.formattedBoth,
            note: "throughput (partitions, brokers, consumers) is sized at the peak; storage at the average"))
        d.result("ingress_peak_bytes_per_second", peak.bytesPerSecond, unit: "B/s", display: peak.formattedBoth)

        let perDay = avg.over(.days(1))
        let dayR = readable(perDay)
        let inAvgUnit = perDay.value(in: avgR.unit)
        d.add(DerivationStep(
            label: "Raw volume per day", formula: "average ingress × 86,400 s",
            substituted: "\(avg.formatted) × 86,400 s = \(NumberText.plain(inAvgUnit)) \(avgR.unit.rawValue)",
            value: dayR.value, unit: dayR.unit.rawValue + "/day", display: perDay.formattedExact(suffix: "/day")))
        d.result("raw_per_day_bytes", perDay.bytes, unit: "B", display: perDay.formattedBoth())

        let perMonth = perDay * 30
        let monthR = readable(perMonth)
        d.add(DerivationStep(
            label: "Raw volume per 30-day month", formula: "raw per day × 30",
            substituted: "\(exact(perDay)) × 30", value: monthR.value, unit: monthR.unit.rawValue,
            display: perMonth.formattedExact()))

        let days = inputs.retention.days
        let overRetention = perDay * days
        let inDayUnit = overRetention.value(in: dayR.unit)
        let slip = overRetention.value(in: dayR.unit) / Foundation.pow(1024, 1)
        let nextUnit = ByteUnit.unit(system: .decimal, exponent: min(6, dayR.unit.exponent + 1))
        d.add(DerivationStep(
            label: "Raw volume over retention", formula: "raw per day × retention in days",
            substituted: "\(exact(perDay)) × \(NumberText.plain(days)) d",
            value: inDayUnit, unit: dayR.unit.rawValue,
            display: "\(NumberText.plain(inDayUnit)) \(dayR.unit.rawValue) = \(overRetention.formattedBoth())",
            note: "pitfall: \(NumberText.plain(inDayUnit)) \(dayR.unit.rawValue) ÷ 1,024 = \(NumberText.significant(slip)) is neither \(nextUnit.rawValue) nor \(nextUnit.counterpart.rawValue); "
                + "divide decimal units by 1,000 (\(overRetention.formatted())) or convert bytes to binary units (\(NumberText.fixedSignificant(overRetention.value(in: overRetention.readableUnit(system: .binary)))) \(overRetention.readableUnit(system: .binary).rawValue))"))
        d.result("raw_over_retention_bytes", overRetention.bytes, unit: "B", display: overRetention.formattedBoth())

        let compressed = overRetention / inputs.compressionRatio
        let compR = readable(compressed)
        d.add(DerivationStep(
            label: "Compressed over retention", formula: "raw over retention ÷ compression ratio",
            substituted: "\(exact(overRetention)) ÷ \(NumberText.plain(inputs.compressionRatio))",
            value: compR.value, unit: compR.unit.rawValue, display: compressed.formattedExact(),
            note: inputs.compressionRatio == 1 ? "ratio 1: the seed's 1 KB is already the size after compression" : nil))

        let stored = compressed * Double(inputs.storageCopies)
        let storedR = readable(stored)
        d.add(DerivationStep(
            label: "Stored in the object store", formula: "compressed over retention × copies",
            substituted: "\(exact(compressed)) × \(inputs.storageCopies)",
            value: storedR.value, unit: storedR.unit.rawValue, display: stored.formattedExact(),
            note: "object stores replicate internally; copies > 1 means extra full copies (e.g. another region)"))
        d.result("stored_over_retention_bytes", stored.bytes, unit: "B", display: stored.formattedBoth())

        tiers(inputs, storedPerDay: perDay / inputs.compressionRatio * Double(inputs.storageCopies), into: &d)
    }

    /// Steady-state bytes per storage tier: each tier holds the days of data whose age falls in its range.
    static func tiers(_ inputs: SizingInputs, storedPerDay: ByteCount, into d: inout Derivation) {
        let retention = inputs.retention.days
        let bounds = [0, min(inputs.infrequentAfter.days, retention), min(inputs.archiveAfter.days, retention), retention]
        let names = [("hot", "Hot tier at steady state"), ("infrequent", "Infrequent-access tier at steady state"),
                     ("archive", "Archive tier at steady state")]
        for (i, (key, label)) in names.enumerated() {
            let span = bounds[i + 1] - bounds[i]
            let size = storedPerDay * span
            let r = readable(size)
            d.add(DerivationStep(
                label: label, formula: "stored per day × days of age in the tier (\(NumberText.plain(bounds[i]))–\(NumberText.plain(bounds[i + 1])) d)",
                substituted: "\(exact(storedPerDay)) × \(NumberText.plain(span)) d",
                value: r.value, unit: r.unit.rawValue, display: size.formattedExact()))
            d.result("tier_\(key)_bytes", size.bytes, unit: "B", display: size.formattedBoth())
        }
    }
}
