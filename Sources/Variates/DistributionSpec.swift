/// The text form of a distribution, as written on a command line or in a
/// scenario file:
///
///     exp(rate=0.9)            exp(mean=2ms)           fixed(5ms)   or   5ms
///     uniform(low=1, high=3)   normal(mean=10, sd=2)   poisson(mean=4)
///     lognormal(p50=2ms, p99=20ms)     lognormal(mu=0, sigma=1)   lognormal(mean=5ms, sd=2ms)
///     gamma(shape=2, scale=1)  gamma(shape=2, rate=4)  gamma(p50=2ms, p99=20ms)
///     erlang(k=3, rate=2)      erlang(k=3, mean=1.5)   weibull(shape=1.5, scale=2)
///     pareto(shape=2.5, scale=1)       binomial(n=10, p=0.3)      zipf(n=1000, s=1.1)
///     empirical(samples=[1, 2, 2, 5])  histogram(edges=[0, 1, 5], weights=[3, 1])
///     discrete(values=[1, 2], weights=[0.9, 0.1])
///     hyperexp(means=[1ms, 50ms], weights=[0.9, 0.1])
///     mixture(weights=[0.9, 0.1], of=[exp(mean=1ms), lognormal(p50=5ms, p99=50ms)])
///
/// Numbers may carry a time unit, converted to seconds (`ns`, `us`, `µs`,
/// `ms`, `s`, `m`/`min`, `h`, `d`), a scale (`k` = 10³, `M` = 10⁶, `G` = 10⁹)
/// or `%`. Case matters: `m` is minutes, `M` is millions. Any percentile key
/// `pNN` (`p50`, `p90`, `p99.9`) is accepted where percentiles are.

import Foundation

extension Distribution {
    /// Parses the text form. Errors name the parameter, say what was
    /// expected, and suggest the nearest valid name for a misspelling.
    public static func parse(_ text: String) throws -> Distribution {
        var parser = SpecParser(text)
        let value = try parser.parseValue()
        try parser.expectEnd()
        return try value.distribution(context: "distribution")
    }

    /// Every family name the parser accepts.
    public static let familyNames = [
        "fixed", "constant", "deterministic", "uniform", "exp", "exponential", "normal", "lognormal",
        "gamma", "erlang", "weibull", "pareto", "poisson", "binomial", "zipf", "empirical",
        "histogram", "discrete", "hyperexp", "mixture",
    ]
}

