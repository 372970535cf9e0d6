/// The model's inputs: the raw ``CardFeatures`` of a transaction plus its
/// merchant-category risk, transformed so that a linear score over them is
/// sensible (logarithms of amounts and gaps, whose effect is multiplicative).
/// The order of ``FraudFeature/allCases`` is the order of coefficients and
/// scaling in the model file.

import Foundation

/// One input of the fraud model, named as in the model file.
public enum FraudFeature: Int, CaseIterable, Sendable {
    /// ln(1 + amount in currency units).
    case amountLog
    /// Transactions of the card in the last minute (this one included).
    case count1m
    /// ln(1 + sum of the last minute's amounts in currency units).
    case sum1mLog
    /// Transactions of the card in the last hour.
    case count1h
    /// ln(1 + sum of the last hour's amounts in currency units).
    case sum1hLog
    /// Transactions of the card in the last 24 hours.
    case count24h
    /// ln(1 + sum of the last 24 hours' amounts in currency units).
    case sum24hLog
    /// z-score of the amount against the card's previous 24 h amounts.
    case amountZ24h
    /// Distinct merchants in the last hour (capped at 8).
    case distinctMerchants1h
    /// Distinct countries in the last hour (capped at 8).
    case distinctCountries1h
    /// ln(1 + seconds since the card's previous transaction), ≤ ln(86,401).
    case secondsSincePreviousLog
    /// 1 when the transaction's country differs from the card's, else 0.
    case countryMismatch
    /// Log-odds of the smoothed fraud rate of the merchant category.
    case mccRisk

    /// Number of model inputs (13; they fit in one `SIMD16<Double>`).
    public static let count = allCases.count

    /// The feature's name in the model file and the docs.
    public var name: String {
        switch self {
        case .amountLog: "amount_log"
        case .count1m: "count_1m"
        case .sum1mLog: "sum_1m_log"
        case .count1h: "count_1h"
        case .sum1hLog: "sum_1h_log"
        case .count24h: "count_24h"
        case .sum24hLog: "sum_24h_log"
        case .amountZ24h: "amount_z_24h"
        case .distinctMerchants1h: "distinct_merchants_1h"
        case .distinctCountries1h: "distinct_countries_1h"
        case .secondsSincePreviousLog: "seconds_since_previous_log"
        case .countryMismatch: "country_mismatch"
        case .mccRisk: "mcc_risk"
        }
    }

    /// The model inputs of one transaction, in ``allCases`` order; lanes
    /// 13...15 are zero.
    /// - Parameter mccRisk: the transaction's ``mccRisk`` value.
    /// - Complexity: O(1), five logarithms.
    @inlinable
    public static func vector(_ f: CardFeatures, mccRisk: Double) -> SIMD16<Double> {
        var v = SIMD16<Double>()
        v[0] = Foundation.log1p(Double(f.amountUnits) * 0.0001)
        v[1] = Double(f.count1m)
        v[2] = Foundation.log1p(Double(f.sum1mUnits) * 0.0001)
        v[3] = Double(f.count1h)
        v[4] = Foundation.log1p(Double(f.sum1hUnits) * 0.0001)
        v[5] = Double(f.count24h)
        v[6] = Foundation.log1p(Double(f.sum24hUnits) * 0.0001)
        v[7] = f.amountZ24h
        v[8] = Double(f.distinctMerchants1h)
        v[9] = Double(f.distinctCountries1h)
        v[10] = Foundation.log1p(f.secondsSincePrevious)
        v[11] = f.countryMismatch ? 1 : 0
        v[12] = mccRisk
        return v
    }
}
