import AllotAPI
import AllotCore
import AllotStore
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// `POST /v1/deliveries`, `GET /v1/deliveries`, `GET /v1/deliveries/{id}`, `GET /v1/ingests/{id}`.
extension APIImplementation {
    func createDelivery(_ input: Operations.CreateDelivery.Input) async throws -> Operations.CreateDelivery.Output {
        let context = try context
        let organization = try input.query.org.map { try Self.organizationID($0) }
        let upload: SpooledUpload
        switch input.body {
        case .applicationGzip(let body):
            upload = try await spool.receive(body, compression: .gzip)
        case .csv(let body):
            upload = try await spool.receive(body, compression: .none)
        case .binary(let body):
            upload = try await spool.receive(body, compression: .detect)
        case .json(let request):
            guard let importRoot else {
                throw APIProblem.forbidden("this server imports no paths (it has no import root); upload the file instead")
            }
            context.facts.audit("path", String(request.path.prefix(500)))
            let path = try await importRoot.resolve(request.path)
            return try await ingest(
                paths: [path], upload: nil, organization: organization, input: input, redactions: [importRoot.redaction])
        }
        context.facts.audit("bytes", String(upload.size))
        return try await ingest(
            paths: [upload.path], upload: upload, organization: organization, input: input, redactions: [upload.redaction])
    }

    /// Starts the ingest and answers with its outcome, or 202 when it takes longer than the answer time.
    private func ingest(
        paths: [String], upload: SpooledUpload?, organization: String?, input: Operations.CreateDelivery.Input,
        redactions: [String]
    ) async throws -> Operations.CreateDelivery.Output {
        let context = try context
        let request = IngestRequest(
            paths: paths, organization: organization, createOrganization: input.query.createOrg ?? false,
            wait: input.query.wait ?? true)
        let job = ingests.start(request, upload: upload, redacting: redactions, logger: context.logger)
        context.facts.audit("ingest", job.id.uuidString.lowercased())
        guard await job.completion.wait(atMost: configuration.answerWithin) else {
            let location = "/v1/ingests/\(job.id.uuidString.lowercased())"
            return .accepted(.init(headers: .init(location: location), body: .json(try Self.schema(job.snapshot))))
        }
        switch job.snapshot.result {
        case .success(let outcome):
            context.facts.audit("delivery", String(outcome.delivery.id))
            context.facts.audit("org", outcome.delivery.organization)
            context.facts.audit("period", outcome.delivery.billingPeriod)
            let result = try Self.schema(outcome)
            return outcome.isUnchanged ? .ok(.init(body: .json(result))) : .created(.init(body: .json(result)))
        case .failure(let problem):
            throw problem
        case nil:
            throw APIProblem.internalError
        }
    }

    func listDeliveries(_ input: Operations.ListDeliveries.Input) async throws -> Operations.ListDeliveries.Output {
        let paging = try Paging(limit: input.query.limit, cursor: input.query.cursor)
        let organization = try input.query.org.map { try Self.organizationID($0) }
        let period = try input.query.period.map { try Self.period($0, field: "period") }
        let records = try await DeliveryRecord.page(
            organization: organization, period: period, before: try paging.afterInteger(), limit: paging.limit + 1, client)
        let (page, cursor) = paging.nextCursor(records) { String($0.id) }
        return .ok(.init(body: .json(.init(items: try page.map(Self.schema), nextCursor: cursor))))
    }

    func getDelivery(_ input: Operations.GetDelivery.Input) async throws -> Operations.GetDelivery.Output {
        guard input.path.id >= 1, let id = Int(exactly: input.path.id) else {
            throw APIProblem.badRequest("id must be a positive integer", field: "id")
        }
        guard let record = try await DeliveryRecord.find(id: id, client) else {
            throw APIProblem.notFound("no delivery \(id)")
        }
        return .ok(.init(body: .json(try Self.schema(record))))
    }

    func getIngest(_ input: Operations.GetIngest.Input) async throws -> Operations.GetIngest.Output {
        guard let id = UUID(uuidString: input.path.id) else {
            throw APIProblem.badRequest("id must be a UUID", field: "id")
        }
        guard let job = ingests.job(id: id) else {
            throw APIProblem.notFound("no ingest \(input.path.id) (finished ingests are kept for an hour)")
        }
        return .ok(.init(body: .json(try Self.schema(job.snapshot))))
    }
}
