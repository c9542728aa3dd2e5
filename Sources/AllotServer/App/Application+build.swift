import AllotAPI
import AllotStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import OpenAPIHummingbird
import Postgres
import ServiceLifecycle

/// The Allot HTTP application.
public typealias AllotApplication = Application<RouterResponder<AppRequestContext>>

/// Builds the Allot HTTP application: the routes generated from `schemas/openapi.yaml`, served by
/// ``APIImplementation``, behind the middlewares (outermost first) that observe, answer errors as problems,
/// authorize, audit, read documents, and send what handlers want verbatim.
///
/// The application runs ``IngestJobs`` as a service of its own; the database pool is the caller's (`allot serve`
/// runs it in the same service group, after the application, so that it closes last).
///
/// ```swift
/// let app = try buildApplication(configuration: .init(port: 8080), client: client, logger: logger)
/// try await ServiceGroup(configuration: .init(services: [PostgresClientService(client), app], …)).run()
/// ```
///
/// - Parameters:
///   - metrics: the registry `/metrics` exposes; a fresh one by default.
///   - onServerRunning: called with the bound address once the server listens (port 0 picks a free port).
/// - Throws: when the import root is not a directory or the spool directory cannot be created.
public func buildApplication(
    configuration: ServerConfiguration,
    client: PostgresClient,
    metrics: ServerMetrics = ServerMetrics(),
    logger: Logger,
    onServerRunning: @escaping @Sendable (SocketAddress?) async -> Void = { _ in }
) throws -> AllotApplication {
    let importRoot = try configuration.importRoot.map(ImportRoot.init)
    try FileManager.default.createDirectory(atPath: configuration.spoolDirectory, withIntermediateDirectories: true)
    let ingests = IngestJobs(client: client, metrics: metrics, logger: logger)
    let finalInvoices = FinalInvoiceCache()
    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        RequestObservationMiddleware(metrics: metrics)
        ProblemMiddleware()
        AuthorizationMiddleware(
            authenticator: TokenAuthenticator(
                tokens: APITokens(client: client, logger: logger), cacheTime: configuration.tokenCacheTime))
        AuditMiddleware(auditLog: AuditLog(client: client))
        DocumentBodyMiddleware(maxBytes: configuration.maxDocumentBytes)
        IssuedInvoiceMiddleware(cache: finalInvoices)
        ResponseOverrideMiddleware()
        OpenAPIContextMiddleware()
    }
    let api = APIImplementation(
        client: client, configuration: configuration, metrics: metrics, ingests: ingests,
        spool: UploadSpool(directory: configuration.spoolDirectory, maxBytes: configuration.maxUploadBytes),
        importRoot: importRoot, finalInvoices: finalInvoices, logger: logger)
    try api.registerHandlers(on: router)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName),
        services: [ingests],
        onServerRunning: { channel in await onServerRunning(channel.localAddress) },
        logger: logger)
}
