import Crypto
import Foundation
import Postgres

extension AuditLog {
    /// The previous hash of the first entry.
    static let genesisHash = String(repeating: "0", count: 64)

    /// Recomputes the hash chain of the whole log (migrations/0009_audit_log_chain.sql defines it), entry by entry
    /// in id order, and compares the end with `audit_log_head`.
    ///
    /// The hashes are computed here, not by the database's functions, so a changed trigger or function does not
    /// change the verdict. The report names the first entry whose link does not hold: one whose content no longer
    /// matches its hash (it was changed), one whose previous hash is not its predecessor's hash (an entry between
    /// them was deleted, or the predecessor was rewritten along with its hash), or entries missing at the end.
    public func verifyChain(pageSize: Int = 10_000) async throws -> AuditChainReport {
        var entries = 0
        var previous: (id: Int, hash: String)?
        while true {
            let rows = try await client.query(
                """
                SELECT id, id::text AS id_text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_text,
                    actor, token_id::text AS token_id, action, parameters::text AS parameters, client_address, outcome,
                    status::text AS status, request_id, previous_hash, hash
                FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2
                """, [previous?.id ?? 0, pageSize])
            for row in rows {
                let id = try row.decode(Int.self, "id")
                let previousHash = try row.decode(String.self, "previous_hash")
                let hash = try row.decode(String.self, "hash")
                entries += 1
                if let problem = Self.linkProblem(previousHash, after: previous) {
                    return AuditChainReport(entries: entries, lastHash: previous?.hash, firstBreak: .init(entryId: id, problem: problem))
                }
                let content = try Self.content(of: row)
                guard Self.chainHash(previous: previousHash, content: content) == hash else {
                    return AuditChainReport(
                        entries: entries, lastHash: previous?.hash,
                        firstBreak: .init(entryId: id, problem: "its content no longer matches its hash: it was changed after it was written"))
                }
                previous = (id, hash)
            }
            if rows.count < pageSize { break }
        }
        let head = try await client.query("SELECT last_id, last_hash FROM audit_log_head")
        let headId = try head.first?.decode(Int?.self, "last_id")
        let headHash = try head.first?.decode(String.self, "last_hash")
        if let headId, headId != previous?.id || headHash != previous?.hash {
            let end = previous.map { "the log ends at entry \($0.id)" } ?? "the log is empty"
            return AuditChainReport(
                entries: entries, lastHash: previous?.hash,
                firstBreak: .init(entryId: headId, problem: "the chain's head is entry \(headId), but \(end): entries at its end were deleted"))
        }
        return AuditChainReport(entries: entries, lastHash: previous?.hash, firstBreak: nil)
    }

    private static func linkProblem(_ previousHash: String, after previous: (id: Int, hash: String)?) -> String? {
        guard let previous else {
            return previousHash == genesisHash
                ? nil : "it is the first entry, but its previous hash is not the genesis hash (64 zeros): entries before it were deleted"
        }
        guard previousHash != previous.hash else { return nil }
        return "its previous hash is not the hash of entry \(previous.id): an entry between them was deleted, "
            + "or entry \(previous.id) was rewritten"
    }

    /// The documented content bytes: each field `<UTF-8 byte count>:<text>`, or `-` when NULL.
    static func content(of row: PostgresRow) throws -> [UInt8] {
        let fields = ["id_text", "at_text", "actor", "token_id", "action", "parameters", "client_address", "outcome", "status", "request_id"]
        var bytes: [UInt8] = []
        for field in fields {
            guard let text = try row.decode(String?.self, field) else {
                bytes.append(UInt8(ascii: "-"))
                continue
            }
            bytes += Array("\(text.utf8.count):".utf8) + Array(text.utf8)
        }
        return bytes
    }

    /// Hex SHA-256 of the previous hash's 32 bytes followed by the content bytes.
    static func chainHash(previous: String, content: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: bytes(ofHex: previous))
        hasher.update(data: content)
        return FileDigest.hex(hasher.finalize())
    }

    private static func bytes(ofHex hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count - 1, by: 2).map { index in
            UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) ?? 0
        }
    }
}
