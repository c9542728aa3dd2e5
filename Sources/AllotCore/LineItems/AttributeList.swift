/// An ordered list of distinct keys with text values: the tags, cost categories and other product
/// attributes of a line item.
///
/// Keys are canonical (``AttributeKey``) when filled by the CUR reader; values are kept verbatim
/// and are never empty. Order is the order of the CUR's columns (it takes part in equality), so the
/// rendered JSON is stable for identical input. The entries are packed into one byte buffer — a
/// CUR row has dozens of product attributes, and one allocation per list instead of two strings per
/// entry is what keeps the reader fast. Lookups are linear: a line item has a few dozen entries.
public struct AttributeList: Sendable, Hashable, Collection, ExpressibleByDictionaryLiteral {
    /// One key and its value.
    public struct Entry: Sendable, Hashable {
        public let key: String
        public let value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// A position in the list.
    public struct Index: Comparable, Sendable {
        fileprivate let offset: Int

        public static func < (lhs: Index, rhs: Index) -> Bool { lhs.offset < rhs.offset }
    }

    /// Per entry: key length (4 bytes, little-endian), key, value length (4 bytes), value; all UTF-8.
    /// A slice, so that the lists of one CUR row can share a single allocation.
    private var storage: ArraySlice<UInt8> = []
    /// The number of entries.
    public private(set) var count = 0

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { insert(key: key, value: value) }
    }

    public var startIndex: Index { Index(offset: storage.startIndex) }
    public var endIndex: Index { Index(offset: storage.endIndex) }
    public var isEmpty: Bool { count == 0 }

    public func index(after index: Index) -> Index {
        let keyLength = length(at: index.offset)
        let valueLength = length(at: index.offset + 4 + keyLength)
        return Index(offset: index.offset + 8 + keyLength + valueLength)
    }

    public subscript(position: Index) -> Entry {
        let (key, value) = ranges(at: position.offset)
        return Entry(key: string(key), value: string(value))
    }

    /// The value for `key`, if present.
    public subscript(key: String) -> String? {
        guard let range = valueRange(forKey: key) else { return nil }
        return string(range)
    }

    /// Adds `key` unless it is already present or `value` is empty; returns whether it was added.
    ///
    /// The first value wins: when two columns canonicalise to one key (tags `user:Team` and
    /// `user:team`), the one further left in the file is kept.
    @discardableResult
    public mutating func insert(key: String, value: String) -> Bool {
        guard !value.isEmpty, valueRange(forKey: key) == nil else { return false }
        appendPart(key.utf8)
        appendPart(value.utf8)
        count += 1
        return true
    }

    /// Appends an entry whose key the caller knows to be absent and whose value is not empty.
    public mutating func append(uncheckedKey key: String, value: String) {
        assert(!value.isEmpty && valueRange(forKey: key) == nil, "duplicate or empty attribute")
        appendPart(key.utf8)
        appendPart(value.utf8)
        count += 1
    }

    /// A dictionary of the entries.
    public var dictionary: [String: String] {
        Dictionary(map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Equal when the same entries are in the same order; compares the packed bytes, eight at a time.
    public static func == (lhs: AttributeList, rhs: AttributeList) -> Bool {
        guard lhs.count == rhs.count, lhs.storage.count == rhs.storage.count else { return false }
        return lhs.storage.withUnsafeBytes { left in
            rhs.storage.withUnsafeBytes { right in
                var index = 0
                while index &+ 8 <= left.count {
                    if left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        != right.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return false }
                    index &+= 8
                }
                while index < left.count {
                    if left[index] != right[index] { return false }
                    index &+= 1
                }
                return true
            }
        }
    }

    /// Hashes a digest of the packed bytes: the ingest keys its product dictionary by these lists, a lookup per CUR
    /// row over ~1 KB of attributes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(storage.withUnsafeBytes(AttributeList.digest))
    }

