import Analytics
import SimCore
import Variates

extension StreamingRun {
    /// ``run(_:input:fraudModel:horizonNanos:warmUpNanos:seed:)`` stepped in
    /// intervals of `stepNanos` of simulated time, calling `progress(now)`
    /// (nanoseconds simulated so far) after each. Stepping changes nothing in
    /// the result: the simulation handles the same events in the same order
    /// (every event at or before a step's end is handled before stopping),
    /// so the result equals the unstepped run's for the same seed.
    /// - Complexity: the run's, plus O(horizon ÷ step) calls of `progress`.
    /// - Precondition: `configuration.problems()` is empty and `stepNanos > 0`.
    public static func run<Input: StreamInput>(_ configuration: StreamingConfiguration, input: Input, fraudModel: FraudModel?,
                                               horizonNanos: Int64, warmUpNanos: Int64? = nil, seed: UInt64,
                                               stepNanos: Int64, progress: (Int64) -> Void) -> StreamingResult {
        precondition(stepNanos > 0, "StreamingRun: the progress step must be positive, got \(stepNanos) ns")
        var sim = simulation(configuration, input: input, fraudModel: fraudModel, horizonNanos: horizonNanos,
                             warmUpNanos: warmUpNanos, seed: seed)
        var until: Int64 = 0
        while until < horizonNanos {
            until = min(horizonNanos, until + stepNanos)
            _ = sim.run(until: until)
            progress(until)
        }
        return sim.model.result(eventsSimulated: sim.eventsHandled)
    }
}
