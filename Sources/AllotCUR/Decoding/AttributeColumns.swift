import AllotCore

/// One group of dynamic columns of a file (its tags, cost categories, product attributes or
/// discounts) and how to pack a row's non-empty values into an ``AttributeList``.
///
/// The keys are canonicalised and encoded once per file; each row then costs one allocation and a
/// copy of its values, straight from the read buffer.
///
/// A class with constant storage, so that the decoder reads it per row without copying (and
/// retaining) its arrays.
final class AttributeColumns {
    /// CSV field indices, in header order.
    let columns: [Int]
    /// Canonical keys, parallel to `columns`.
    let keys: [String]
    /// Per column, the key's length (4 bytes, little-endian) and UTF-8 bytes, back to back.
    private let encodedKeys: [UInt8]
    /// `encodedKeys` offsets; column `i` owns `keyOffsets[i]..<keyOffsets[i + 1]`.
    private let keyOffsets: [Int]
    /// Whether the keys are distinct, so that rows can skip the duplicate check.
    let keysAreUnique: Bool

    /// The group of `columns`: (CSV field index, canonical key) in header order.
    init(_ entries: [(index: Int, key: String)] = []) {
        columns = entries.map(\.index)
        keys = entries.map(\.key)
        keysAreUnique = Set(keys).count == keys.count
        var encoded: [UInt8] = []
        var offsets = [0]
        for key in keys {
            let bytes = Array(key.utf8)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count).littleEndian) { encoded.append(contentsOf: $0) }
            encoded.append(contentsOf: bytes)
            offsets.append(encoded.count)
        }
        encodedKeys = encoded
        keyOffsets = offsets
    }

    var isEmpty: Bool { columns.isEmpty }

    /// The bytes and entries the row's non-empty values take in packed form; (0, 0) for a group
    /// whose keys are not distinct (``decodeChecking(_:)`` reads those).
    func measure(_ record: CSVScanner) -> (bytes: Int, count: Int) {
        guard keysAreUnique else { return (0, 0) }
        return columns.withUnsafeBufferPointer { columnIndices in
            keyOffsets.withUnsafeBufferPointer { offsets in
                var size = 0
                var count = 0
                for position in 0..<columnIndices.count {
                    // `value` removes doubled quotes first, so that the length is final.
                    let length = record.value(columnIndices[position]).count
                    if length > 0 {
                        size &+= offsets[position &+ 1] &- offsets[position] &+ 4 &+ length
                        count &+= 1
                    }
                }
                return (size, count)
            }
        }
    }

    /// Writes the packed entries measured by ``measure(_:)`` at `output`; returns the OR of the
    /// value bytes (non-zero high bits mean non-ASCII text).
    func write(_ record: CSVScanner, to output: UnsafeMutablePointer<UInt8>) -> UInt64 {
        columns.withUnsafeBufferPointer { columnIndices in
            keyOffsets.withUnsafeBufferPointer { offsets in
                encodedKeys.withUnsafeBufferPointer { keyBuffer in
                    guard let keyBase = keyBuffer.baseAddress else { return 0 }
                    var bits: UInt64 = 0
                    var offset = 0
                    for position in 0..<columnIndices.count {
                        let value = record.bytes(columnIndices[position])
                        guard let valueBase = value.baseAddress, !value.isEmpty else { continue }
                        let keyStart = offsets[position]
                        let keyLength = offsets[position &+ 1] &- keyStart
                        AttributeColumns.copy(keyBase + keyStart, to: output + offset, count: keyLength)
                        offset &+= keyLength
                        UnsafeMutableRawPointer(output + offset).storeBytes(
                            of: UInt32(truncatingIfNeeded: value.count).littleEndian, as: UInt32.self)
                        offset &+= 4
                        AttributeColumns.copy(valueBase, to: output + offset, count: value.count)
                        offset &+= value.count
                        bits |= AttributeColumns.highBits(valueBase, value.count)
                    }
                    return bits
                }
            }
        }
    }

    /// For files where two columns canonicalise to one key: the first non-empty value wins.
    func decodeChecking(_ record: CSVScanner) -> AttributeList {
        var list = AttributeList()
        for position in columns.indices {
            let value = record.value(columns[position])
            if !value.isEmpty { list.insert(key: keys[position], value: String(decoding: value, as: UTF8.self)) }
        }
        return list
    }

    /// Copies a few bytes without a call to `memcpy`: keys and values are mostly under 32 bytes.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>, count: Int) {
        if count >= 8 && count <= 32 {
            let from = UnsafeRawPointer(source)
            let to = UnsafeMutableRawPointer(destination)
            var offset = 0
            while offset &+ 8 < count {
                to.storeBytes(
                    of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset,
                    as: UInt64.self)
                offset &+= 8
            }
            // The last eight bytes, overlapping what was already copied.
            let last = count &- 8
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: last, as: UInt64.self), toByteOffset: last, as: UInt64.self)
        } else if count < 8 {
            for index in 0..<count { destination[index] = source[index] }
        } else {
            destination.update(from: source, count: count)
        }
    }

    /// The OR of `count` bytes, eight at a time: its high bits say whether any byte is non-ASCII.
    @inline(__always)
    static func highBits(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var bits: UInt64 = 0
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index &+ 8 <= count {
            bits |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index &+= 8
        }
        while index < count {
            bits |= UInt64(base[index])
            index &+= 1
        }
        return bits
    }
}
