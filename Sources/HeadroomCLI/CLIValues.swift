/// Parsing of plain numeric flag values with errors that name the flag,
/// and the one place where a `PlanningError` becomes a command-line message.

import Planning

/// Numbers, integers and fractions given on the command line.
enum CLIValues {
    /// A finite number (`"1.5"`, `"1,000"`).
    static func number(_ text: String, flag: String, example: String) throws -> Double {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard let value = Double(cleaned), value.isFinite else {
            throw PlanningError(field: flag, "\"\(text)\" is not a number", accepted: [example])
        }
        return value
    }

    /// A whole number (`"3"`).
    static func integer(_ text: String, flag: String, example: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw PlanningError(field: flag, "\"\(text)\" is not a whole number", accepted: [example])
        }
        return value
    }

    /// A fraction written as `0.00001` or `0.001%`.
    static func fraction(_ text: String, flag: String, example: String) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") {
            return try number(String(t.dropLast()), flag: flag, example: example) / 100
        }
        return try number(t, flag: flag, example: example)
    }

    /// `invalid --retention: must be greater than 0, got 0; accepted forms: 365d`,
    /// with `--` added when the library named the field in kebab case.
    static func message(_ error: PlanningError) -> String {
        let isFlag = error.field.allSatisfy { $0.isLowercase || $0 == "-" }
        let field = isFlag && !error.field.hasPrefix("--") ? "--" + error.field : error.field
        return PlanningError(field: field, error.message, accepted: error.accepted).description
    }
}

import Foundation
