import AllotAPI
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import OpenAPIHummingbird
import OpenAPIRuntime

/// The operations of the generated code, collected as it registers them and then registered on the router, and the
/// hand-written routes next to them (``DocumentRoute``): the one list of routes there is. Authorization is checked
/// against it at start-up (``RoutePolicy``), and 405 answers are the one place a path is matched outside the router.
struct GeneratedRoutes: Sendable {
    typealias Handler = @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)

    private struct Registration: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var handler: Handler
    }

    /// Collects the generated code's registrations (it registers through a `ServerTransport`).
    private final class Collector: ServerTransport, Sendable {
        let registrations = NIOLockedValueBox<[Registration]>([])

        func register(_ handler: @escaping Handler, method: HTTPRequest.Method, path: String) throws {
            registrations.withLockedValue { $0.append(Registration(method: method, path: path, handler: handler)) }
        }
    }

    private let registrations: [Registration]
    /// Every route served: the generated ones, then the hand-written ones.
    let keys: [RouteKey]

    /// Collects the operations `api` serves.
    ///
    /// - Parameter handWritten: the routes registered by hand next to the generated ones.
    /// - Throws: ``RouteError`` when a route has no endpoint group in ``RoutePolicy`` or the policy names a route
    ///   that is not served.
    init(_ api: some APIProtocol, handWritten: [RouteKey]) throws {
        let collector = Collector()
        try api.registerHandlers(on: collector)
        registrations = collector.registrations.withLockedValue { $0 }
        keys = registrations.map { RouteKey($0.method, $0.path) } + handWritten
        let served = Set(keys)
        let unruled = served.subtracting(RoutePolicy.groups.keys)
        let unserved = Set(RoutePolicy.groups.keys).subtracting(served)
        guard unruled.isEmpty, unserved.isEmpty else {
            throw RouteError(
                description: "routes without an endpoint group: \(unruled.map(\.description).sorted()); "
                    + "groups of routes not served: \(unserved.map(\.description).sorted())")
        }
    }

    /// Registers every generated operation on the router (after its middlewares, so that they wrap every route).
    ///
    /// The generated code writes header values as URI components, so `Location: /v1/ingests/…` would go out as
    /// `%2Fv1%2Fingests%2F…`; each handler's `Location` is decoded back here.
    func register(on router: Router<AppRequestContext>) {
        for registration in registrations {
            let handler = registration.handler
            router.register(
                { request, body, metadata in
                    var (response, responseBody) = try await handler(request, body, metadata)
                    if let location = response.headerFields[.location] {
                        response.headerFields[.location] = location.removingPercentEncoding ?? location
                    }
                    return (response, responseBody)
                }, method: registration.method, path: registration.path)
        }
    }

    /// The methods of the routes whose template a path fills in, as the router splits paths (empty segments
    /// dropped): the `Allow` of a 405. Empty for a path no route has.
    func methods(path: String) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/")
        return keys.filter { route in
            let segments = route.template.split(separator: "/")
            return segments.count == parts.count
                && zip(segments, parts).allSatisfy { segment, part in segment.hasPrefix("{") || segment == part }
        }.map(\.method)
    }
}

/// The generated routes and ``RoutePolicy`` disagree: a programming error, reported at start-up.
struct RouteError: Error, CustomStringConvertible {
    var description: String
}
