/// What a sink delivered to a dataset: the input of the storage side, filled
/// from the streaming result (what each sink received per dataset and day)
/// or from a CDC connector or file drop.

/// Records and bytes that reached one dataset on one simulated day.
public struct SinkDelivery: Sendable, Equatable, Hashable {
    /// The dataset (``DatasetConfiguration/name``) or its source's name.
    public var dataset: String
    /// 0-based day of the run.
    public var day: Int
    /// Records delivered.
    public var records: Int64
    /// JSON-lines bytes of those records.
    public var bytes: Int64
    /// Simulated seconds of that day the run covered (86,400 for a whole day; less
    /// for the last, partial day of a run). Per-day rates scale by 86,400 ÷ this.
    public var observedSeconds: Double

    /// A delivery.
    public init(dataset: String, day: Int, records: Int64, bytes: Int64, observedSeconds: Double = 86_400) {
        self.dataset = dataset
        self.day = day
        self.records = records
        self.bytes = bytes
        self.observedSeconds = observedSeconds
    }
}
