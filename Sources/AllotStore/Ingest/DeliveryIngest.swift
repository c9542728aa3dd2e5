import AllotCUR
import AllotCore
import Foundation
import Logging
import Postgres

/// Loads one CUR delivery into `line_items`, replacing the (organization, billing period) it covers.
///
/// The library call behind `allot ingest` and `POST /v1/deliveries`. The delivery is read, checked and
/// copied into a table of its own inside one transaction, then swapped in; a failure at any point —
/// an unparsable value, a foreign payer, a row outside the period, a killed process — leaves the
/// previous data as it was. Ingests of one (organization, period) serialise on an advisory lock;
/// identical content is recognised and not loaded twice. Errors are ``IngestError``s (database errors
/// included, without their SQL) or the reader's.
public struct DeliveryIngest: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func ingest(
        _ request: IngestRequest, progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) async throws -> IngestOutcome {
        do {
            return try await ingestDelivery(request, progress: progress)
        } catch {
            throw IngestError.presentable(error)
        }
    }

    private func ingestDelivery(
        _ request: IngestRequest, progress: (@Sendable (IngestProgress) -> Void)?
    ) async throws -> IngestOutcome {
        let started = ContinuousClock.now
        let (delivery, digests) = try await Blocking.run { () throws -> (CURDelivery, [String]) in
            let delivery = try Self.resolve(request.paths)
            let digests = try delivery.files.map { try FileDigest.sha256(path: $0.path) }
            try Self.refuseRepeatedFiles(delivery.files, digests: digests)
            return (delivery, digests)
        }
        var (reader, firstBatch) = try await Self.start(delivery)
        let period = delivery.billingPeriod ?? firstBatch[0].billingPeriod
        let organization: OrganizationRecord
        switch try await resolveOrganization(request, firstItem: firstBatch[0]) {
        case .registered(let record):
            organization = record
        case .unregistered(let id, let name, let payer):
            // Read the whole delivery before registering anything, so that a refused delivery leaves no
            // organization behind; then read it again to load it.
            let check = IngestStream(
                reader: reader, firstBatch: firstBatch, period: period,
                context: LineItemRow.Context(organization: id, period: period, delivery: 0, payerAccountId: payer),
                encoding: false)
            try await Blocking.run {
                try check.checkAll()
                if let problem = check.problem(organization: id) { throw problem }
            }
            organization = try await OrganizationRecord.create(id: id, name: name, payerAccountId: payer, client)
            (reader, firstBatch) = try await Self.start(delivery)
        }
        try await LineItemPartitions.ensure(organization: organization, period: period, client: client)
        let content = FileDigest.combined(digests)
        let files = zip(reader.delivery.files, digests).map { DeliveryFile(path: $0.path, size: $0.size, sha256: $1) }

        let load = PreparedLoad(
            reader: reader, firstBatch: firstBatch, organization: organization, period: period, content: content,
            files: files, started: started, progress: progress)
        return try await withIngestLock(organization: organization, period: period, wait: request.wait) { connection in
            try await ingestLocked(load, on: connection)
        }
    }

    /// Everything known about a delivery before its lock is taken.
    struct PreparedLoad: Sendable {
        var reader: CURReader
        var firstBatch: [LineItem]
        var organization: OrganizationRecord
        var period: BillingPeriod
        var content: String
        var files: [DeliveryFile]
        var started: ContinuousClock.Instant
        var progress: (@Sendable (IngestProgress) -> Void)?
    }

    private func ingestLocked(_ load: PreparedLoad, on connection: PostgresConnection) async throws -> IngestOutcome {
        let organization = load.organization
        let period = load.period
        try await Self.markInterrupted(organization: organization.id, period: period, on: connection)
        if let current = try await Self.current(organization: organization.id, period: period, on: connection),
            current.contentSHA256 == load.content
        {
            return IngestOutcome(status: "unchanged", delivery: current, reconciliation: nil, seconds: nil)
        }
        let deliveryId = try await Self.register(
            organization: organization.id, period: period, delivery: load.reader.delivery, content: load.content,
            files: load.files, on: connection)
        let context = LineItemRow.Context(
            organization: organization.id, period: period, delivery: deliveryId, payerAccountId: organization.payerAccountId)
        let stream = IngestStream(reader: load.reader, firstBatch: load.firstBatch, period: period, context: context)
        do {
            let record = try await self.load(
                stream, organization: organization, deliveryId: deliveryId, on: connection,
                progress: Self.readProgress(load.progress, started: load.started))
            let elapsed = ContinuousClock.now - load.started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            logger.info(
                "ingested delivery",
                metadata: [
                    "delivery": "\(deliveryId)", "org": "\(organization.id)", "period": "\(period)",
                    "rows": "\(record.rowCount ?? 0)", "seconds": "\(seconds)",
                ])
            return IngestOutcome(
                status: "ingested", delivery: record, reconciliation: DeliveryReconciliation(stream.totals), seconds: seconds)
        } catch {
            let shown = IngestError.presentable(error)
            try? await connection.execute(
                "UPDATE cur_deliveries SET status = 'failed', error = $2, finished_at = now() WHERE id = $1",
                [deliveryId, "\(shown)"])
            throw shown
        }
    }

    private static func readProgress(
        _ report: (@Sendable (IngestProgress) -> Void)?, started: ContinuousClock.Instant
    ) -> (@Sendable (CURReadProgress) -> Void)? {
        guard let report else { return nil }
        return { read in
            report(IngestProgress(
                bytesRead: read.bytesRead, totalBytes: read.totalBytes, rows: read.rows,
                elapsed: ContinuousClock.now - started))
        }
    }

    /// Refuses a delivery that names one file twice — the same path, a link to it, or a copy of it (the same
    /// SHA-256) — whose rows would otherwise count twice.
    static func refuseRepeatedFiles(_ files: [CURDelivery.File], digests: [String]) throws {
        var firstWithDigest: [String: String] = [:]
        for (file, digest) in zip(files, digests) {
            guard let first = firstWithDigest[digest] else {
                firstWithDigest[digest] = file.path
                continue
            }
            let resolved = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
            let what =
                first == file.path
                ? "is named twice"
                : resolved(first) == resolved(file.path)
                    ? "is the same file as \(first)" : "has the same content as \(first) (SHA-256 \(digest))"
            throw IngestError(.duplicateFiles, "\(file.path) \(what); a delivery names each file once")
        }
    }

    static func resolve(_ paths: [String]) throws -> CURDelivery {
        try read { try CURDelivery.resolve(paths) }
    }

    /// Opens the delivery and reads its first batch (which names the payer and the period).
    static func start(_ delivery: CURDelivery) async throws -> (CURReader, [LineItem]) {
        try await Blocking.run {
            let reader = try read { try CURReader(delivery: delivery) }
            guard let first = try read({ try reader.nextBatch(maxRows: IngestStream.batchRows) }), !first.isEmpty else {
                throw IngestError(.noRows, "the delivery has no rows")
            }
            return (reader, first)
        }
    }

    /// Runs a reader call, turning its error into an ingest error with the same message.
    static func read<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let error as CURReadError {
            throw IngestError(.unreadable, error.description)
        }
    }
}

/// One file of a delivery, as recorded in `cur_deliveries.files`.
struct DeliveryFile: Sendable, Codable {
    var path: String
    var size: Int64
    var sha256: String
}
