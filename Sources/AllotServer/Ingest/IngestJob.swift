import AllotStore
import Foundation
import NIOConcurrencyHelpers

/// One ingest started by `POST /v1/deliveries`: running, or finished with an outcome or a problem.
final class IngestJob: Sendable {
    /// What `GET /v1/ingests/{id}` shows.
    struct Snapshot: Sendable {
        var id: UUID
        var startedAt: Date
        var finishedAt: Date?
        /// Nil while running.
        var result: Result<IngestOutcome, APIProblem>?
    }

    let id: UUID
    let startedAt: Date
    /// Signalled when the ingest has finished.
    let completion = CompletionSignal()
    private let state = NIOLockedValueBox<(finishedAt: Date?, result: Result<IngestOutcome, APIProblem>?)>((nil, nil))

    init(id: UUID = UUID(), startedAt: Date = Date()) {
        self.id = id
        self.startedAt = startedAt
    }

    var snapshot: Snapshot {
        let (finishedAt, result) = state.withLockedValue { $0 }
        return Snapshot(id: id, startedAt: startedAt, finishedAt: finishedAt, result: result)
    }

    var isFinished: Bool { completion.isSignalled }

    func finish(_ result: Result<IngestOutcome, APIProblem>) {
        state.withLockedValue { $0 = (Date(), result) }
        completion.signal()
    }
}