    /// A 64-bit digest of `bytes`: four independent multiply–xorshift lanes over 8-byte words (so that the
    /// multiplications overlap), folded together. Not a defence against chosen collisions — `Hasher` seeds what it
    /// is given — only a fast spread of the bits.
    private static func digest(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0xFF51_AFD7_ED55_8CCD
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (
            0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63
        )
        @inline(__always) func mix(_ lane: inout UInt64, _ word: UInt64) {
            lane = (lane ^ word) &* multiplier
            lane ^= lane >> 32
        }
        var index = 0
        while index &+ 32 <= bytes.count {
            mix(&lanes.0, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            mix(&lanes.1, bytes.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self))
            mix(&lanes.2, bytes.loadUnaligned(fromByteOffset: index &+ 16, as: UInt64.self))
            mix(&lanes.3, bytes.loadUnaligned(fromByteOffset: index &+ 24, as: UInt64.self))
            index &+= 32
        }
        while index &+ 8 <= bytes.count {
            mix(&lanes.1, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index &+= 8
        }
        var tail = UInt64(truncatingIfNeeded: bytes.count)
        while index < bytes.count {
            tail = tail &<< 8 | UInt64(bytes[index])
            index &+= 1
        }
        mix(&lanes.0, tail)
        mix(&lanes.0, lanes.1)
        mix(&lanes.0, lanes.2)
        mix(&lanes.0, lanes.3)
        return lanes.0
    }

    /// The same entries in storage of their own, not sharing the CUR row's buffer: for lists kept longer than
    /// the row.
    public var compacted: AttributeList {
        var copy = AttributeList()
        copy.storage = ArraySlice(Array(storage))
        copy.count = count
        return copy
    }

    // MARK: Storage

    private mutating func appendPart(_ bytes: some Collection<UInt8>) {
        AttributeList.appendLength(bytes.count, to: &storage)
        storage.append(contentsOf: bytes)
    }

    private func length(at offset: Int) -> Int {
        Int(storage[offset]) | Int(storage[offset + 1]) << 8 | Int(storage[offset + 2]) << 16
            | Int(storage[offset + 3]) << 24
    }

    /// The key and value byte ranges of the entry at `offset`.
    fileprivate func ranges(at offset: Int) -> (key: Range<Int>, value: Range<Int>) {
        let keyLength = length(at: offset)
        let keyStart = offset + 4
        let valueLength = length(at: keyStart + keyLength)
        let valueStart = keyStart + keyLength + 4
        return (keyStart..<keyStart + keyLength, valueStart..<valueStart + valueLength)
    }

    private func valueRange(forKey key: String) -> Range<Int>? {
        var offset = storage.startIndex
        let keyBytes = key.utf8
        while offset < storage.endIndex {
            let (keyRange, valueRange) = ranges(at: offset)
            if keyRange.count == keyBytes.count && storage[keyRange].elementsEqual(keyBytes) { return valueRange }
            offset = valueRange.upperBound
        }
        return nil
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: storage[range], as: UTF8.self)
    }
}

extension AttributeList {
    /// Wraps entries already packed in the list's storage format: the CUR reader's fast path,
    /// which writes a row's attributes straight from its read buffer with one allocation.
    ///
    /// `storage` may be a slice of a larger array (the reader packs all lists of a row into one).
    /// The format is, per entry: the key's UTF-8 length as a little-endian `UInt32`, the key, the
    /// value's length the same way, the value. The caller guarantees distinct keys and non-empty
    /// values (checked by assertions in debug builds). Unless `asciiOnly` is true, values are
    /// checked and invalid UTF-8 is replaced by U+FFFD.
    public init(packedEntries storage: ArraySlice<UInt8>, count: Int, asciiOnly: Bool) {
        self.storage = storage
        self.count = count
        if !asciiOnly {
            var repaired = AttributeList()
            for entry in self { repaired.append(uncheckedKey: entry.key, value: entry.value) }
            if repaired.storage.elementsEqual(storage) == false { self = repaired }
        }
        assert(Set(map(\.key)).count == count && allSatisfy { !$0.value.isEmpty }, "duplicate or empty attributes")
    }

    /// Appends `length` as 4 little-endian bytes.
    @inline(__always)
    fileprivate static func appendLength(_ length: Int, to bytes: inout some RangeReplaceableCollection<UInt8>) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Compact JSON object text, `{"user_team":"data","env":"prod"}`, for a `jsonb` column.
    public var jsonText: String {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ``jsonText`` as UTF-8.
    ///
    /// Strings are escaped per RFC 8259: `"` and `\` with a backslash, control characters as
    /// `\n`, `\t`… or `\u00XX`. U+0000 is written as U+FFFD because PostgreSQL's `jsonb` rejects
    /// `\u0000`; it never occurs in real tags.
    public func appendJSON(to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        var offset = storage.startIndex
        while offset < storage.endIndex {
            let (key, value) = ranges(at: offset)
            if offset > storage.startIndex { bytes.append(UInt8(ascii: ",")) }
            AttributeList.appendJSONString(storage[key], to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            AttributeList.appendJSONString(storage[value], to: &bytes)
            offset = value.upperBound
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Appends `text` as a JSON string literal, quotes included.
    public static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        appendJSONString(text.utf8, to: &bytes)
    }

    /// Appends valid UTF-8 as a JSON string literal, quotes included.
    static func appendJSONString(_ utf8: some Collection<UInt8>, to bytes: inout [UInt8]) {
        if utf8.withContiguousStorageIfAvailable({ appendJSONString($0, to: &bytes) }) == nil {
            Array(utf8).withUnsafeBufferPointer { appendJSONString($0, to: &bytes) }
        }
    }

    /// Appends runs of ordinary bytes in one go (the ingest writes every product attribute through here); only
    /// quotes, backslashes and control characters take the slow path. UTF-8 continuation bytes are all ≥ 0x80, so
    /// matching single ASCII bytes never splits a character.
    private static func appendJSONString(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in utf8.indices {
            let byte = utf8[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x00: bytes.append(contentsOf: "\\ufffd".utf8)
            default:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
