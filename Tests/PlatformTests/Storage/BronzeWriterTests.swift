import Testing
@testable import Platform

/// File rolling by size and by time, worked out by hand, and the small-files
/// arithmetic against the writer on evenly spaced records.
@Suite("Bronze writer")
struct BronzeWriterTests {
    static let second: Int64 = 1_000_000_000

    @Test("a file closes after the record that reaches the size limit")
    func rollsBySize() {
        // 1,000-byte records, ratio 1, 2,500-byte files: records 1-3 (3,000 ≥ 2,500) close file 1, 4-6 file 2, 7 is left open.
        var w = BronzeWriter(rolling: FileRolling(maxFileBytes: 2_500, maxFileAgeNanos: nil), compressionRatio: 1)
        for i in 0..<7 { w.append(writer: 0, time: Int64(i) * Self.second, jsonBytes: 1_000) }
        #expect(w.closedBySize == 2 && w.closedByTime == 0)
        w.finish()
        #expect(w.closedBySize == 2 && w.closedByTime == 1)
        let s = w.stats(observedSeconds: 7)
        #expect(s.files == 3 && s.bytes == 7_000)
    }

    @Test("compression divides the bytes before the size limit applies")
    func compressedSize() {
        // Ratio 4: 1,000 JSON bytes are 250 stored; a 1,000-byte file holds 4 records.
        var w = BronzeWriter(rolling: FileRolling(maxFileBytes: 1_000, maxFileAgeNanos: nil), compressionRatio: 4)
        for i in 0..<8 { w.append(writer: 0, time: Int64(i), jsonBytes: 1_000) }
        #expect(w.closedBySize == 2)
        #expect(w.stats(observedSeconds: 1).bytes == 2_000)
    }

    @Test("a file closes at its age limit: a record at or after opening + age starts a new one")
    func rollsByTime() {
        // Age 10 s; records at 0, 4, 9.999, 10, 25, 26 s: files {0, 4, 9.999}, {10}, {25, 26}.
        var w = BronzeWriter(rolling: FileRolling(maxFileBytes: nil, maxFileAgeNanos: 10 * Self.second), compressionRatio: 1)
        for t in [0, 4_000, 9_999, 10_000, 25_000, 26_000] as [Int64] { w.append(writer: 0, time: t * 1_000_000, jsonBytes: 100) }
        #expect(w.closedByTime == 2)
        w.finish()
        #expect(w.files == 3 && w.closedBySize == 0)
    }

    @Test("size or time, whichever first; writers roll independently")
    func whicheverFirstPerWriter() {
        // Writer 0 gets 600 bytes/s, writer 1 gets 100 bytes/s; 1,000-byte files, 5 s age.
        var w = BronzeWriter(rolling: FileRolling(maxFileBytes: 1_000, maxFileAgeNanos: 5 * Self.second, writers: 2), compressionRatio: 1)
        for s in 0..<20 as Range<Int64> {
            w.append(writer: 0, time: s * Self.second, jsonBytes: 600)
            w.append(writer: 1, time: s * Self.second, jsonBytes: 100)
        }
        w.finish()
        // Writer 0: every 2 records reach 1,200 ≥ 1,000 → 10 files by size. Writer 1: files [0,5), [5,10), [10,15), [15,20) → 4 by time.
        #expect(w.closedBySize == 10 && w.closedByTime == 4)
        #expect(w.records == 40)
    }

    @Test("a batch is one unit: never split across files")
    func batches() {
        var w = BronzeWriter(rolling: FileRolling(maxFileBytes: 1_000, maxFileAgeNanos: nil), compressionRatio: 1)
        w.append(writer: 0, time: 0, records: 500, jsonBytes: 5_000)
        #expect(w.closedBySize == 1 && w.records == 500)
        #expect(w.stats(observedSeconds: 1).meanFileBytes == 5_000)
    }

    @Test("files per day for a given rate: writer counts equal the small-files arithmetic")
    func smallFilesArithmetic() {
        // 50,000 records/s of 1,000 JSON bytes at ratio 5 = 10 MB/s stored, 64 writers, 128 MB or 5 minutes.
        // Per writer 156,250 B/s: 128 MB fills in 819.2 s > 300 s, so files close by age: 64 × 288 = 18,432 files/day.
        let rolling = FileRolling(maxFileBytes: 128_000_000, maxFileAgeNanos: 300 * Self.second, writers: 64)
        #expect(rolling.expectedFilesPerDay(storedBytesPerSecond: 10_000_000) == 18_432)
        #expect(!rolling.closesBySize(storedBytesPerSecond: 10_000_000))
        let stats = rolling.expectedStats(storedBytesPerSecond: 10_000_000, observedSeconds: 86_400)
        #expect(stats.files == 18_432 && abs(stats.meanFileBytes - 46_875_000) < 1)
        // The writer on one hour of evenly spaced batches (one batch of 1,000 records per writer every 1.28 s).
        var w = BronzeWriter(rolling: rolling, compressionRatio: 5)
        let interval: Int64 = 1_280_000_000
        var t: Int64 = 0
        while t < 3_600 * Self.second {
            for k in 0..<64 { w.append(writer: k, time: t, records: 1_000, jsonBytes: 1_000_000) }
            t += interval
        }
        w.finish()
        // Each 300 s file holds ceil(300 / 1.28) = 235 batches: 3,600 s of 2,813 batches → 12 files per writer (last one partial).
        #expect(w.files == 64 * 12 && w.closedBySize == 0)
        let perDay = w.stats(observedSeconds: 3_600).filesPerDay
        #expect(abs(perDay - rolling.expectedFilesPerDay(storedBytesPerSecond: 10_000_000)) / perDay < 0.01)
        // At 10× the rate, 128 MB fills in 81.92 s < 300 s: files close by size.
        #expect(rolling.closesBySize(storedBytesPerSecond: 100_000_000))
        #expect(abs(rolling.expectedFilesPerDay(storedBytesPerSecond: 100_000_000) - 64 * 86_400 / 81.92) < 1e-6)
    }
}
