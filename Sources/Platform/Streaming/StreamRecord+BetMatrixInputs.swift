import Workloads

/// Logins of a workload stream (BetMatrix `logins` topic), keyed by player.
/// A record's `merchant` is the device index, `country` the login's
/// country, and `mcc` is 1 for a successful login and 0 for a failed one;
/// ids count the stream's logins from 1 (logins have no id of their own).
public final class LoginInput: StreamInput {
    let emitter: StreamEmitter<LoginSource>
    let blocks: Int
    let originMicros: Int64
    var next = 0
    var sequence: Int64 = 0

    /// The stream `name` of `generator`; nil when it is not a logins stream.
    /// `originMicros` is the simulated time 0 (the generator's `from`).
    public init?(generator: WorkloadGenerator, stream name: String, originMicros: Int64) {
        guard let e = generator.emitter(named: name, source: LoginSource.self) else { return nil }
        emitter = e
        blocks = generator.plan.count
        self.originMicros = originMicros
    }

    public func nextBlock() -> [StreamRecord]? {
        guard next < blocks else { return nil }
        let logins = emitter.records(next)
        next += 1
        var out: [StreamRecord] = []
        out.reserveCapacity(logins.count)
        for l in logins {
            sequence += 1
            out.append(StreamRecord(key: l.playerID, id: sequence, eventMicros: l.ts,
                                    arrivalNanos: (l.arrival - originMicros) * 1_000,
                                    merchant: Int32(l.deviceIndex), mcc: l.success ? 1 : 0, country: l.countryIndex))
        }
        return out
    }
}

/// Game results of a workload stream (BetMatrix `results` topic), keyed by
/// game: a record's `key` and `merchant` are the game id (truncated to 32
/// bits for `merchant`), `mcc` the outcome, `id` the result id.
public final class GameResultInput: StreamInput {
    let emitter: StreamEmitter<GameResultSource>
    let blocks: Int
    let originMicros: Int64
    var next = 0

    /// The stream `name` of `generator`; nil when it is not a results stream.
    public init?(generator: WorkloadGenerator, stream name: String, originMicros: Int64) {
        guard let e = generator.emitter(named: name, source: GameResultSource.self) else { return nil }
        emitter = e
        blocks = generator.plan.count
        self.originMicros = originMicros
    }

    public func nextBlock() -> [StreamRecord]? {
        guard next < blocks else { return nil }
        let results = emitter.records(next)
        next += 1
        return results.map {
            StreamRecord(key: $0.gameID, id: $0.resultID, eventMicros: $0.settledAt,
                         arrivalNanos: ($0.arrival - originMicros) * 1_000,
                         merchant: Int32(truncatingIfNeeded: $0.gameID), mcc: Int16($0.outcome))
        }
    }
}
