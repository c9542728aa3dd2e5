import AllotStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import Postgres
import ServiceLifecycle

/// The ingests started through the API. Each runs in a task of its own, so that a request can answer 202 and let
/// it go on; on graceful shutdown this service waits for the running ones (within the service group's bound)
/// before the pool closes.
///
/// Finished ingests are kept for an hour (at most the last 1000) for `GET /v1/ingests/{id}`; the deliveries
/// themselves are in the database for good.
public final class IngestJobs: Service, Sendable {
    private let client: PostgresClient
    private let logger: Logger
    private let metrics: ServerMetrics
    private let jobs = NIOLockedValueBox<[UUID: IngestJob]>([:])

    private static let retention: TimeInterval = 3600
    private static let maximumKept = 1000

    public init(client: PostgresClient, metrics: ServerMetrics, logger: Logger) {
        self.client = client
        self.metrics = metrics
        self.logger = logger
    }

    /// Starts an ingest through ``DeliveryIngest``; `upload` (its spool file) is removed when it ends.
    ///
    /// - Parameter redacting: prefixes of server paths to take out of error messages.
    func start(_ request: IngestRequest, upload: SpooledUpload?, redacting: [String], logger: Logger) -> IngestJob {
        let job = IngestJob()
        jobs.withLockedValue { jobs in
            Self.prune(&jobs)
            jobs[job.id] = job
        }
        var logger = logger
        logger[metadataKey: "ingest.id"] = "\(job.id)"
        let client = self.client
        let metrics = self.metrics
        Task { [logger] in
            let started = ContinuousClock.now
            let result: Result<IngestOutcome, APIProblem>
            do {
                let outcome = try await DeliveryIngest(client: client, logger: logger).ingest(request)
                metrics.recordIngest(
                    outcome: outcome.status, rows: outcome.isUnchanged ? 0 : outcome.delivery.rowCount ?? 0,
                    duration: ContinuousClock.now - started)
                result = .success(outcome)
            } catch {
                metrics.recordIngest(outcome: "failed", rows: 0, duration: ContinuousClock.now - started)
                result = .failure(Self.problem(error, redacting: redacting, logger: logger))
            }
            upload?.remove()
            job.finish(result)
        }
        return job
    }

    /// A job started in the last hour.
    func job(id: UUID) -> IngestJob? {
        jobs.withLockedValue { $0[id] }
    }

    /// Waits for graceful shutdown, then for the running ingests to finish.
    public func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return
        }
        let running = jobs.withLockedValue { $0.values.filter { !$0.isFinished } }
        if !running.isEmpty {
            logger.info("waiting for running ingests", metadata: ["count": "\(running.count)"])
        }
        for job in running { await job.completion.wait() }
    }

    private static func problem(_ error: any Error, redacting: [String], logger: Logger) -> APIProblem {
        if let error = error as? IngestError {
            return APIProblem(ingest: error, redacting: redacting)
        }
        if let problem = APIProblem(mapping: error) { return problem }
        logger.error("ingest failed", metadata: ["error": "\(String(reflecting: error))"])
        return .internalError
    }

    private static func prune(_ jobs: inout [UUID: IngestJob]) {
        let cutoff = Date().addingTimeInterval(-retention)
        jobs = jobs.filter { _, job in
            guard let finished = job.snapshot.finishedAt else { return true }
            return finished > cutoff
        }
        if jobs.count > maximumKept {
            let finished = jobs.values.compactMap { job in job.snapshot.finishedAt.map { (job.id, $0) } }.sorted { $0.1 < $1.1 }
            for (id, _) in finished.prefix(jobs.count - maximumKept) { jobs.removeValue(forKey: id) }
        }
    }
}
