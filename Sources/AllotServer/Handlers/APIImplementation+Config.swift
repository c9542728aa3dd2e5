import AllotAPI
import AllotCore
import AllotStore
import Foundation
import NIOCore
import OpenAPIRuntime

/// `GET /v1/config`, `POST /v1/config`, `GET /v1/config/versions`: the versioned rule sets, through the same
/// ``RuleSets`` calls as `allot apply` and `allot rules`.
extension APIImplementation {
    func getConfig(_ input: Operations.GetConfig.Input) async throws -> Operations.GetConfig.Output {
        let period = try input.query.period.map { try Self.period($0, field: "period") } ?? Self.currentPeriod
        guard let ruleSet = try await RuleSets(client: client, logger: logger).inForce(period: period) else {
            throw APIProblem.notFound("no rule set is in force for \(period); apply a configuration first")
        }
        let text = try ConfigurationText.json(ruleSet.configuration)
        let document = try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(text.utf8))
        let summary = ruleSet.summary
        return .ok(
            .init(
                body: .json(
                    .init(
                        version: summary.version, effectiveFrom: RuleSets.label(summary.effectiveFrom), sha256: summary.sha256,
                        appliedBy: summary.appliedBy, appliedAt: Self.date(summary.appliedAt), note: summary.note,
                        document: document))))
    }

    func applyConfig(_ input: Operations.ApplyConfig.Input) async throws -> Operations.ApplyConfig.Output {
        let context = try context
        let principal = try principal
        let effectiveFrom = try input.query.effectiveFrom.map { text -> BillingPeriod in
            text == "beginning" ? RuleSets.beginning : try Self.period(text, field: "effective-from")
        }
        if let note = input.query.note, note.count > 500 {
            throw APIProblem.badRequest("note is longer than 500 characters", field: "note")
        }
        let format: ConfigurationFormat
        switch input.body {
        case .yaml:
            format = .yaml
        case .json:
            format = .json
        }
        // DocumentBodyMiddleware kept the body exactly as sent: it is what is stored and hashed, and what the lines
        // of the problems refer to.
        guard let buffer = context.documentBody else { throw APIProblem.internalError }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw APIProblem.badRequest("the document is not UTF-8 text")
        }
        let configuration = try format.load(text)
        let result = try await RuleSets(client: client, logger: logger).apply(
            configuration, sourceText: text, effectiveFrom: effectiveFrom, dryRun: input.query.dryRun ?? false,
            appliedBy: principal.actor, note: input.query.note)
        if let version = result.version { context.facts.audit("version", String(version)) }
        context.facts.audit("result", result.status.description)
        let body = Components.Schemas.ApplyResult(
            status: result.status == .applied ? .applied : result.status == .dryRun ? .dryRun : .unchanged,
            version: result.version, effectiveFrom: RuleSets.label(result.effectiveFrom), baseVersion: result.baseVersion,
            changes: result.diff.changes.map(\.description), warnings: result.warnings, sha256: result.sha256)
        return result.status == .applied ? .created(.init(body: .json(body))) : .ok(.init(body: .json(body)))
    }

    func listConfigVersions(_ input: Operations.ListConfigVersions.Input) async throws -> Operations.ListConfigVersions.Output {
        let paging = try Paging(limit: input.query.limit, cursor: input.query.cursor)
        let before = try paging.afterInteger()
        let versions = try await RuleSets(client: client, logger: logger).history()
            .filter { before == nil || $0.version < before ?? 0 }
            .sorted { $0.version > $1.version }
            .prefix(paging.limit + 1)
        let (page, cursor) = paging.nextCursor(Array(versions)) { String($0.version) }
        let items = page.map {
            Components.Schemas.RuleSetVersion(
                version: $0.version, effectiveFrom: RuleSets.label($0.effectiveFrom), sha256: $0.sha256, appliedBy: $0.appliedBy,
                appliedAt: Self.date($0.appliedAt), note: $0.note)
        }
        return .ok(.init(body: .json(.init(items: items, nextCursor: cursor))))
    }

    static func date(_ timestamp: Timestamp) -> Date {
        Date(timeIntervalSince1970: Double(timestamp.microsecondsSinceEpoch) / 1_000_000)
    }
}
