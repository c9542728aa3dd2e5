/// Identifiers in the shapes AWS uses, drawn from a ``SeededRandom`` so that a seed always gives
/// the same ones: assembly and execution ids (UUIDs), reservation and Savings Plan ids, instance
/// ids, invoice numbers and line item ids.
enum DeterministicIdentifier {
    private static let hexDigits = Array("0123456789abcdef".utf8)
    /// RFC 4648 base32 alphabet in lower case, as `identity/LineItemId` values look.
    private static let base32Digits = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    /// A version-4-shaped UUID, lower case: `3f2a…-…`.
    static func uuid(_ random: inout SeededRandom) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        let high = random.next()
        let low = random.next()
        let nibbles = (0..<16).map { UInt8((high >> (60 - 4 * UInt64($0))) & 0xF) }
            + (0..<16).map { UInt8((low >> (60 - 4 * UInt64($0))) & 0xF) }
        for (index, nibble) in nibbles.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { bytes.append(UInt8(ascii: "-")) }
            var value = nibble
            if index == 12 { value = 4 }
            if index == 16 { value = 8 | (nibble & 3) }
            bytes.append(hexDigits[Int(value)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `count` lower-case hex digits.
    static func hex(_ random: inout SeededRandom, count: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        var bits = random.next()
        var left = 16
        for _ in 0..<count {
            if left == 0 {
                bits = random.next()
                left = 16
            }
            bytes.append(hexDigits[Int(bits & 0xF)])
            bits >>= 4
            left -= 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `count` decimal digits, the first not zero: an invoice number such as `2026104417`.
    static func digits(_ random: inout SeededRandom, count: Int) -> String {
        var text = String(1 + random.below(9))
        for _ in 1..<max(count, 1) { text += String(random.below(10)) }
        return text
    }

    /// Appends a 52-character line item id (base32 of 260 random bits) for `key` (an assembly's
    /// seed mixed with the row number): cheap enough for every row, and different in every delivery.
    static func appendLineItemId(key: UInt64, to bytes: inout [UInt8]) {
        // Scramble the key first: keys of consecutive rows differ by a constant, and so would their streams.
        var scrambler = SeededRandom(seed: key)
        var random = SeededRandom(seed: scrambler.next())
        for _ in 0..<4 {
            var bits = random.next()
            for _ in 0..<13 {
                bytes.append(base32Digits[Int(bits & 31)])
                bits >>= 5
            }
        }
    }
}
