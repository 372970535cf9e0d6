/// Decoding of one stream of a `workload:` section: its type, rate shape,
/// keys, delivery and planted behaviour.

import Variates
import Workloads
import Yams

/// Reads one stream definition, recording issues on its nodes.
struct StreamDecoder {
    let node: ConfigNode
    let name: String
    let keyMark: Mark?
    let counts: [String: Int]

    /// Every field a stream may have.
    static let fields = ["type", "rate", "diurnal", "weekly", "spikes", "batch", "keys", "amount",
                         "disorder", "duplicates", "sessions", "streaks", "fraud"]
    /// Fields that only some record types accept.
    static let onlyFor: [String: RecordKind] = ["sessions": .pageViews, "streaks": .bets, "fraud": .cardTransactions]
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// The stream, or nil when it has an issue.
    func decode() -> StreamSpec? {
        guard let f = node.fields(StreamDecoder.fields) else { return nil }
        let before = node.issues.issues.count
        let kinds = RecordKind.allCases.map(\.rawValue)
        var kind: RecordKind?
        if let t = f["type"] {
            if let text = t.text(expected: "a record type") {
                kind = RecordKind(rawValue: text)
                if kind == nil {
                    t.fail("unknown record type `\(text)`" + Spelling.suggestion(for: text, in: kinds), expected: "one of " + kinds.joined(separator: ", "))
                }
            }
        } else if let k = RecordKind(rawValue: name) {
            kind = k
        } else {
            node.issues.add(keyMark, path: node.path + ".type",
                            "stream `\(name)` needs a `type:` (its name is not a record type" + Spelling.suggestion(for: name, in: kinds).dropFirst().dropLast() + ")",
                            expected: "one of " + kinds.joined(separator: ", "))
        }
        if let kind {
            for (field, only) in StreamDecoder.onlyFor where only != kind && f[field] != nil {
                f[field]!.fail("`\(field)` applies to streams of type \(only.rawValue) only, not \(kind.rawValue)")
            }
        }
        let rate = f.required("rate", expected: "a rate such as 500/s")?.rate()
        let diurnal = f["diurnal"].flatMap(decodeDiurnal)
        let weekly = f["weekly"].flatMap(decodeWeekly)
        var spikes: [Spike] = []
        if let s = f["spikes"], let items = s.list() {
            for item in items {
                if let sf = item.fields(WorkloadFile.spikeFields), let spike = WorkloadFile.decodeSpike(item, sf) { spikes.append(spike) }
            }
        }
        var batch = 1.0
        if let b = f["batch"], let bf = b.fields(["mean_size"]) {
            if let m = bf.required("mean_size", expected: "a mean batch size ≥ 1")?.number(expected: "a mean batch size ≥ 1") {
                if m >= 1 { batch = m } else { bf["mean_size"]!.fail("a mean batch size must be at least 1, got \(m)", expected: "a number ≥ 1") }
            }
        }
        let keys = kind.flatMap { decodeKeys(f["keys"], kind: $0) }
        let amount = f["amount"].flatMap { $0.distribution() }
        let disorder = f["disorder"].flatMap(decodeDisorder)
        let duplicates = f["duplicates"].flatMap { decodeDuplicates($0, kind: kind) }
        let sessions = f["sessions"].flatMap(decodeSessions)
        let streaks = f["streaks"].flatMap(decodeStreaks)
        let fraud = f["fraud"].flatMap(decodeFraud)
        guard node.issues.issues.count == before, let kind, let rate, let keys else { return nil }
        let curve = RateCurve(base: rate, diurnal: diurnal, weekly: weekly, spikes: spikes)
        return StreamSpec(name: name, kind: kind, rate: curve, keys: keys, meanBatchSize: batch, amount: amount,
                          disorder: disorder, duplicates: duplicates, sessions: sessions, streaks: streaks, fraud: fraud)
    }

