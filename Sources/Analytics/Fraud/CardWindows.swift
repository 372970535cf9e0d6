/// The time-bucketed state of one card: sparse rings of non-empty
/// one-second buckets (for the 1-minute window) and one-minute buckets (for
/// the 1-hour and 24-hour windows), running totals per window, and the
/// recent merchants and countries.
///
/// Only buckets that hold at least one transaction are stored, so a card
/// with k transactions in the last 24 h holds at most min(k, 60) second
/// buckets and min(k, 1,440) minute buckets. Totals are kept exactly in
/// integers (counts and amount units of 1/10,000); the sum of squared amounts for the
/// z-score is a `Double` (it is reset to exactly 0 whenever the 24 h window
/// empties, so rounding drift cannot accumulate across quiet periods).

/// One non-empty time bucket: its index and the transactions in it.
struct WindowBucket {
    /// Bucket index: seconds or minutes since the epoch (floor division).
    var index: Int64
    /// Transactions in the bucket.
    var count: Int32
    /// Sum of their amounts, in 1/10,000 currency units.
    var sumUnits: Int64
    /// Sum of their squared amounts, in (1/10,000 units)².
    var sumSquares: Double
}

/// Per-card window state; see the file comment.
struct CardWindows {
    /// Microseconds per second-bucket and per minute-bucket.
    static let secondMicros: Int64 = 1_000_000
    static let minuteMicros: Int64 = 60_000_000
    /// 24 h in microseconds: the silence after which a card's state expires.
    static let dayMicros: Int64 = 86_400_000_000

    /// Time of the card's latest transaction (µs); `Int64.min` when empty.
    private(set) var lastTime: Int64 = .min
    private var seconds: [WindowBucket] = []
    private var secondsHead = 0
    private var minutes: [WindowBucket] = []
    private var minutesHead = 0
    private var hourHead = 0
    private var count1m: Int32 = 0
    private var sum1m: Int64 = 0
    private var count1h: Int32 = 0
    private var sum1h: Int64 = 0
    private var count24h: Int32 = 0
    private var sum24h: Int64 = 0
    private var squares24h: Double = 0
    private var merchants = RecentKeys()
    private var countries = RecentKeys()

    /// Number of buckets held (second and minute), for state-bound checks.
    var bucketCount: Int { (seconds.count - secondsHead) + (minutes.count - minutesHead) }

    /// Whether the card has been silent for 24 h or more at `now`.
    func isExpired(at now: Int64) -> Bool {
        lastTime == .min || now &- lastTime >= Self.dayMicros
    }

    /// Floor division for bucket indices (times before 1970 are negative).
    @inline(__always)
    private static func bucket(_ time: Int64, _ width: Int64) -> Int64 {
        let q = time / width
        return (time % width < 0) ? q - 1 : q
    }

    /// Forgets everything, keeping the storage for reuse.
    mutating func reset() {
        lastTime = .min
        seconds.removeAll(keepingCapacity: true)
        minutes.removeAll(keepingCapacity: true)
        secondsHead = 0
        minutesHead = 0
        hourHead = 0
        count1m = 0; sum1m = 0; count1h = 0; sum1h = 0
        count24h = 0; sum24h = 0; squares24h = 0
        merchants.removeAll()
        countries.removeAll()
    }

    /// Drops the buckets that have left each window at second `second` and
    /// minute `minute`, keeping running totals exact.
    /// - Complexity: amortized O(1) per transaction (each bucket leaves each
    ///   window once).
    private mutating func advance(second: Int64, minute: Int64) {
        while secondsHead < seconds.count && seconds[secondsHead].index <= second - 60 {
            count1m -= seconds[secondsHead].count
            sum1m -= seconds[secondsHead].sumUnits
            secondsHead += 1
        }
        while minutesHead < minutes.count && minutes[minutesHead].index <= minute - 1_440 {
            count24h -= minutes[minutesHead].count
            sum24h -= minutes[minutesHead].sumUnits
            squares24h -= minutes[minutesHead].sumSquares
            minutesHead += 1
        }
        if count24h == 0 { squares24h = 0 }
        if hourHead < minutesHead { hourHead = minutesHead }
        while hourHead < minutes.count && minutes[hourHead].index <= minute - 60 {
            count1h -= minutes[hourHead].count
            sum1h -= minutes[hourHead].sumUnits
            hourHead += 1
        }
        compact()
    }

