/// The analytic side of `headroom queue`: which theory applies, and its values.
///
/// - one station, Poisson arrivals, exponential service: M/M/c (Erlang C,
///   sojourn quantiles) or, with a capacity, M/M/c/K;
/// - one station, Poisson arrivals, any service, one server: M/G/1 by
///   Pollaczek–Khinchine (means; P(wait) = ρ), M/D/1 included;
/// - a line with Poisson arrivals and exponential services: Jackson, each
///   station an M/M/cᵢ at λ (Burke), totals summed; for single servers the
///   end-to-end quantiles too (Reich: independent sojourns, hypoexponential);
/// - overloaded (ρ ≥ 1, no capacity): utilization 1 and nothing else.

import Planning
import Variates

extension QueueStudy {
    /// Analytic figures of the whole system and of each station of a line.
    func analytic() -> (totals: [QueueFigure], stations: [[QueueFigure]]) {
        let lambda = arrivalRate
        var totals: [String: Double] = [:]
        var stations = Array(repeating: [String: Double](), count: stationCount)
        if !isStable {
            totals["utilization"] = 1
        } else if stationCount == 1 {
            totals = single(service: services[0], servers: servers[0])
        } else if isJackson {
            var wait = 0.0, sojourn = 0.0, inSystem = 0.0, top = 0.0
            for i in 0..<stationCount {
                guard let m = QueueingFormulas.mmc(arrivalRate: lambda, serviceRate: 1 / services[i].mean,
                                                   servers: servers[i]).metrics else { continue }
                stations[i] = ["mean_wait": m.meanWait, "mean_sojourn": m.meanSojourn, "utilization": m.utilization,
                               "mean_in_system": m.meanInSystem]
                wait += m.meanWait; sojourn += m.meanSojourn; inSystem += m.meanInSystem
                top = Swift.max(top, m.utilization)
            }
            totals = ["mean_wait": wait, "mean_sojourn": sojourn, "utilization": top, "mean_in_system": inSystem]
            if servers.allSatisfy({ $0 == 1 }) {
                // Reich: independent exponential sojourns; the total is hypoexponential.
                let rates = services.map { 1 / $0.mean }
                for (key, p) in [("p50_sojourn", 0.5), ("p95_sojourn", 0.95), ("p99_sojourn", 0.99)] {
                    totals[key] = QueueingFormulas.tandemMM1SojournQuantile(p, arrivalRate: lambda, serviceRates: rates)
                }
            }
        } else {
            // Only the first station sees the source's arrivals; below saturation every
            // station's utilization is its offered load.
            let first = single(service: services[0], servers: servers[0])
            stations[0] = first.filter { Self.stationKeys.map(\.0).contains($0.key) }
            for i in 0..<stationCount where capacity == nil {
                stations[i]["utilization"] = offeredLoad(station: i)
            }
            if capacity == nil { totals["utilization"] = offeredLoad }
        }
        func figures(_ keys: [(String, String, Bool)], _ values: [String: Double]) -> [QueueFigure] {
            keys.map { QueueFigure(key: $0.0, label: $0.1, isTime: $0.2, value: values[$0.0]) }
        }
        return (figures(Self.keys, totals), stations.map { figures(Self.stationKeys, $0) })
    }

    /// Theory for one station fed by the source.
    func single(service: Distribution, servers c: Int) -> [String: Double] {
        let lambda = arrivalRate, mu = 1 / service.mean
        var values: [String: Double] = [:]
        if arrival.isExponential, service.isExponential, let k = capacity {
            let m = QueueingFormulas.mmck(arrivalRate: lambda, serviceRate: mu, servers: c, capacity: k)
            return ["mean_wait": m.meanWait, "mean_sojourn": m.meanSojourn, "utilization": m.utilization,
                    "probability_of_wait": m.probabilityOfWait, "mean_in_system": m.meanInSystem,
                    "blocking_probability": m.blockingProbability]
        }
        guard capacity == nil else { return values }
        var metrics: QueueMetrics?
        if arrival.isExponential, service.isExponential {
            metrics = QueueingFormulas.mmc(arrivalRate: lambda, serviceRate: mu, servers: c).metrics
            for (key, p) in [("p50_sojourn", 0.5), ("p95_sojourn", 0.95), ("p99_sojourn", 0.99)] {
                values[key] = QueueingFormulas.mmcSojournQuantile(p, arrivalRate: lambda, serviceRate: mu, servers: c)
            }
        } else if arrival.isExponential, c == 1 {
            metrics = QueueingFormulas.mg1(arrivalRate: lambda, meanService: service.mean,
                                           serviceSCV: service.squaredCoefficientOfVariation).metrics
        }
        if let m = metrics {
            values["mean_wait"] = m.meanWait
            values["mean_sojourn"] = m.meanSojourn
            values["utilization"] = m.utilization
            values["probability_of_wait"] = m.probabilityOfWait
            values["mean_in_system"] = m.meanInSystem
        } else {
            // Any G/G/c below saturation: each server is busy ρ of the time.
            values["utilization"] = lambda * service.mean / Double(c)
        }
        return values
    }
}
