/// The fixed vocabularies records draw their words from: countries with
/// their currencies, channels, devices, pages, merchant categories.
///
/// Words are `StaticString`s so that encoding them copies bytes and
/// allocates nothing. Indices into these tables are what records store.

/// Fixed word lists shared by the record types.
public enum Vocabulary {
    /// ISO 3166 country codes of the markets modelled (BetMatrix's regions
    /// and the fraud service's APAC/US/EU).
    public static let countries: [StaticString] = [
        "GB", "DE", "SE", "MT", "IE", "ES", "IT", "FR", "NL", "US", "CA", "BR", "MX", "AU", "JP", "IN", "SG", "NG",
    ]
    /// ISO 4217 currency of each country, index for index.
    public static let currencies: [StaticString] = [
        "GBP", "EUR", "SEK", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "USD", "CAD", "BRL", "MXN", "AUD", "JPY", "INR", "SGD", "NGN",
    ]
    /// Relative share of players (or cards) per country, index for index.
    public static let countryWeights: [Double] = [
        22, 14, 8, 2, 3, 6, 5, 6, 4, 12, 3, 5, 2, 3, 2, 1, 1, 1,
    ]
    /// Bet placement channels.
    public static let channels: [StaticString] = ["web", "mobile", "retail"]
    /// Share of bets per channel.
    public static let channelWeights: [Double] = [0.35, 0.6, 0.05]
    /// Login devices.
    public static let devices: [StaticString] = ["ios", "android", "desktop", "tablet"]
    /// Share of logins per device.
    public static let deviceWeights: [Double] = [0.35, 0.35, 0.25, 0.05]
    /// Pages of a betting site, most visited first (page views draw them by Zipf).
    public static let pages: [StaticString] = [
        "/home", "/sports", "/sports/football", "/live", "/casino", "/bet-slip", "/account", "/sports/tennis",
        "/sports/basketball", "/casino/slots", "/casino/roulette", "/poker", "/promotions", "/deposit", "/withdraw",
        "/results", "/sports/horse-racing", "/virtual", "/help", "/responsible-gambling",
    ]
    /// Page view event types.
    public static let eventTypes: [StaticString] = ["page_view", "click", "scroll", "add_to_slip", "search"]
    /// Share of each event type.
    public static let eventTypeWeights: [Double] = [0.55, 0.25, 0.1, 0.07, 0.03]
    /// Merchant category codes (ISO 18245) used for card merchants.
    public static let merchantCategories: [Int64] = [5411, 5812, 5999, 4111, 5732, 5311, 7995, 4814, 5541, 5691, 7011, 5964]
    /// Payment methods for deposits and withdrawals.
    public static let paymentMethods: [StaticString] = ["card", "bank_transfer", "e_wallet", "voucher"]
    /// Game providers for the games dimension.
    public static let providers: [StaticString] = ["Evolution", "Pragmatic", "NetEnt", "Playtech", "Sportradar", "Kambi", "InHouse"]
}
