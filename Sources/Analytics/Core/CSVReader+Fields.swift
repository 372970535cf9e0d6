/// Typed access to the fields of the current record: each accessor parses in
/// place and throws an ``AnalyticsError`` naming the file, line and column.

extension CSVReader {
    /// Field `index` as a UTC timestamp.
    /// - Throws: ``AnalyticsError`` expecting ``UTCTimestamp/expectedForm``.
    @inline(__always)
    public func timestamp(_ index: Int) throws -> UTCTimestamp {
        guard let t = UTCTimestamp.parse(field(index)) else {
            throw error(column: index, expected: UTCTimestamp.expectedForm)
        }
        return t
    }

    /// Field `index` as an exact decimal.
    /// - Throws: ``AnalyticsError`` expecting ``FixedDecimal/expectedForm``.
    @inline(__always)
    public func decimal(_ index: Int) throws -> FixedDecimal {
        guard let d = FixedDecimal.parse(field(index)) else {
            throw error(column: index, expected: FixedDecimal.expectedForm)
        }
        return d
    }

    /// Field `index` as a finite `Double` (for model features, never for money sums).
    /// - Throws: ``AnalyticsError`` expecting a number.
    public func double(_ index: Int) throws -> Double {
        let text = string(index).trimmingASCIISpaces()
        guard let v = Double(text), v.isFinite else {
            throw error(column: index, expected: "a finite number such as 0.25")
        }
        return v
    }

    /// Field `index` as a non-empty value.
    /// - Throws: ``AnalyticsError`` expecting a non-empty value.
    @inline(__always)
    public func nonEmpty(_ index: Int) throws -> UnsafeBufferPointer<UInt8> {
        let f = field(index)
        guard f.count > 0 else { throw error(column: index, expected: "a non-empty value") }
        return f
    }

    /// The error for a file whose header is not followed by any data row
    /// (line 2, no column).
    public func noDataRowsError() -> AnalyticsError {
        AnalyticsError(file: path, line: 2, column: nil,
                       expected: "at least one data row after the header", found: "the end of the file")
    }
}