    /// Reclaims the slots of expired buckets at the front of the rings.
    private mutating func compact() {
        if secondsHead == seconds.count {
            seconds.removeAll(keepingCapacity: true)
            secondsHead = 0
        } else if secondsHead >= 32 && secondsHead * 2 >= seconds.count {
            seconds.removeFirst(secondsHead)
            secondsHead = 0
        }
        if minutesHead == minutes.count {
            minutes.removeAll(keepingCapacity: true)
            minutesHead = 0
            hourHead = 0
        } else if minutesHead >= 64 && minutesHead * 2 >= minutes.count {
            minutes.removeFirst(minutesHead)
            hourHead -= minutesHead
            minutesHead = 0
        }
    }

    /// Adds `txn` to the card's state and returns its features.
    ///
    /// A transaction older than the card's previous one is taken to happen
    /// at the previous one's time: the state never goes back in time.
    /// - Complexity: amortized O(1), plus O(``CardFeatures/distinctCap``).
    mutating func update(_ txn: CompactTransaction) -> CardFeatures {
        if isExpired(at: txn.timestampMicros) && lastTime != .min { reset() }
        let time = Swift.max(txn.timestampMicros, lastTime)
        let second = Self.bucket(time, Self.secondMicros)
        let minute = Self.bucket(time, Self.minuteMicros)
        advance(second: second, minute: minute)

        let amount = txn.amountUnits
        let amountD = Double(amount)
        var z = 0.0
        if count24h >= 2 {
            let n = Double(count24h)
            let mean = Double(sum24h) / n
            let variance = Swift.max(squares24h / n - mean * mean, 0)
            let sd = Swift.max(variance.squareRoot(), CardFeatures.sdFloorUnits)
            z = Swift.min(Swift.max((amountD - mean) / sd, -CardFeatures.zCap), CardFeatures.zCap)
        }
        let gap = lastTime == .min
            ? CardFeatures.noPreviousSeconds
            : Swift.min(Double(time - lastTime) / 1e6, CardFeatures.noPreviousSeconds)

        let square = amountD * amountD
        if secondsHead < seconds.count && seconds[seconds.count - 1].index == second {
            seconds[seconds.count - 1].count += 1
            seconds[seconds.count - 1].sumUnits += amount
        } else {
            seconds.append(WindowBucket(index: second, count: 1, sumUnits: amount, sumSquares: 0))
        }
        if minutesHead < minutes.count && minutes[minutes.count - 1].index == minute {
            minutes[minutes.count - 1].count += 1
            minutes[minutes.count - 1].sumUnits += amount
            minutes[minutes.count - 1].sumSquares += square
        } else {
            minutes.append(WindowBucket(index: minute, count: 1, sumUnits: amount, sumSquares: square))
        }
        count1m += 1; sum1m += amount
        count1h += 1; sum1h += amount
        count24h += 1; sum24h += amount; squares24h += square
        merchants.record(txn.merchant, at: time)
        countries.record(txn.country, at: time)
        lastTime = time

        let hourStart = time - 3_600_000_000
        return CardFeatures(
            amountUnits: amount,
            count1m: count1m, sum1mUnits: sum1m,
            count1h: count1h, sum1hUnits: sum1h,
            count24h: count24h, sum24hUnits: sum24h,
            amountZ24h: z,
            distinctMerchants1h: merchants.count(seenAfter: hourStart),
            distinctCountries1h: countries.count(seenAfter: hourStart),
            secondsSincePrevious: gap,
            countryMismatch: txn.country != txn.cardCountry
        )
    }
}
