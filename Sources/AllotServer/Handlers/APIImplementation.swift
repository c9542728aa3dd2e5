import AllotAPI
import AllotCore
import AllotStore
import Foundation
import Logging
import Postgres

/// The handlers of the operations of `schemas/openapi.yaml` (the generated `APIProtocol`), one extension file per
/// resource group: operations, deliveries, inventory, business units, config, audit, allocations, ledger, invoices
/// (close and adjustments), reconciliation.
///
/// Handlers call the same library code as the CLI. Errors are thrown (``APIProblem``, or library errors that
/// ``APIProblem/init(mapping:)`` maps) and answered by ``ProblemMiddleware``; access was checked by
/// ``AuthorizationMiddleware`` before a handler runs, and scoped roles are narrowed here.
struct APIImplementation: APIProtocol {
    let client: PostgresClient
    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let ingests: IngestJobs
    let spool: UploadSpool
    let importRoot: ImportRoot?
    let logger: Logger

    /// The context of the request being handled.
    var context: AppRequestContext {
        get throws {
            guard let context = AppRequestContext.current else {
                throw APIProblem.internalError
            }
            return context
        }
    }

    /// The authenticated caller (every route outside the operations group has one).
    var principal: Principal {
        get throws {
            guard let principal = try context.facts.principal else { throw APIProblem.internalError }
            return principal
        }
    }

    /// The billing period the server's clock is in (UTC).
    static var currentPeriod: BillingPeriod {
        BillingPeriod(containing: Timestamp(microsecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1_000_000)))
    }

    /// A `YYYY-MM` parameter.
    static func period(_ text: String, field: String) throws -> BillingPeriod {
        guard text.utf8.count == 7, let period = try? BillingPeriod(parsing: text) else {
            throw APIProblem.badRequest("\(field) must be a billing period YYYY-MM", field: field)
        }
        return period
    }

    /// An organization id parameter (`[a-z0-9][a-z0-9_.-]{0,62}`).
    static func organizationID(_ text: String, field: String = "org") throws -> String {
        let bytes = Array(text.utf8)
        func allowed(_ byte: UInt8, first: Bool) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (!first && (byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")))
        }
        guard (1...63).contains(bytes.count), bytes.enumerated().allSatisfy({ allowed($1, first: $0 == 0) }) else {
            throw APIProblem.badRequest("\(field) must be an organization id ([a-z0-9][a-z0-9_.-]{0,62})", field: field)
        }
        return text
    }
}
