/// The model file: JSON with sorted keys (deterministic bytes for a given
/// model), a format name and version, feature names next to their
/// coefficients and scaling, the MCC risk table and the thresholds. Reading
/// checks every field and names the first bad one.

import Foundation

/// The model file's layout (snake_case keys).
struct FraudModelFile: Codable {
    struct Scaling: Codable {
        var mean: [Double]
        var sd: [Double]
    }
    struct MCCRisk: Codable {
        var priorRate: Double
        var smoothing: Double
        var rates: [String: Double]
        enum CodingKeys: String, CodingKey {
            case priorRate = "prior_rate"
            case smoothing, rates
        }
    }
    var format: String
    var formatVersion: Int
    var features: [String]
    var coefficients: [Double]
    var intercept: Double
    var scaling: Scaling
    var mccRisk: MCCRisk
    var thresholds: FraudPolicy
    var training: FraudTrainingSummary

    enum CodingKeys: String, CodingKey {
        case format
        case formatVersion = "format_version"
        case features, coefficients, intercept, scaling
        case mccRisk = "mcc_risk"
        case thresholds, training
    }

    static let formatName = "headroom-fraud-model"
}

extension FraudModel {
    /// The model file's bytes: pretty-printed JSON, sorted keys, final newline.
    public func jsonData() -> Data {
        var rates: [String: Double] = [:]
        for (mcc, rate) in mccRisk.rates { rates[String(format: "%04d", mcc)] = rate }
        let file = FraudModelFile(
            format: FraudModelFile.formatName, formatVersion: Self.formatVersion,
            features: FraudFeature.allCases.map(\.name), coefficients: coefficients, intercept: intercept,
            scaling: .init(mean: means, sd: sds),
            mccRisk: .init(priorRate: mccRisk.priorRate, smoothing: mccRisk.smoothing, rates: rates),
            thresholds: policy, training: training
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(file) else {
            preconditionFailure("a fraud model with non-finite numbers cannot be written")
        }
        data.append(0x0A)
        return data
    }

    /// Reads a model file's bytes; `file` names it in errors.
    /// - Throws: ``FraudError`` naming the file and the first bad field.
    public static func decode(_ data: Data, file: String) throws -> FraudModel {
        let raw: FraudModelFile
        do {
            raw = try JSONDecoder().decode(FraudModelFile.self, from: data)
        } catch let error as DecodingError {
            throw FraudError(file, Self.describe(error))
        } catch {
            throw FraudError(file, "not a fraud model file: \(error)")
        }
        func bad(_ field: String, _ message: String) -> FraudError { FraudError("\(file): \(field)", message) }
        guard raw.format == FraudModelFile.formatName else {
            throw bad("format", "expected \"\(FraudModelFile.formatName)\", got \"\(raw.format)\"")
        }
        guard raw.formatVersion == formatVersion else {
            throw bad("format_version", "this headroom reads version \(formatVersion), the file is version \(raw.formatVersion)")
        }
        let names = FraudFeature.allCases.map(\.name)
        guard raw.features == names else {
            throw bad("features", "expected \(names.joined(separator: ", ")) in this order, got \(raw.features.joined(separator: ", "))")
        }
        for (field, values) in [("coefficients", raw.coefficients), ("scaling.mean", raw.scaling.mean), ("scaling.sd", raw.scaling.sd)] {
            guard values.count == names.count else {
                throw bad(field, "expected \(names.count) numbers (one per feature), got \(values.count)")
            }
        }
        if let i = raw.scaling.sd.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            throw bad("scaling.sd[\(i)]", "a standard deviation must be positive and finite, got \(raw.scaling.sd[i])")
        }
        let p = raw.mccRisk.priorRate
        guard p > 0 && p < 1 else { throw bad("mcc_risk.prior_rate", "must be in (0, 1), got \(p)") }
        guard raw.mccRisk.smoothing > 0 else { throw bad("mcc_risk.smoothing", "must be > 0, got \(raw.mccRisk.smoothing)") }
        var rates: [Int: Double] = [:]
        for (key, rate) in raw.mccRisk.rates.sorted(by: { $0.key < $1.key }) {
            guard key.count == 4, key.allSatisfy(\.isASCII), let mcc = Int(key), mcc >= 0 else {
                throw bad("mcc_risk.rates", "an MCC key has 4 digits (\"5411\"), got \"\(key)\"")
            }
            guard rate > 0 && rate < 1 else { throw bad("mcc_risk.rates.\(key)", "must be in (0, 1), got \(rate)") }
            rates[mcc] = rate
        }
        let t = raw.thresholds
        guard t.review >= 0 && t.review <= t.block && t.block <= 1 else {
            throw bad("thresholds", "need 0 <= review <= block <= 1, got review \(t.review), block \(t.block)")
        }
        guard raw.intercept.isFinite, raw.coefficients.allSatisfy(\.isFinite), raw.scaling.mean.allSatisfy(\.isFinite) else {
            throw bad("coefficients", "every coefficient, the intercept and every mean must be finite")
        }
        return FraudModel(
            coefficients: raw.coefficients, intercept: raw.intercept, means: raw.scaling.mean, sds: raw.scaling.sd,
            mccRisk: MCCRiskTable(priorRate: p, smoothing: raw.mccRisk.smoothing, rates: rates),
            policy: FraudPolicy(review: t.review, block: t.block), training: raw.training
        )
    }

    /// Reads the model file at `path`.
    /// - Throws: ``FraudError`` when it cannot be read or is not a valid model.
    public static func load(path: String) throws -> FraudModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FraudError(path, "cannot read the model file (missing or unreadable)")
        }
        return try decode(data, file: path)
    }

    /// A field path such as `scaling.sd[3]`.
    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "(top level)" : text
    }

    /// A one-line reason for a JSON decoding failure, naming the field.
    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return "field `\(field)` is missing"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "field `\(path(context.codingPath))` has the wrong type: expected \(type == Double.self ? "a number" : type == String.self ? "a string" : "\(type)")"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON (\(context.debugDescription))" }
            return "field `\(path(context.codingPath))`: \(context.debugDescription)"
        @unknown default:
            return "not a fraud model file"
        }
    }
}
