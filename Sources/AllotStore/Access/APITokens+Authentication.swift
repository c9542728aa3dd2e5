import Postgres

extension APITokens {
    /// The active token whose secret hashes to `sha256`; nil for an unknown or revoked token.
    public func authenticate(sha256: String) async throws -> APITokenRecord? {
        try await client.query(
            "SELECT \(APITokenRecord.columns) FROM api_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL", [sha256]
        ).first.map(APITokenRecord.init(row:))
    }

    /// Records that the token was used now, unless that was already recorded in the last minute (callers also
    /// call this at most once a minute per token, so authentication stays a read).
    public func recordUse(tokenId: Int) async throws {
        try await client.execute(
            """
            UPDATE api_tokens SET last_used_at = now()
            WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
            """, [tokenId])
    }
}
