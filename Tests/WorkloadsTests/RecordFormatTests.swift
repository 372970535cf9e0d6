import Testing
@testable import Workloads

/// Timestamps, money and rows as the analyze commands will read them.
@Suite struct RecordFormatTests {
    @Test func timestampsRoundTripThroughText() {
        let t = Timestamp.parse("2026-06-01 19:05:07.250000")!
        #expect(Timestamp.format(t) == "2026-06-01 19:05:07.250000")
        #expect(Timestamp.parse("2026-06-01T19:05:07.25Z") == t)
        #expect(Timestamp.parse("2026-06-01") == Timestamp.days(year: 2026, month: 6, day: 1) * Timestamp.day)
        #expect(Timestamp.format(0) == "1970-01-01 00:00:00.000000")
        #expect(Timestamp.format(-1) == "1969-12-31 23:59:59.999999")
        #expect(Timestamp.parse("2026-02-30") == nil)
        #expect(Timestamp.parse("2026-06-01 24:00") == nil)
        // 2026-06-01 is a Monday.
        #expect(Timestamp.weekday(t) == 0)
        // Every day of four centuries converts both ways.
        for d in stride(from: Int64(-146_097), to: 146_097, by: 37) {
            let (y, m, day) = Timestamp.civil(days: d)
            #expect(Timestamp.days(year: y, month: m, day: day) == d)
        }
    }

    @Test func betRowHasTheSeedColumnsInCSVAndNDJSON() {
        let bet = Bet(betID: 7, playerID: 42, gameID: 3, gameType: .sports,
                      placedAt: Timestamp.parse("2026-06-01 19:00:00.5")!, stakeCents: 1050, oddsHundredths: 235,
                      status: .won, actualWinCents: 2467, countryIndex: 0, channelIndex: 1, arrival: 0)
        var csv = RecordEncoder(format: .csv, columns: Bet.columns)
        csv.record(bet)
        #expect(String(decoding: csv.buffer.bytes, as: UTF8.self)
                == "7,42,3,sports,2026-06-01 19:00:00.500000,10.50,2.35,won,24.67,GBP,mobile,GB\n")
        var json = RecordEncoder(format: .ndjson, columns: Bet.columns)
        json.record(bet)
        #expect(String(decoding: json.buffer.bytes, as: UTF8.self)
                == #"{"bet_id":7,"player_id":42,"game_id":3,"game_type":"sports","placed_at":"2026-06-01 19:00:00.500000","stake":10.50,"odds":2.35,"status":"won","actual_win":24.67,"currency":"GBP","channel":"mobile","country":"GB"}"# + "\n")
        #expect(bet.serializedSize(.csv) == csv.buffer.count)
        #expect(String(decoding: RecordEncoder.header(columns: Bet.columns, format: .csv), as: UTF8.self)
                == "bet_id,player_id,game_id,game_type,placed_at,stake,odds,status,actual_win,currency,channel,country\n")
    }

    @Test func moneyAndTextFieldsAreExactAndEscaped() {
        var b = RowBuffer()
        b.append(cents: -5); b.append(44); b.append(cents: 0); b.append(44); b.append(cents: 123_456_789)
        b.append(44); b.appendCSVField("a,\"b\"")
        #expect(String(decoding: b.bytes, as: UTF8.self) == "-0.05,0.00,1234567.89,\"a,\"\"b\"\"\"")
        var j = RowBuffer()
        j.appendJSONString("x\"\n\u{1}")
        #expect(String(decoding: j.bytes, as: UTF8.self) == #""x\"\n\u0001""#)
    }
}
