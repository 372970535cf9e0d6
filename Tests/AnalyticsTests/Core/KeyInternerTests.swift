import Testing
@testable import Analytics

@Suite("Key interner and FNV-1a")
struct KeyInternerTests {
    @Test("ids are dense in order of first appearance and stable across growth")
    func dense() {
        var table = KeyInterner(capacity: 4)
        var ids: [Int32] = []
        for i in 0..<10_000 { ids.append(table.intern("key-\(i % 5000)")) }
        #expect(table.count == 5000)
        #expect(ids[0..<5000].elementsEqual(0..<5000))
        #expect(ids[5000...].elementsEqual(0..<5000))
        #expect(table.string(1234) == "key-1234")
        #expect(table.intern("") == 5000)
        #expect(table.intern("") == 5000)
    }

    @Test("byte order ranks sort as text by bytes (uppercase before lowercase, prefix first)")
    func byteOrder() {
        var table = KeyInterner()
        for k in ["b", "a", "B", "ab", "a\u{E9}", "aa"] { _ = table.intern(k) }
        #expect(table.idsInByteOrder().map { table.string($0) } == ["B", "a", "aa", "ab", "a\u{E9}", "b"])
    }

    @Test("FNV-1a 64 matches the published test vectors")
    func fnvVectors() {
        func fnv(_ s: String) -> UInt64 {
            var h = FNV1a64()
            var t = s
            t.withUTF8 { h.add($0) }
            return h.value
        }
        #expect(fnv("") == 0xcbf2_9ce4_8422_2325)
        #expect(fnv("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(fnv("foobar") == 0x8594_4171_f739_67e8)
        var h = FNV1a64()
        h.addBigEndian(1)
        var g = FNV1a64()
        for b: UInt8 in [0, 0, 0, 0, 0, 0, 0, 1] { g.add(b) }
        #expect(h.value == g.value)
        #expect(FNV1a64().hex == "cbf29ce484222325")
    }
}
