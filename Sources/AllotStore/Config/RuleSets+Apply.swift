import AllotCore
import Crypto
import Logging
import Postgres

extension RuleSets {
    /// Validates `configuration` and stores it as a new rule-set version effective from `effectiveFrom`, with
    /// the registry brought in step — all in one transaction, serialised with other applies by an advisory
    /// lock. A dry run does every check and computes the same result, but stores nothing.
    ///
    /// - Parameters:
    ///   - configuration: the decoded document (YAML through ``ConfigurationFormat/load(_:)``, or JSON).
    ///   - sourceText: the document as given, stored beside the canonical one; its SHA-256 identifies it.
    ///   - effectiveFrom: the first period the version applies to. Default: every period (``beginning``) for
    ///     the first version; the current month (UTC, the database's clock) for later ones, so that an apply
    ///     never silently restates closed months — pass an earlier period to do that on purpose.
    ///   - appliedBy: who applies (a user name, a token's name).
    ///   - note: a free-text note shown in `allot rules history`.
    /// - Throws: ``ConfigurationError`` (`invalid`) listing every issue; ``RuleSetError``
    ///   (`organizationConflict`) when the document's organizations contradict registered ones.
    public func apply(
        _ configuration: AllotConfiguration, sourceText: String, effectiveFrom: BillingPeriod? = nil, dryRun: Bool = false,
        appliedBy: String, note: String? = nil
    ) async throws -> ApplyResult {
        try configuration.validate()
        let document = configuration.canonicalized()
        let sha256 = SHA256.hash(data: Array(sourceText.utf8)).map { byte in
            (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
        if dryRun {
            return try await client.withConnection { connection in
                let plan = try await plan(document, sha256: sha256, effectiveFrom: effectiveFrom, on: connection)
                // What the real apply would answer: nothing to store when the file is the version in force.
                if plan.isUnchanged, let newest = plan.newest { return plan.result(.unchanged, version: newest) }
                return plan.result(.dryRun, version: nil)
            }
        }
        return try await client.withAdvisoryLock(key: Self.lockKey) { connection in
            try await connection.withTransaction { connection in
                let plan = try await plan(document, sha256: sha256, effectiveFrom: effectiveFrom, on: connection)
                if plan.isUnchanged, let newest = plan.newest {
                    return plan.result(.unchanged, version: newest)
                }
                let version = try await write(plan, sourceText: sourceText, appliedBy: appliedBy, note: note, on: connection)
                logger.info(
                    "applied rule set",
                    metadata: [
                        "version": "\(version)", "effective_from": "\(Self.label(plan.effectiveFrom))",
                        "changes": "\(plan.diff.changes.count)", "applied_by": "\(appliedBy)",
                    ])
                return plan.result(.applied, version: version)
            }
        }
    }

    /// Everything an apply decides before writing; a dry run stops here.
    struct ApplyPlan: Sendable {
        var configuration: AllotConfiguration
        var sha256: String
        var effectiveFrom: BillingPeriod
        /// The version in force at `effectiveFrom` before this apply.
        var base: RuleSetVersion?
        /// The newest version before this apply.
        var newest: Int?
        var newestSHA256: String?
        var diff: ConfigurationDiff
        var warnings: [String]
        var memberships: [DeclaredMembership]

        /// The same text is the newest version and already in force from the effective period.
        var isUnchanged: Bool {
            newest != nil && newestSHA256 == sha256 && base?.version == newest
        }

        func result(_ status: ApplyResult.Status, version: Int?) -> ApplyResult {
            ApplyResult(
                status: status, version: version, effectiveFrom: effectiveFrom, baseVersion: base?.version,
                diff: status == .unchanged ? ConfigurationDiff(changes: []) : diff, warnings: warnings, sha256: sha256)
        }
    }

    private func plan(
        _ configuration: AllotConfiguration, sha256: String, effectiveFrom: BillingPeriod?, on connection: PostgresConnection
    ) async throws -> ApplyPlan {
        let newest = try await connection.query("SELECT version, sha256 FROM rule_sets ORDER BY version DESC LIMIT 1").first
        let newestVersion = try newest?.decode(Int.self, "version")
        let period: BillingPeriod
        if let effectiveFrom {
            period = effectiveFrom
        } else if newestVersion == nil {
            period = Self.beginning
        } else {
            period = try await Self.currentPeriod(on: connection)
        }
        let base = try await Self.inForce(period: period, on: connection)
        let registry = try await Self.checkOrganizations(configuration, on: connection)
        let memberships = DeclaredMembership.all(in: configuration)
        let contradictions = try await Self.contradictions(memberships, on: connection)
        return ApplyPlan(
            configuration: configuration, sha256: sha256, effectiveFrom: period, base: base, newest: newestVersion,
            newestSHA256: try newest?.decode(String.self, "sha256"),
            diff: ConfigurationDiff(from: base?.configuration, to: configuration),
            warnings: contradictions + registry.warnings, memberships: memberships)
    }

    private func write(
        _ plan: ApplyPlan, sourceText: String, appliedBy: String, note: String?, on connection: PostgresConnection
    ) async throws -> Int {
        let version = try await connection.query(
            """
            INSERT INTO rule_sets (effective_from, document, source_text, sha256, applied_by, note)
            VALUES ($1::date, $2, $3, $4, $5, $6)
            RETURNING version
            """,
            [plan.effectiveFrom, PostgresJSON(try ConfigurationText.canonicalJSON(plan.configuration)), sourceText,
             plan.sha256, appliedBy, note]
        ).singleValue(Int.self)
        try await Self.writeOrganizations(plan.configuration, on: connection)
        try await Self.writeAccounts(plan.configuration, on: connection)
        try await Self.writeBusinessUnits(plan.configuration, version: version, on: connection)
        try await Self.writeMemberships(plan.memberships, version: version, on: connection)
        return version
    }

    /// The month the database's clock is in (UTC).
    static func currentPeriod(on connection: PostgresConnection) async throws -> BillingPeriod {
        let text = try await connection.query("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM') AS period").singleValue(String.self)
        return try BillingPeriod(parsing: text)
    }

    /// The advisory lock every apply holds (FNV-1a of a fixed name, like the ingest locks).
    static let lockKey = advisoryLockKey("allot-rule-sets", "apply")
}
