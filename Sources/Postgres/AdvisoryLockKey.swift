/// The key of a PostgreSQL advisory lock named by text: FNV-1a (64-bit) of the parts joined with `|`, so that a
/// name is the same key in every process (`Hasher` is seeded per process).
///
/// ```swift
/// try await client.withAdvisoryLock(key: advisoryLockKey("allot-ingest", organization, period)) { … }
/// ```
public func advisoryLockKey(_ parts: any CustomStringConvertible...) -> Int64 {
    let name = parts.map(\.description).joined(separator: "|")
    let hash = name.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    return Int64(bitPattern: hash)
}
