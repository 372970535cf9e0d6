/// Tokenizer and recursive-descent parser for ``Distribution/parse(_:)``,
/// and the argument list of one family with its checks.

import Foundation

/// The arguments of one `family(key=value, …)` call.
struct SpecArgs {
    let family: String
    let args: [(key: String, value: SpecValue)]

    init(family: String, _ args: [(key: String, value: SpecValue)]) {
        self.family = family
        self.args = args
    }

    func has(_ key: String) -> Bool { args.contains { $0.key == key } }
    func value(_ key: String) -> SpecValue? { args.first { $0.key == key }?.value }

    func number(_ key: String) throws -> Double {
        guard let v = value(key) else {
            throw VariatesError(parameter: key, "`\(family)` needs `\(key)=…`")
        }
        return try v.number(key)
    }

    func number(oneOf keys: [String]) throws -> Double {
        for key in keys { if let v = value(key) { return try v.number(key.isEmpty ? "value" : key) } }
        throw VariatesError(parameter: keys[0], "`\(family)` needs a value, e.g. \(family)(5ms)")
    }

    func numbers(_ key: String) throws -> [Double] {
        guard let v = value(key) else { throw VariatesError(parameter: key, "`\(family)` needs `\(key)=[…]`") }
        return try v.numbers(key)
    }

    func wholeNumber(_ key: String) throws -> Int {
        let x = try number(key)
        guard x.isFinite, x == x.rounded(), abs(x) < 1e15 else {
            throw VariatesError(parameter: key, "must be a whole number, got \(x)")
        }
        return Int(x)
    }

    /// Two `pNN=value` arguments, if any are present.
    func percentiles() throws -> (Percentile, Percentile)? {
        let found = try args.compactMap { key, value -> Percentile? in
            guard key.count > 1, key.first == "p", let level = Double(key.dropFirst()) else { return nil }
            return Percentile(level / 100, try value.number(key), name: key)
        }
        if found.isEmpty { return nil }
        guard found.count == 2 else {
            throw VariatesError(parameter: found[0].name, "give exactly two percentiles, e.g. p50=2ms, p99=20ms (got \(found.count))")
        }
        if found.count != args.count {
            let other = args.first { !($0.key.first == "p" && Double($0.key.dropFirst()) != nil) }!.key
            throw VariatesError(parameter: other, "cannot be combined with percentiles in `\(family)`")
        }
        return (found[0], found[1])
    }
}

/// A small recursive-descent parser over the spec's characters.
struct SpecParser {
    private let chars: [Character]
    private var index = 0

    init(_ text: String) { chars = Array(text) }

    private var column: Int { index + 1 }

    private mutating func skipSpace() {
        while index < chars.count, chars[index].isWhitespace { index += 1 }
    }

    private func error(_ what: String) -> VariatesError {
        let found = index < chars.count ? "`\(chars[index])`" : "the end"
        return VariatesError(parameter: "distribution", "expected \(what) at column \(column), found \(found) in `\(String(chars))`")
    }

    mutating func expectEnd() throws {
        skipSpace()
        if index < chars.count { throw error("the end of the distribution") }
    }

    private mutating func accept(_ c: Character) -> Bool {
        skipSpace()
        if index < chars.count, chars[index] == c { index += 1; return true }
        return false
    }

    mutating func parseValue() throws -> SpecValue {
        skipSpace()
        guard index < chars.count else { throw error("a number, a list or a distribution") }
        let c = chars[index]
        if c == "[" { return try parseList() }
        if c.isLetter { return try parseCall() }
        return .number(try parseNumber())
    }

    private mutating func parseList() throws -> SpecValue {
        _ = accept("[")
        var items: [SpecValue] = []
        if accept("]") { return .list(items) }
        repeat { items.append(try parseValue()) } while accept(",")
        guard accept("]") else { throw error("`,` or `]`") }
        return .list(items)
    }

    private mutating func identifier() -> String {
        var name = ""
        while index < chars.count, chars[index].isLetter || chars[index].isNumber || chars[index] == "_" || chars[index] == "." {
            name.append(chars[index]); index += 1
        }
        return name
    }

    private mutating func parseCall() throws -> SpecValue {
        let name = identifier()
        guard accept("(") else { throw error("`(` after `\(name)`") }
        var args: [(key: String, value: SpecValue)] = []
        if accept(")") { return .call(name: name, args: args) }
        repeat {
            skipSpace()
            let start = index
            if index < chars.count, chars[index].isLetter {
                let key = identifier()
                if accept("=") {
                    args.append((key, try parseValue()))
                    continue
                }
                index = start
            }
            args.append(("", try parseValue()))
        } while accept(",")
        guard accept(")") else { throw error("`,` or `)`") }
        return .call(name: name, args: args)
    }

    /// A decimal number with an optional unit suffix.
    private mutating func parseNumber() throws -> Double {
        skipSpace()
        let start = index
        if index < chars.count, chars[index] == "-" || chars[index] == "+" { index += 1 }
        while index < chars.count, chars[index].isNumber || chars[index] == "." || chars[index] == "_" { index += 1 }
        if index < chars.count, chars[index] == "e" || chars[index] == "E",
           index + 1 < chars.count, chars[index + 1].isNumber || chars[index + 1] == "-" || chars[index + 1] == "+" {
            index += 2
            while index < chars.count, chars[index].isNumber { index += 1 }
        }
        let digits = String(chars[start..<index]).replacingOccurrences(of: "_", with: "")
        guard let value = Double(digits) else { index = start; throw error("a number") }
        var unit = ""
        while index < chars.count, chars[index].isLetter || chars[index] == "%" || chars[index] == "µ" {
            unit.append(chars[index]); index += 1
        }
        guard let factor = SpecParser.unitFactors[unit] else {
            throw VariatesError(parameter: "distribution",
                "unknown unit `\(unit)` after \(digits)\(Spelling.suggestion(for: unit, in: SpecParser.unitNames)); use one of \(SpecParser.unitNames.joined(separator: ", "))")
        }
        return value * factor
    }

    static let unitFactors: [String: Double] = [
        "": 1, "ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "sec": 1, "m": 60, "min": 60,
        "h": 3600, "d": 86_400, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "%": 0.01,
    ]
    static let unitNames = ["ns", "us", "ms", "s", "m", "min", "h", "d", "k", "M", "G", "%"]
}
