/// Sizing drills for `headroom quiz`: realistic parameters drawn from a
/// seeded stream, one question each, graded within a stated tolerance and
/// followed by the worked derivation.
///
/// Levels: 1 asks ingress, volume per day and over retention; 2 adds the
/// peak multiplier and partition counts; 3 adds compression, copies and
/// the size of a storage tier.

import Foundation
import Variates

/// One drill: a question, its answer with a unit, and the worked derivation.
public struct SizingDrill: Sendable, Equatable {
    /// The question as asked.
    public var question: String
    /// The expected answer in `unit`.
    public var answer: Double
    /// The unit the answer is asked in (`MB/s`, `TB`, `partitions`).
    public var unit: String
    /// Accepted relative error (0.02 = ±2%); 0 for whole-number answers.
    public var tolerance: Double
    /// The worked answer.
    public var derivation: Derivation

    /// Grades `text`: a number in ``unit``, or a quantity with its own byte or rate unit
    /// (`"4.32 TB"`, `"4320 GB"`, `"50MB/s"`), converted before comparing.
    /// - Returns: whether the answer is within tolerance, and the value read (nil if unreadable).
    public func grade(_ text: String) -> (correct: Bool, read: Double?) {
        let t = text.trimmingCharacters(in: .whitespaces)
        var value: Double?
        if let plain = QuantityText.parseNumber(t) {
            value = plain
        } else if unit.hasSuffix("/s"), let r = try? DataRate.parse(t, field: "answer"),
                  let u = ByteUnit.parse(String(unit.dropLast(2))) {
            value = r.bytesPerSecond / u.bytes
        } else if let b = try? ByteCount.parse(t, field: "answer"), let u = ByteUnit.parse(unit) {
            value = b.bytes / u.bytes
        } else if let q = try? QuantityText(t, field: "answer", accepted: []), q.unit == unit {
            value = q.number
        }
        guard let v = value else { return (false, nil) }
        let ok = tolerance == 0 ? Swift.abs(v - answer) < 1e-9 : Swift.abs(v - answer) <= tolerance * Swift.abs(answer)
        return (ok, v)
    }
}

/// Draws drills from a seed.
public enum DrillGenerator {
    /// `count` drills for `level` (1...3), reproducible from `seed`: drill i
    /// draws from the stream named `quiz/level-L/i` of the seed tree.
    public static func drills(seed: UInt64, level: Int, count: Int) -> [SizingDrill] {
        precondition((1...3).contains(level), "quiz level must be 1...3, got \(level)")
        precondition(count >= 1, "a quiz needs at least one question, got \(count)")
        let tree = SeedTree(root: seed).subtree("quiz/level-\(level)")
        var kinds = ["ingress", "day", "retention"]
        if level >= 2 { kinds += ["peak", "partitions"] }
        if level >= 3 { kinds += ["stored", "tier"] }
        return (0..<count).map { i in
            let s = tree.stream("\(i)")
            return drill(kind: kinds[Int(s.uniformInt(below: UInt64(kinds.count)))], stream: s, level: level)
        }
    }

    static func pick<T>(_ options: [T], _ s: RandomStream) -> T { options[Int(s.uniformInt(below: UInt64(options.count)))] }

    /// One drill of `kind` with parameters from `s`.
    static func drill(kind: String, stream s: RandomStream, level: Int) -> SizingDrill {
        var inputs = SizingInputs()
        inputs.name = "Drill"
        inputs.eventRate = EventRate(perSecond: pick([2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 250_000], s))
        inputs.eventSize = ByteCount(pick([0.5, 1, 2, 4, 8], s), .KB)
        inputs.retention = .days(pick([30, 90, 180, 365, 730], s))
        if level >= 2 { inputs.peakMultiplier = pick([2, 3, 5], s) }
        if level >= 3 {
            inputs.compressionRatio = pick([2, 4, 5, 8], s)
            inputs.storageCopies = pick([1, 2], s)
        }
        inputs.partitionProducerThroughput = DataRate(bytesPerSecond: pick([5e6, 10e6], s))
        inputs.partitionConsumerThroughput = inputs.partitionProducerThroughput
        let full = CapacityPlan.derive(inputs)
        let rate = "\(inputs.eventRate.formatted) events of \(CapacityPlan.exact(inputs.eventSize))"
        let step = { (label: String) in full.steps.first { $0.label == label }! }
        func make(_ question: String, _ labels: [String], tolerance: Double = 0.02) -> SizingDrill {
            var d = Derivation(title: "Worked answer")
            for l in labels { d.add(step(l)) }
            let last = step(labels.last!)
            return SizingDrill(question: question, answer: last.value, unit: last.unit, tolerance: tolerance, derivation: d)
        }
        switch kind {
        case "ingress":
            return make("At \(rate), what is the average ingress in \(step("Ingress at average").unit)?", ["Ingress at average"])
        case "day":
            let u = step("Raw volume per day").unit
            return make("At \(rate), how much raw data arrives per day, in \(u.replacingOccurrences(of: "/day", with: ""))?",
                        ["Ingress at average", "Raw volume per day"])
        case "retention":
            return make("At \(rate), how much raw data is kept over \(NumberText.plain(inputs.retention.days)) days, in \(step("Raw volume over retention").unit)? (decimal units)",
                        ["Ingress at average", "Raw volume per day", "Raw volume over retention"])
        case "peak":
            return make("At \(rate) on average and a peak of \(NumberText.plain(inputs.peakMultiplier))× the average, what is the peak ingress in \(step("Ingress at peak").unit)?",
                        ["Ingress at average", "Ingress at peak"])
        case "partitions":
            return make("At \(rate) on average, peak \(NumberText.plain(inputs.peakMultiplier))×, \(inputs.partitionProducerThroughput.formatted) per partition for producers and consumers and a target utilization of 70%, how many partitions?",
                        ["Ingress at average", "Ingress at peak", "Partitions for producers", "Partitions for consumers", "Partitions for throughput with headroom"], tolerance: 0)
        case "stored":
            return make("At \(rate), kept \(NumberText.plain(inputs.retention.days)) days, compressed \(NumberText.plain(inputs.compressionRatio)):1 with \(inputs.storageCopies) cop\(inputs.storageCopies == 1 ? "y" : "ies"), how much is stored, in \(step("Stored in the object store").unit)?",
                        ["Ingress at average", "Raw volume per day", "Raw volume over retention", "Compressed over retention", "Stored in the object store"])
        default:
            return make("At \(rate), compressed \(NumberText.plain(inputs.compressionRatio)):1 with \(inputs.storageCopies) cop\(inputs.storageCopies == 1 ? "y" : "ies"), data moves to infrequent access after 30 days; how much sits in the hot tier at steady state, in \(step("Hot tier at steady state").unit)?",
                        ["Ingress at average", "Raw volume per day", "Hot tier at steady state"])
        }
    }
}
