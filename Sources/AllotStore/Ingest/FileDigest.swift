import Crypto
import Foundation

/// SHA-256 of files, streamed in 1 MiB chunks.
enum FileDigest {
    static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError(.unreadable, "\(path): cannot open the file")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hex(hasher.finalize())
    }

    /// The digest of a delivery's content: SHA-256 over its files' digests in order, so that the same
    /// bytes under other names (a new assembly id, another S3 prefix) are recognised.
    static func combined(_ digests: [String]) -> String {
        var hasher = SHA256()
        for digest in digests { hasher.update(data: Data(digest.utf8)) }
        return hex(hasher.finalize())
    }

    /// Lowercase hex, two digits a byte (also the audit chain's spelling of its hashes).
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
