import AllotStore
import Foundation
import Logging
import NIOConcurrencyHelpers

/// Turns a bearer token into a ``Principal``: hashes it, looks the hash up (cached for
/// ``ServerConfiguration/tokenCacheTime``), and records its use at most once a minute.
///
/// The token itself is never kept, logged or compared: only its SHA-256 is.
public final class TokenAuthenticator: Sendable {
    private struct Entry: Sendable {
        var principal: Principal
        var fetched: ContinuousClock.Instant
    }

    private struct State: Sendable {
        var entries: [String: Entry] = [:]
        /// When each token's use was last recorded, by token id.
        var useRecorded: [Int: ContinuousClock.Instant] = [:]
    }

    private let tokens: APITokens
    private let cacheTime: Duration
    private let state = NIOLockedValueBox(State())
    private static let useRecordInterval: Duration = .seconds(60)
    private static let maximumEntries = 10_000

    public init(tokens: APITokens, cacheTime: Duration) {
        self.tokens = tokens
        self.cacheTime = cacheTime
    }

    /// The principal of an `Authorization` header value.
    ///
    /// - Throws: ``APIProblem`` 401 for a missing, malformed, unknown or revoked token.
    public func authenticate(authorization: String?, logger: Logger) async throws -> Principal {
        guard let authorization, !authorization.isEmpty else {
            throw APIProblem.unauthorized("this endpoint needs a bearer token (Authorization: Bearer allot_…)")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIProblem.unauthorized("the Authorization header must be 'Bearer <token>'")
        }
        let secret = APITokenSecret(text: parts[1].trimmingCharacters(in: .whitespaces))
        guard secret.isWellFormed else { throw APIProblem.unauthorized("the token is not valid") }
        let hash = secret.sha256
        let now = ContinuousClock.now
        let principal: Principal
        if let cached = state.withLockedValue({ $0.entries[hash] }), now - cached.fetched < cacheTime {
            principal = cached.principal
        } else {
            guard let record = try await tokens.authenticate(sha256: hash) else {
                state.withLockedValue { _ = $0.entries.removeValue(forKey: hash) }
                throw APIProblem.unauthorized("the token is not valid")
            }
            principal = Principal(record)
            if cacheTime > .zero {
                state.withLockedValue { state in
                    if state.entries.count >= Self.maximumEntries { state.entries.removeAll() }
                    state.entries[hash] = Entry(principal: principal, fetched: now)
                }
            }
        }
        await recordUse(principal, now: now, logger: logger)
        return principal
    }

    private func recordUse(_ principal: Principal, now: ContinuousClock.Instant, logger: Logger) async {
        let due = state.withLockedValue { state -> Bool in
            if let last = state.useRecorded[principal.tokenId], now - last < Self.useRecordInterval { return false }
            state.useRecorded[principal.tokenId] = now
            return true
        }
        guard due else { return }
        do {
            try await tokens.recordUse(tokenId: principal.tokenId)
        } catch {
            // Not worth failing a request over; the next minute tries again.
            state.withLockedValue { _ = $0.useRecorded.removeValue(forKey: principal.tokenId) }
            logger.warning("could not record token use", metadata: ["token.name": "\(principal.name)", "error": "\(error)"])
        }
    }
}
