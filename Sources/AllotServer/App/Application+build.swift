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
/// ``APIImplementation``, and the hand-written ``DocumentRoute``, behind the middlewares (outermost first) that
/// observe, answer errors as problems, audit, authorize, and read JSON and YAML bodies. Every middleware runs after the router
/// matched the request, and decides by the route it matched (``AppRequestContext/route(_:)``). Every log line goes
/// through ``RedactingLogHandler``.
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
/// - Throws: when the import root is not a directory, the spool directory cannot be created, or a generated route
///   has no access rule (``RoutePolicy``).
public func buildApplication(
    configuration: ServerConfiguration,
    client: PostgresClient,
    metrics: ServerMetrics = ServerMetrics(),
    logger: Logger,
    onServerRunning: @escaping @Sendable (SocketAddress?) async -> Void = { _ in }
) throws -> AllotApplication {
    var logger = logger
    logger.handler = RedactingLogHandler(logger.handler)
    let importRoot = try configuration.importRoot.map(ImportRoot.init)
    try FileManager.default.createDirectory(atPath: configuration.spoolDirectory, withIntermediateDirectories: true)
    let ingests = IngestJobs(client: client, metrics: metrics, logger: logger)
    let api = APIImplementation(
        client: client, configuration: configuration, metrics: metrics, ingests: ingests,
        spool: UploadSpool(directory: configuration.spoolDirectory, maxBytes: configuration.maxUploadBytes),
        importRoot: importRoot, logger: logger)
    let documents = DocumentRoute(client: client, finalInvoices: FinalInvoiceCache(), logger: logger)
    let routes = try GeneratedRoutes(api, handWritten: [DocumentRoute.key])
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        RequestObservationMiddleware(metrics: metrics)
        ProblemMiddleware(routes: routes)
        AuditMiddleware(auditLog: AuditLog(client: client))
        AuthorizationMiddleware(
            authenticator: TokenAuthenticator(
                tokens: APITokens(client: client, logger: logger), cacheTime: configuration.tokenCacheTime))
        DocumentBodyMiddleware(maxBytes: configuration.maxDocumentBytes)
        OpenAPIContextMiddleware()
    }
    routes.register(on: router)
    documents.register(on: router)
    return Application(
        router: router,
        server: .http1(
            configuration: .init(additionalChannelHandlers: [
                SlowClientGuard(headTimeout: configuration.requestHeadTimeout, minimumUploadRate: configuration.minimumUploadRate)
            ])),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName),
        services: [ingests],
        onServerRunning: { channel in await onServerRunning(channel.localAddress) },
        logger: logger)
}
