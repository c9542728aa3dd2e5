/// The line items of a delivery seen so far, by AWS's identity of a line item: (`identity/LineItemId`,
/// `identity/TimeInterval`). A row seen twice — a file named twice, a link to it, parts that overlap — would be
/// counted twice; the reader refuses it, naming both places.
///
/// Each pair is kept as a 128-bit digest (two SipHash-1-3 values under different keys) with the place it was
/// first seen, about 24 bytes per row in memory: a false match needs a 128-bit collision.
struct LineItemIdentities {
    private struct Digest: Hashable {
        let high: UInt64
        let low: UInt64

        func hash(into hasher: inout Hasher) {
            // Already uniformly distributed.
            hasher.combine(low)
        }
    }

    /// A file (its index in the delivery) and a line.
    private struct Place {
        let file: Int32
        let line: Int32
    }

    private let files: [String]
    private var seen: [Digest: Place] = [:]

    /// `files`: the delivery's paths, in reading order.
    init(files: [String]) {
        self.files = files
    }

    /// Records a line item found in `files[file]` at `line`; where it was first seen when the delivery had it
    /// already.
    mutating func insert(
        id: UnsafeBufferPointer<UInt8>, interval: UnsafeBufferPointer<UInt8>, file: Int, line: Int
    ) -> (file: String, line: Int)? {
        let digest = Digest(high: Self.hash(id, interval, key: 0x9E37_79B9), low: Self.hash(id, interval, key: 0x85EB_CA6B))
        let place = Place(file: Int32(truncatingIfNeeded: file), line: Int32(truncatingIfNeeded: line))
        // One lookup in the common case: the pair is new.
        guard let first = seen.updateValue(place, forKey: digest) else { return nil }
        seen[digest] = first
        return (files[Int(first.file)], Int(first.line))
    }

    private static func hash(_ id: UnsafeBufferPointer<UInt8>, _ interval: UnsafeBufferPointer<UInt8>, key: Int) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(key)
        hasher.combine(id.count)
        hasher.combine(bytes: UnsafeRawBufferPointer(id))
        hasher.combine(bytes: UnsafeRawBufferPointer(interval))
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}
