import AllotAPI
import AllotCore
import AllotStore
import Foundation
import HTTPTypes

/// Deliveries and ingests as the OpenAPI document spells them.
extension APIImplementation {
    static func schema(_ record: DeliveryRecord) throws -> Components.Schemas.Delivery {
        guard let status = Components.Schemas.Delivery.StatusPayload(rawValue: record.status) else {
            throw APIProblem.internalError
        }
        return Components.Schemas.Delivery(
            id: Int64(record.id), orgId: record.organization, billingPeriod: record.billingPeriod, format: record.format,
            assemblyId: record.assemblyId, contentSha256: record.contentSHA256, status: status,
            rowCount: record.rowCount.map(Int64.init), unblendedTotal: record.unblendedTotal?.description,
            amortizedTotal: record.amortizedTotal?.description, netUnblendedTotal: record.netUnblendedTotal?.description,
            netAmortizedTotal: record.netAmortizedTotal?.description, supersedes: record.supersedes.map(Int64.init),
            supersededBy: record.supersededBy.map(Int64.init), error: record.error, startedAt: try date(record.startedAt),
            finishedAt: try record.finishedAt.map(date))
    }

    static func schema(_ outcome: IngestOutcome) throws -> Components.Schemas.IngestResult {
        func lines(_ lines: [DeliveryReconciliation.Line]) -> [Components.Schemas.ReconciliationLine] {
            lines.map {
                .init(
                    key: $0.key, rows: Int64($0.rows), unblended: $0.unblended.description, amortized: $0.amortized.description,
                    netUnblended: $0.netUnblended.description, netAmortized: $0.netAmortized.description)
            }
        }
        let reconciliation = outcome.reconciliation.map {
            Components.Schemas.Reconciliation(
                byLineItemType: lines($0.byLineItemType), byAccount: lines($0.byAccount), byInvoice: lines($0.byInvoice))
        }
        return Components.Schemas.IngestResult(
            status: outcome.isUnchanged ? .unchanged : .ingested, delivery: try schema(outcome.delivery),
            reconciliation: reconciliation, seconds: outcome.seconds)
    }

    static func schema(_ snapshot: IngestJob.Snapshot) throws -> Components.Schemas.Ingest {
        let id = snapshot.id.uuidString.lowercased()
        switch snapshot.result {
        case nil:
            return .init(id: id, status: .running, startedAt: snapshot.startedAt)
        case .success(let outcome):
            return .init(
                id: id, status: outcome.isUnchanged ? .unchanged : .ingested, startedAt: snapshot.startedAt,
                finishedAt: snapshot.finishedAt, result: try schema(outcome))
        case .failure(let problem):
            let body = Components.Schemas.Problem(
                _type: problem.type, title: problem.title, status: problem.status.code, detail: problem.detail,
                errors: problem.errors.isEmpty ? nil : problem.errors.map { .init(path: $0.path, message: $0.message, line: $0.line) })
            return .init(id: id, status: .failed, startedAt: snapshot.startedAt, finishedAt: snapshot.finishedAt, problem: body)
        }
    }

    /// `2026-07-01T10:00:00Z` as the database renders it.
    static func date(_ text: String) throws -> Date {
        let timestamp = try Timestamp(parsing: text)
        return Date(timeIntervalSince1970: Double(timestamp.microsecondsSinceEpoch) / 1_000_000)
    }
}
