/// The `--games` dimension table (`game_id, game_type`) that fills in a
/// bet's game_type when the bet row has none.

/// game_id → game_type.
public struct GameCatalog {
    private var ids = KeyInterner(capacity: 1024)
    private var types: [String] = []

    /// An empty catalog.
    public init() {}

    /// Reads `game_id, game_type` rows from `path`. A game_id listed twice
    /// with different types, an empty game_id or an empty game_type is a bad row.
    /// - Throws: ``AnalyticsError`` for file-level problems and bad rows unless skipped.
    public static func read(path: String, badRows: inout BadRowLog) throws -> GameCatalog {
        let reader = try CSVReader(path: path)
        let cols = try reader.requireColumns(["game_id", "game_type"])
        var catalog = GameCatalog()
        while try reader.readRecord() {
            do {
                try reader.requireFields(cols, upTo: cols.max()!)
                let id = try reader.nonEmpty(cols[0])
                let type = String(decoding: try reader.nonEmpty(cols[1]), as: UTF8.self)
                if let existing = catalog.type(of: id), existing != type {
                    throw reader.error(column: cols[1], expected: "game_type \(AnalyticsError.quoted(existing)) as listed before for this game_id")
                }
                catalog.set(id, type)
            } catch let error as AnalyticsError {
                try badRows.record(error)
            }
        }
        guard reader.recordsRead > 0 else { throw reader.noDataRowsError() }
        return catalog
    }

    /// Sets the type of game `id`.
    public mutating func set(_ id: UnsafeBufferPointer<UInt8>, _ type: String) {
        let k = Int(ids.intern(id))
        if k == types.count { types.append(type) } else { types[k] = type }
    }

    /// The type of game `id`, or `nil` when unlisted.
    public func type(of id: UnsafeBufferPointer<UInt8>) -> String? {
        ids.find(id).map { types[Int($0)] }
    }

    /// Number of games listed.
    public var count: Int { types.count }
}