    func decodeDiurnal(_ n: ConfigNode) -> DiurnalCurve? {
        guard let entries = n.namedEntries() else { return nil }
        var points: [(second: Double, factor: Double)] = []
        var ok = true
        for (key, value, mark) in entries {
            guard let second = ConfigNode.timeOfDay(key) else {
                n.issues.add(mark, path: n.path + "." + key, "\"\(key)\" is not a time of day", expected: "HH:MM from 00:00 to 23:59 (quoted)")
                ok = false
                continue
            }
            guard let factor = value.nonNegative(expected: "a rate factor ≥ 0") else { ok = false; continue }
            if points.contains(where: { $0.second == second }) {
                n.issues.add(mark, path: n.path + "." + key, "the time \(key) is given twice", expected: "each time of day once")
                ok = false
                continue
            }
            points.append((second, factor))
        }
        if entries.isEmpty { n.fail("a diurnal curve needs at least one point", expected: "e.g. {\"00:00\": 0.4, \"20:00\": 1.8}"); ok = false }
        guard ok else { return nil }
        return DiurnalCurve(points: points.sorted { $0.second < $1.second })
    }

    func decodeWeekly(_ n: ConfigNode) -> [Double]? {
        guard let f = n.fields(StreamDecoder.weekdays) else { return nil }
        var factors = [Double](repeating: 1, count: 7)
        var ok = true
        for (i, day) in StreamDecoder.weekdays.enumerated() {
            if let v = f[day] {
                if let x = v.nonNegative(expected: "a rate factor ≥ 0") { factors[i] = x } else { ok = false }
            }
        }
        return ok ? factors : nil
    }

    /// The dimension a record type's key ranges over, if it has one.
    static func keyDimension(_ kind: RecordKind) -> String? {
        switch kind {
        case .bets, .logins, .payments, .accountChanges: "players"
        case .results: "games"
        case .cardTransactions: "cards"
        case .pageViews, .transactions: nil
        }
    }

    func decodeKeys(_ n: ConfigNode?, kind: RecordKind) -> KeyPopularity? {
        let dimension = StreamDecoder.keyDimension(kind)
        var count = dimension.map { counts[$0]! } ?? counts["players"]!
        var exponent = 1.0
        var hot: [(key: Int64, share: Double)] = []
        var salt = 1
        guard let n else { return KeyPopularity(count: count, exponent: exponent) }
        guard let f = n.fields(["count", "zipf", "hot", "salt"]) else { return nil }
        var ok = true
        if let c = f["count"] {
            if let dimension {
                c.fail("the keys of \(kind.rawValue) are the \(dimension) dimension; set `dimensions.\(dimension)` instead")
                ok = false
            } else if let v = c.integer(in: 1...100_000_000, expected: "a key count between 1 and 100,000,000") {
                count = v
            } else { ok = false }
        }
        if let z = f["zipf"] {
            if let v = z.nonNegative(expected: "a Zipf exponent ≥ 0 (0 is uniform, about 1 is typical)") { exponent = v } else { ok = false }
        }
        if let s = f["salt"] {
            if let v = s.integer(in: 1...4096, expected: "a number of sub-keys between 1 and 4096") { salt = v } else { ok = false }
        }
        if let h = f["hot"], let items = h.list() {
            var total = 0.0
            for item in items {
                guard let hf = item.fields(["key", "share"]) else { ok = false; continue }
                let key = hf.required("key", expected: "a key id")?.integer(in: 1...count, expected: "a key id between 1 and \(count)")
                let share = hf.required("share", expected: "a share of all events such as 5%")?.fraction(allowZero: false)
                guard let key, let share else { ok = false; continue }
                total += share
                hot.append((Int64(key), share))
            }
            if total > 1 + 1e-12 {
                h.fail("the hot keys' shares add up to \(total * 100)%, more than 100%", expected: "shares summing to at most 100%")
                ok = false
            }
        }
        guard ok else { return nil }
        return KeyPopularity(count: count, exponent: exponent, hotKeys: hot, salt: salt)
    }

