/// JUnit XML for CI systems from `headroom check`: one `<testsuite>` per
/// scenario, one `<testcase>` per expectation (plus one for conservation),
/// a `<failure>` with what was measured and required; a scenario that does
/// not load or run is one test case with an `<error>`.

/// A scenario's outcome for the JUnit file.
public struct JUnitSuite: Sendable {
    /// The scenario name (or file when it did not load).
    public var name: String
    /// The test cases: name, failure message (nil: passed), `true` for an error rather than a failure.
    public var cases: [(name: String, failure: String?, isError: Bool)]
    /// Wall seconds the suite took.
    public var seconds: Double

    /// A suite.
    public init(name: String, cases: [(name: String, failure: String?, isError: Bool)], seconds: Double) {
        self.name = name
        self.cases = cases
        self.seconds = seconds
    }

    /// The suite of a run: conservation, then each expectation.
    public init(run: ScenarioRunResult, outcomes: [ExpectationOutcome]) {
        let c = run.conservation
        var cases: [(name: String, failure: String?, isError: Bool)] = [
            ("conservation balances", c.balanced ? nil : "generated \(c.generated) ≠ delivered \(c.delivered) + dropped \(c.dropped) + in flight \(c.inFlight)", false),
        ]
        for o in outcomes {
            cases.append((o.expectation.text, o.passed ? nil : "\(o.measured); required \(o.required)", false))
        }
        self.init(name: run.scenario.name, cases: cases, seconds: run.wallSeconds)
    }
}

/// Renders JUnit XML.
public enum JUnitReport {
    /// The XML document of `suites`.
    public static func xml(_ suites: [JUnitSuite]) -> String {
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.cases.filter { $0.failure != nil && !$0.isError }.count }
        let errors = suites.reduce(0) { $0 + $1.cases.filter { $0.failure != nil && $0.isError }.count }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"headroom check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for s in suites {
            let f = s.cases.filter { $0.failure != nil && !$0.isError }.count
            let e = s.cases.filter { $0.failure != nil && $0.isError }.count
            out += "  <testsuite name=\"\(escape(s.name))\" tests=\"\(s.cases.count)\" failures=\"\(f)\" errors=\"\(e)\" time=\"\(time(s.seconds))\">\n"
            for c in s.cases {
                let open = "    <testcase classname=\"\(escape(s.name))\" name=\"\(escape(c.name))\""
                if let message = c.failure {
                    let tag = c.isError ? "error" : "failure"
                    out += open + ">\n      <\(tag) message=\"\(escape(message))\">\(escape(message))</\(tag)>\n    </testcase>\n"
                } else {
                    out += open + "/>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// XML text with &, <, >, " and ' escaped and control characters dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            default: if ch.value >= 0x20 || ch == "\t" { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    static func time(_ s: Double) -> String {
        let ms = Int((s * 1000).rounded())
        return "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000)"
    }
}
