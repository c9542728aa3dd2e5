import Foundation
import Logging

/// A log handler that takes secrets out of every line before the handler it wraps writes it: API tokens
/// (`allot_…`), and the values of `Authorization`, `Proxy-Authorization`, `Cookie` and `Set-Cookie` headers as
/// libraries print them (the OpenAPI runtime's errors print the whole request, headers included).
///
/// ``buildApplication(configuration:client:metrics:logger:onServerRunning:)`` wraps the logger it is given, so every
/// line of the server, Hummingbird's and the libraries' included, goes through it.
public struct RedactingLogHandler: LogHandler {
    private var wrapped: any LogHandler

    public init(_ wrapped: any LogHandler) {
        self.wrapped = wrapped
    }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(Self.redact(event.message.description))"
        event.metadata = event.metadata.map { $0.mapValues(Self.redact) }
        event.error = event.error.map { RedactedError(description: Self.redact(String(reflecting: $0))) }
        wrapped.log(event: event)
    }

    /// `text` with every secret replaced by `[redacted]`.
    public static func redact(_ text: String) -> String {
        // Every request logs a line with several values: a plain substring search rules out almost all of them
        // before any regular expression runs.
        guard mayHoldSecret(text) else { return text }
        // Headers first: a token inside one goes with its value.
        let text = text.replacing(secretHeader) { match in "\(match.output.1)\(match.output.2)[redacted]" }
        return text.replacing(token, with: "allot_[redacted]")
    }

    /// Whether `text` names a token or a secret header at all.
    private static func mayHoldSecret(_ text: String) -> Bool {
        text.contains("allot_") || text.range(of: "authorization", options: .caseInsensitive) != nil
            || text.range(of: "cookie", options: .caseInsensitive) != nil
    }

    static func redact(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(redact(text))
        case .stringConvertible(let convertible):
            // Kept as it is (no string built to replace it) unless it holds a secret.
            mayHoldSecret(convertible.description) ? .string(redact(convertible.description)) : value
        case .array(let values): .array(values.map(redact))
        case .dictionary(let values): .dictionary(values.mapValues(redact))
        }
    }

    /// A token as `allot tokens create` makes them (`allot_` + 43 characters of base64url), or any longer run.
    nonisolated(unsafe) private static let token = /allot_[A-Za-z0-9_\-]{32,}/
    /// A secret header's name, its separator as printed (`: `, `=`, `": "`), then its value up to the end of the
    /// field.
    nonisolated(unsafe) private static let secretHeader =
        /(?i)((?:proxy-)?authorization|(?:set-)?cookie)("?\s*[:=]\s*"?)[^"\n\],}]*/
}

/// An error of a log event, as its redacted description.
private struct RedactedError: Error, CustomStringConvertible {
    var description: String
}
