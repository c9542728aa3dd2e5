import AllotCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The previous row's value of each typed column, with the bytes it was decoded from.
///
/// Consecutive CUR rows repeat most values (payer, billing period, currency, rates, usage types,
/// product attributes), so the common case is one `memcmp` and a copy of the decoded value instead
/// of building a `String` or parsing a number again. Values longer than ``slotSize`` bytes are not
/// remembered. Used by one thread at a time, so the stored properties skip runtime exclusivity checks.
final class ColumnValueCache {
    static let slotSize = 96

    private let slots: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var lengths: [Int]
    @exclusivity(unchecked) private var texts: [String]
    @exclusivity(unchecked) private var amounts: [Amount]
    @exclusivity(unchecked) private var timestamps: [Timestamp]

    init(columns: Int) {
        slots = UnsafeMutablePointer<UInt8>.allocate(capacity: max(columns, 1) * ColumnValueCache.slotSize)
        lengths = Array(repeating: -1, count: columns)
        texts = Array(repeating: "", count: columns)
        amounts = Array(repeating: .zero, count: columns)
        timestamps = Array(repeating: .epoch, count: columns)
    }

    deinit {
        slots.deallocate()
    }

    /// Whether `bytes` equal the remembered bytes of `slot` (eight bytes at a time, no call).
    @inline(__always)
    private func matches(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard lengths[slot] == count, let base = bytes.baseAddress else { return false }
        let remembered = UnsafeRawPointer(slots + slot &* ColumnValueCache.slotSize)
        let candidate = UnsafeRawPointer(base)
        var offset = 0
        while offset &+ 8 <= count {
            if remembered.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != candidate.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset &+= 8
        }
        while offset < count {
            if remembered.load(fromByteOffset: offset, as: UInt8.self) != base[offset] { return false }
            offset &+= 1
        }
        return true
    }

    /// Remembers `bytes` for `slot`; false when they are too long to keep.
    @inline(__always)
    private func remember(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= ColumnValueCache.slotSize, let base = bytes.baseAddress else {
            lengths[slot] = -1
            return false
        }
        memcpy(slots + slot * ColumnValueCache.slotSize, base, bytes.count)
        lengths[slot] = bytes.count
        return true
    }

    func text(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> String) -> String
    {
        if matches(slot, bytes) { return texts[slot] }
        let text = make(bytes)
        if remember(slot, bytes) { texts[slot] = text }
        return text
    }

    func amount(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(AmountParseError) -> Amount {
        if matches(slot, bytes) { return amounts[slot] }
        let amount = try Amount(utf8: bytes)
        if remember(slot, bytes) { amounts[slot] = amount }
        return amount
    }

    func timestamp(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(TimestampParseError) -> Timestamp {
        if matches(slot, bytes) { return timestamps[slot] }
        let timestamp = try Timestamp(utf8: bytes)
        if remember(slot, bytes) { timestamps[slot] = timestamp }
        return timestamp
    }
}