    func decodeDisorder(_ n: ConfigNode) -> DisorderSpec? {
        guard let f = n.fields(["fraction", "delay"]) else { return nil }
        let fraction = f.required("fraction", expected: "a fraction such as 2%")?.fraction()
        let delay = f.required("delay", expected: "a delay distribution such as lognormal(p50=2s, p99=2m)")?.distribution()
        guard let fraction, let delay else { return nil }
        return DisorderSpec(fraction: fraction, delay: delay)
    }

    func decodeDuplicates(_ n: ConfigNode, kind: RecordKind?) -> DuplicateSpec? {
        guard let f = n.fields(["fraction", "delay", "status_change"]) else { return nil }
        let fraction = f.required("fraction", expected: "a fraction such as 0.5%")?.fraction()
        let delay = f.required("delay", expected: "a retry delay distribution such as exp(mean=5s)")?.distribution()
        var change: Double? = 0
        if let c = f["status_change"] {
            if let kind, kind != .transactions {
                c.fail("`status_change` applies to transactions only (their retries may carry another status)")
                change = nil
            } else {
                change = c.fraction()
            }
        }
        guard let fraction, let delay, let change else { return nil }
        return DuplicateSpec(fraction: fraction, delay: delay, statusChange: change)
    }

    func decodeSessions(_ n: ConfigNode) -> SessionSpec? {
        guard let f = n.fields(["mean_events", "gap", "pause_probability", "timeout", "jitter"]) else { return nil }
        var s = SessionSpec()
        var ok = true
        if let m = f["mean_events"] {
            if let v = m.number(expected: "a mean number of events per visit ≥ 1"), v >= 1 { s.meanEvents = v } else {
                m.fail("a visit has at least 1 event on average", expected: "a number ≥ 1"); ok = false
            }
        }
        if let g = f["gap"] { if let d = g.distribution() { s.gap = d } else { ok = false } }
        if let p = f["pause_probability"] { if let v = p.fraction() { s.pauseProbability = v } else { ok = false } }
        if let t = f["timeout"] { if let v = t.duration(), v > 0 { s.timeout = v } else { t.fail("a timeout must be greater than 0", expected: "e.g. 30m"); ok = false } }
        if let j = f["jitter"] { if let v = j.duration() { s.pauseJitter = v } else { ok = false } }
        if s.pauseJitter >= s.timeout {
            (f["jitter"] ?? n).fail("the pause jitter must be shorter than the timeout", expected: "e.g. timeout: 30m, jitter: 5m")
            ok = false
        }
        return ok ? s : nil
    }

    func decodeStreaks(_ n: ConfigNode) -> StreakSpec? {
        guard let f = n.fields(["players", "min_days", "max_days"]) else { return nil }
        let players = f.required("players", expected: "the number of planted players")?.integer(in: 0...1_000_000, expected: "a count between 0 and 1,000,000")
        let minDays = f["min_days"].map { $0.integer(in: 3...365, expected: "at least 3 days (a streak is 3 or more increase days)") } ?? 3
        let maxDays = f["max_days"].map { $0.integer(in: 3...365, expected: "between 3 and 365 days") } ?? 5
        guard let players, let minDays, let maxDays else { return nil }
        guard maxDays >= minDays else {
            f["max_days"]!.fail("max_days (\(maxDays)) is less than min_days (\(minDays))", expected: "max_days ≥ min_days")
            return nil
        }
        return StreakSpec(players: players, minDays: minDays, maxDays: maxDays)
    }

    func decodeFraud(_ n: ConfigNode) -> FraudSpec? {
        guard let f = n.fields(["card_testing", "account_takeover", "high_velocity"]) else { return nil }
        var spec = FraudSpec()
        var ok = true
        for (field, set) in [("card_testing", { (v: Double) in spec.cardTestingPerHour = v }),
                             ("account_takeover", { spec.accountTakeoverPerHour = $0 }),
                             ("high_velocity", { spec.highVelocityPerHour = $0 })] {
            if let r = f[field] { if let v = r.rate() { set(v * 3600) } else { ok = false } }
        }
        return ok ? spec : nil
    }
}
