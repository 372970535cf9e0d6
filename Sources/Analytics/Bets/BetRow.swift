/// Reading a bets file (`bet_id, player_id, game_id, game_type, placed_at,
/// stake, odds, status, actual_win`): each row parsed in place and handed to
/// the caller, bad rows reported with file, line and column.

/// One parsed bet; the byte views are valid only during the callback.
public struct BetRow {
    /// player_id (non-empty).
    public var player: UnsafeBufferPointer<UInt8>
    /// game_id, empty when the column is absent.
    public var gameID: UnsafeBufferPointer<UInt8>
    /// game_type, empty when the column is absent or the field is empty.
    public var gameType: UnsafeBufferPointer<UInt8>
    /// placed_at.
    public var placedAt: UTCTimestamp
    /// stake, exact.
    public var stake: FixedDecimal
    /// Whether status is `void` in any letter case.
    public var isVoid: Bool
}

/// The reader of bets files shared by `top-players` and `stake-escalation`.
public enum BetFile {
    /// Columns every bets file must have.
    public static let requiredColumns = ["player_id", "placed_at", "stake", "status"]

    /// Calls `body` with every good row of the bets file at `path`.
    ///
    /// `game_id` and `game_type` are read when present (`game_id` is required
    /// when `requireGameID`). A row with a missing field, an empty player_id,
    /// or an unparsable placed_at or stake is bad.
    /// - Throws: ``AnalyticsError`` for file-level problems and bad rows unless skipped.
    public static func forEachBet(path: String, requireGameID: Bool, badRows: inout BadRowLog,
                                  _ body: (BetRow) throws -> Void) throws {
        let reader = try CSVReader(path: path)
        var cols = try reader.requireColumns(requiredColumns + (requireGameID ? ["game_id"] : []))
        let (cp, ct, cs, cst) = (cols[0], cols[1], cols[2], cols[3])
        let cg = reader.column(named: "game_id")
        let cy = reader.column(named: "game_type")
        cols += [cg, cy].compactMap { $0 }
        let maxCol = cols.max()!
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        while try reader.readRecord() {
            do {
                try reader.requireFields(cols, upTo: maxCol)
                let row = BetRow(player: try reader.nonEmpty(cp),
                                 gameID: cg.map { reader.field($0) } ?? empty,
                                 gameType: cy.map { reader.field($0) } ?? empty,
                                 placedAt: try reader.timestamp(ct),
                                 stake: try reader.decimal(cs),
                                 isVoid: isVoid(reader.field(cst)))
                try body(row)
            } catch let error as AnalyticsError {
                try badRows.record(error)
            }
        }
        guard reader.recordsRead > 0 else { throw reader.noDataRowsError() }
    }

    /// Whether `status` is `void` in any letter case (exactly four letters, no spaces).
    @inline(__always)
    public static func isVoid(_ status: UnsafeBufferPointer<UInt8>) -> Bool {
        guard status.count == 4 else { return false }
        return status[0] | 0x20 == 0x76 && status[1] | 0x20 == 0x6F && status[2] | 0x20 == 0x69 && status[3] | 0x20 == 0x64
    }
}
