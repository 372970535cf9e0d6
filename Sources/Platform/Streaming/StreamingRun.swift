import Analytics
import SimCore
import Variates

/// Runs a streaming configuration over an input for a horizon.
public enum StreamingRun {
    /// Builds the model, runs it for `horizonNanos` (statistics reset at
    /// `warmUpNanos` when given) and returns its result. The fraud model is
    /// needed when an operator is `fraud-score`.
    /// - Precondition: `configuration.problems()` is empty.
    public static func run<Input: StreamInput>(_ configuration: StreamingConfiguration, input: Input, fraudModel: FraudModel?,
                                               horizonNanos: Int64, warmUpNanos: Int64? = nil, seed: UInt64) -> StreamingResult {
        var sim = simulation(configuration, input: input, fraudModel: fraudModel, horizonNanos: horizonNanos,
                             warmUpNanos: warmUpNanos, seed: seed)
        let summary = sim.run(until: horizonNanos)
        return sim.model.result(eventsSimulated: summary.eventsHandled)
    }

    /// The model built, calibrated and scheduled, in a simulation that has
    /// not run yet (shared by both forms of ``run``).
    static func simulation<Input: StreamInput>(_ configuration: StreamingConfiguration, input: Input, fraudModel: FraudModel?,
                                               horizonNanos: Int64, warmUpNanos: Int64?, seed: UInt64) -> Simulation<StreamingModel<Input>> {
        let tree = SeedTree(root: seed, prefix: "streaming")
        var model = StreamingModel(configuration: configuration, input: input, fraudModel: fraudModel,
                                   horizonNanos: horizonNanos, tree: tree)
        model.calibrate()
        var calendar = EventCalendar(capacity: 1024)
        model.schedule(into: &calendar)
        return Simulation(model: model, calendar: calendar, warmUp: warmUpNanos)
    }
}
