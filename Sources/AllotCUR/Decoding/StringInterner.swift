#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Shares one `String` among repeated field values (usage types, descriptions, tag values…).
///
/// CUR columns repeat the same few thousand values millions of times; building a `String` for each
/// occurrence costs an allocation and a UTF-8 validation. The interner hashes the bytes and returns
/// the stored string, which costs a retain. It stops growing at a fixed size, so memory stays
/// bounded however varied the input; values seen after that are simply created. Strings of up to
/// 15 bytes are stored inline by Swift and never interned.
struct StringInterner {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var offsets: [Int32] = []
    private var lengths: [Int32] = []
    private var strings: [String] = []
    private var arena: [UInt8] = []
    private let maximumEntries: Int
    private let maximumArena: Int

    init(maximumEntries: Int = 1 << 17, maximumArenaBytes: Int = 16 << 20) {
        self.maximumEntries = maximumEntries
        self.maximumArena = maximumArenaBytes
        var size = 1024
        while size < maximumEntries * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
    }

    /// The string for `bytes` (invalid UTF-8 is repaired with U+FFFD, as `String(decoding:)` does).
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        guard count > 15, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        let hash = StringInterner.hash(base, count)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash && Int(lengths[entry]) == count {
                let offset = Int(offsets[entry])
                let equal = arena.withUnsafeBufferPointer { arenaBytes in
                    guard let arenaBase = arenaBytes.baseAddress else { return false }
                    return memcmp(arenaBase + offset, base, count) == 0
                }
                if equal { return strings[entry] }
            }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: bytes, as: UTF8.self)
        if strings.count < maximumEntries && arena.count + count <= maximumArena {
            slots[slot] = Int32(strings.count)
            hashes.append(hash)
            offsets.append(Int32(arena.count))
            lengths.append(Int32(count))
            strings.append(string)
            arena.append(contentsOf: bytes)
        }
        return string
    }

    /// A fast 64-bit hash over 8-byte words (multiply–xorshift mixing); not for adversarial input,
    /// which only costs speed here, never correctness.
    @inline(__always)
    static func hash(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(count) &* multiplier
        var offset = 0
        let raw = UnsafeRawPointer(base)
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        if offset < count {
            var word: UInt64 = 0
            for index in offset..<count { word = word << 8 | UInt64(base[index]) }
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 29
        }
        return hash ^ (hash >> 32)
    }
}