/// A parsed value: a number, a list, or a call `name(key=value, …)`.
indirect enum SpecValue {
    case number(Double)
    case list([SpecValue])
    case call(name: String, args: [(key: String, value: SpecValue)])

    func distribution(context: String) throws -> Distribution {
        switch self {
        case .number(let x): return try Distribution.deterministic(x)
        case .list: throw VariatesError(parameter: context, "expected a distribution such as exp(mean=1), got a list")
        case .call(let name, let args): return try SpecValue.build(name: name, args: SpecArgs(family: name, args))
        }
    }

    func number(_ key: String) throws -> Double {
        guard case .number(let x) = self else { throw VariatesError(parameter: key, "expected a number") }
        return x
    }

    func numbers(_ key: String) throws -> [Double] {
        guard case .list(let items) = self else { throw VariatesError(parameter: key, "expected a list such as [1, 2, 3]") }
        return try items.map { try $0.number(key) }
    }

    /// The keys each family accepts (`""` is a positional value); families
    /// with percentiles also accept any `pNN` key.
    static let familyKeys: [String: [String]] = [
        "fixed": ["value", ""], "constant": ["value", ""], "deterministic": ["value", ""],
        "uniform": ["low", "high", "min", "max"], "exp": ["mean", "rate"], "exponential": ["mean", "rate"],
        "normal": ["mean", "sd"], "lognormal": ["mu", "sigma", "mean", "sd"], "gamma": ["shape", "scale", "rate"],
        "erlang": ["k", "rate", "mean"], "weibull": ["shape", "scale"], "pareto": ["shape", "scale"],
        "poisson": ["mean"], "binomial": ["n", "p"], "zipf": ["n", "s"], "empirical": ["samples"],
        "histogram": ["edges", "weights"], "discrete": ["values", "weights"],
        "hyperexp": ["means", "weights"], "hyperexponential": ["means", "weights"], "mixture": ["weights", "of"],
    ]

    static func build(name: String, args: SpecArgs) throws -> Distribution {
        if let keys = familyKeys[name.lowercased()] {
            let takesPercentiles = ["lognormal", "gamma"].contains(name.lowercased())
            for (key, _) in args.args where !keys.contains(key) {
                if takesPercentiles, key.first == "p", Double(key.dropFirst()) != nil { continue }
                let shown = keys.filter { !$0.isEmpty } + (takesPercentiles ? ["pNN"] : [])
                throw VariatesError(parameter: key.isEmpty ? "value" : key,
                    key.isEmpty ? "`\(name)` takes named parameters: \(shown.joined(separator: ", "))"
                        : "`\(name)` has no parameter `\(key)`\(Spelling.suggestion(for: key, in: shown)); it takes \(shown.joined(separator: ", "))")
            }
        }
        switch name.lowercased() {
        case "fixed", "constant", "deterministic":
            return try .deterministic(args.number(oneOf: ["value", ""]))
        case "uniform":
            if args.has("min") { return try .uniform(low: args.number("min"), high: args.number("max")) }
            return try .uniform(low: args.number("low"), high: args.number("high"))
        case "exp", "exponential":
            if args.has("rate") { return try .exponential(rate: args.number("rate")) }
            return try .exponential(mean: args.number("mean"))
        case "normal":
            return try .normal(mean: args.number("mean"), sd: args.number("sd"))
        case "lognormal":
            if let (a, b) = try args.percentiles() { return try .lognormal(percentiles: a, b) }
            if args.has("mu") { return try .lognormal(mu: args.number("mu"), sigma: args.number("sigma")) }
            return try .lognormal(mean: args.number("mean"), sd: args.number("sd"))
        case "gamma":
            if let (a, b) = try args.percentiles() { return try .gamma(percentiles: a, b) }
            let shape = try args.number("shape")
            if args.has("rate") {
                let rate = try args.number("rate")
                try VariatesError.requirePositive(rate, "rate")
                return try .gamma(shape: shape, scale: 1 / rate)
            }
            return try .gamma(shape: shape, scale: args.number("scale"))
        case "erlang":
            let k = try args.wholeNumber("k")
            if args.has("mean") {
                let mean = try args.number("mean")
                try VariatesError.requirePositive(mean, "mean")
                return try .erlang(k: k, rate: Double(k) / mean)
            }
            return try .erlang(k: k, rate: args.number("rate"))
        case "weibull":
            return try .weibull(shape: args.number("shape"), scale: args.number("scale"))
        case "pareto":
            return try .pareto(shape: args.number("shape"), scale: args.number("scale"))
        case "poisson":
            return try .poisson(mean: args.number("mean"))
        case "binomial":
            return try .binomial(trials: args.wholeNumber("n"), p: args.number("p"))
        case "zipf":
            return try .zipf(keys: args.wholeNumber("n"), exponent: args.number("s"))
        case "empirical":
            return try .empirical(samples: args.numbers("samples"))
        case "histogram":
            return try .histogram(edges: args.numbers("edges"), weights: args.numbers("weights"))
        case "discrete":
            return try .discrete(values: args.numbers("values"), weights: args.numbers("weights"))
        case "hyperexp", "hyperexponential":
            return try .hyperExponential(means: args.numbers("means"), weights: args.numbers("weights"))
        case "mixture":
            let weights = try args.numbers("weights")
            guard case .list(let items)? = args.value("of") else {
                throw VariatesError(parameter: "of", "expected a list of distributions such as [exp(mean=1), fixed(2)]")
            }
            return try .mixture(items.map { try $0.distribution(context: "of") }, weights: weights)
        default:
            throw VariatesError(parameter: "distribution",
                "unknown family `\(name)`\(Spelling.suggestion(for: name, in: Distribution.familyNames)); known: \(Distribution.familyNames.joined(separator: ", "))")
        }
    }
}
