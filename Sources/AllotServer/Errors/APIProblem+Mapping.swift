import AllotCore
import AllotCUR
import AllotStore
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime
import Postgres

extension APIProblem {
    /// The problem an error stands for: the one place library errors become HTTP answers. Nil for an error that is
    /// not the client's doing (a bug, a database failure other than unavailability): that is a 500, logged with
    /// its correlation id and answered with nothing else.
    public init?(mapping error: any Error) {
        switch error {
        case let problem as APIProblem:
            self = problem
        case let error as ServerError:
            // The generated code wraps everything: a handler's error, or its own failure to parse the request.
            if let problem = APIProblem(mapping: error.underlyingError) {
                self = problem
            } else if let decoding = error.underlyingError as? DecodingError {
                self = APIProblem(decoding: decoding)
            } else if error.httpStatus.kind == .clientError {
                self = APIProblem(
                    error.httpStatus, kind: Self.kind(of: error.httpStatus), title: error.httpStatus.reasonPhrase,
                    detail: error.causeDescription)
            } else {
                return nil
            }
        case let error as HTTPError:
            guard error.status.kind == .clientError else { return nil }
            if error.status == .contentTooLarge {
                self = APIProblem(.contentTooLarge, kind: "too-large", title: "Body too large", detail: error.body)
            } else {
                self = APIProblem(error.status, kind: Self.kind(of: error.status), title: error.status.reasonPhrase, detail: error.body)
            }
        case let error as IngestError:
            self = APIProblem(ingest: error, redacting: [])
        case let error as CURReadError:
            self = APIProblem(
                .unprocessableContent, kind: "unreadable-delivery", title: "The delivery cannot be read", detail: error.description)
        case let error as ConfigurationError:
            self = APIProblem(
                .unprocessableContent, kind: "invalid-configuration", title: "The configuration is not valid",
                detail: "\(error.issues.count) issue\(error.issues.count == 1 ? "" : "s") (\(error.code)); nothing was applied",
                errors: error.issues.map { FieldError(path: $0.path, message: $0.message, line: $0.line) })
        case let error as RuleSetError:
            switch error.code {
            case .organizationConflict:
                self = .conflict(error.description, kind: "organization-conflict")
            case .notFound:
                self = .notFound(error.description)
            default:
                return nil
            }
        case let error as AllocationRunError:
            guard let problem = APIProblem(allocation: error) else { return nil }
            self = problem
        case let error as InvoiceError:
            guard let problem = APIProblem(invoice: error) else { return nil }
            self = problem
        case let error as PostgresError:
            switch error.code {
            case .connectionFailed, .connectionClosed, .poolClosed:
                self = .unavailable("the database is unavailable; try again later")
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// The problem of a failed ingest, with the server's own paths (the spool file, the import root) taken out of
    /// the reader's message, which otherwise names the file, line and column as they are.
    init(ingest error: IngestError, redacting prefixes: [String]) {
        var detail = error.message
        for prefix in prefixes where !prefix.isEmpty {
            detail = detail.replacingOccurrences(of: prefix, with: "")
        }
        switch error.code {
        case .busy:
            self = .conflict(detail.replacingOccurrences(of: "--wait", with: "wait=true"), kind: "ingest-running")
        case .unknownOrganization:
            self = APIProblem(
                .unprocessableContent, kind: "unknown-organization", title: "Unknown organization",
                detail: detail.replacingOccurrences(of: "--create-org", with: "create-org=true"))
        case .unreadable:
            self = APIProblem(.unprocessableContent, kind: "unreadable-delivery", title: "The delivery cannot be read", detail: detail)
        case .databaseFailure:
            // Not the delivery's fault (a lost connection, a full disk): nothing was stored, and trying again may work.
            self = .unavailable(detail)
        default:
            self = APIProblem(
                .unprocessableContent, kind: "refused-delivery", title: "The delivery cannot be ingested",
                detail: detail.replacingOccurrences(of: "--org", with: "org="))
        }
    }

    /// `bad-request`, `not-found` …: a kind for statuses the runtime chose.
    private static func kind(of status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad-request"
        case 404: "not-found"
        case 405: "method-not-allowed"
        case 406: "not-acceptable"
        case 413: "too-large"
        case 415: "unsupported-media-type"
        case 422: "unprocessable"
        default: "client-error"
        }
    }
}
