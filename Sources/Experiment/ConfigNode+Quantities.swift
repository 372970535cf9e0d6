/// Quantities as people write them, read from a node by the parsers of
/// `Planning` (rates `50k/s`, durations `30m`, sizes `1KB`/`1KiB`) and
/// `Variates` (distributions), plus fractions (`5%`, `0.05`), timestamps
/// and times of day. A parser's error becomes an issue at the node.

import Planning
import Variates
import Workloads

extension ConfigNode {
    /// An event rate (`50k/s`, `3M/day`, `2/h`), events per second.
    public func rate() -> Double? {
        guard let t = text(expected: "a rate such as 50k/s") else { return nil }
        do { return try EventRate.parse(t, field: path).perSecond } catch let e as PlanningError {
            fail(e.message, expected: "a rate such as " + e.accepted.joined(separator: ", "))
        } catch { fail("\(error)") }
        return nil
    }

    /// A duration (`30m`, `5s`, `250ms`) in µs.
    public func duration() -> Int64? {
        guard let t = text(expected: "a duration such as 30m") else { return nil }
        do { return Int64((try TimeSpan.parse(t, field: path).seconds * 1e6).rounded()) } catch let e as PlanningError {
            fail(e.message, expected: "a duration such as " + e.accepted.joined(separator: ", "))
        } catch { fail("\(error)") }
        return nil
    }

    /// A size (`1KB` = 1000 B, `1KiB` = 1024 B) in bytes.
    public func size() -> Double? {
        guard let t = text(expected: "a size such as 1KB") else { return nil }
        do { return try ByteCount.parse(t, field: path).bytes } catch let e as PlanningError {
            fail(e.message, expected: "a size such as " + e.accepted.joined(separator: ", "))
        } catch { fail("\(error)") }
        return nil
    }

    /// A distribution (`lognormal(p50=2s, p99=2m)`, `exp(mean=5s)`, `5ms`).
    public func distribution() -> Distribution? {
        guard let t = text(expected: "a distribution such as exp(mean=5s)") else { return nil }
        do { return try Distribution.parse(t) } catch let e as VariatesError {
            fail("\(e)", expected: "a distribution such as exp(mean=5s) or lognormal(p50=2s, p99=2m)")
        } catch { fail("\(error)") }
        return nil
    }

    /// A fraction in `[0, 1]`, written `0.05` or `5%`.
    public func fraction(allowZero: Bool = true) -> Double? {
        guard let t = text(expected: "a fraction such as 0.05 or 5%") else { return nil }
        let trimmed = t.trimmingCharacters(in: .whitespaces)
        let isPercent = trimmed.hasSuffix("%")
        guard let raw = Double(isPercent ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed), raw.isFinite else {
            fail("expected a fraction such as 0.05 or 5%, got \"\(t)\"", expected: "a fraction such as 0.05 or 5%")
            return nil
        }
        let v = isPercent ? raw / 100 : raw
        guard v >= 0, v <= 1, allowZero || v > 0 else {
            fail("must be \(allowZero ? "between 0 and 1" : "greater than 0 and at most 1") (0% to 100%), got \(t)",
                 expected: "a fraction such as 0.05 or 5%")
            return nil
        }
        return v
    }

    /// A UTC timestamp (`2026-06-01`, `2026-06-01 19:00`, `2026-06-01T19:00:00Z`), µs.
    public func timestamp() -> Int64? {
        guard let t = text(expected: "a UTC time such as 2026-06-01 19:00") else { return nil }
        guard let v = Timestamp.parse(t) else {
            fail("\"\(t)\" is not a UTC date or time", expected: "YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS[.ffffff]] or YYYY-MM-DDTHH:MM:SSZ")
            return nil
        }
        return v
    }

    /// A time of day `HH:MM` (or `HH:MM:SS`), seconds since midnight; nil
    /// when the text is not one.
    public static func timeOfDay(_ t: String) -> Double? {
        let parts = t.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }),
              let h = parts[0], let m = parts[1], (0..<24).contains(h), (0..<60).contains(m),
              parts.count == 2 || (0..<60).contains(parts[2]!) else {
            return nil
        }
        return Double(h * 3600 + m * 60 + (parts.count == 3 ? parts[2]! : 0))
    }

    /// A positive number (a multiplier): finite and > 0.
    public func positive(expected: String) -> Double? {
        guard let v = number(expected: expected) else { return nil }
        guard v > 0 else {
            fail("must be greater than 0, got \(text() ?? "")", expected: expected)
            return nil
        }
        return v
    }

    /// A non-negative number: finite and ≥ 0.
    public func nonNegative(expected: String) -> Double? {
        guard let v = number(expected: expected) else { return nil }
        guard v >= 0 else {
            fail("must be at least 0, got \(text() ?? "")", expected: expected)
            return nil
        }
        return v
    }
}

import Foundation
