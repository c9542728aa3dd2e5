/// What a user can do next about a refusal or a warning. The library says it as data; the command line renders it
/// as a command (`allot allocate --period 2026-06`), the HTTP API as a request (`POST /v1/allocations`), so that no
/// library message is worded for one of them.
public enum Remedy: Sendable, Hashable {
    /// Allocate the period (again).
    case allocate(period: String)
    /// Apply a rule set.
    case apply
    /// Close the period, or issue its adjustments.
    case close(period: String, adjustments: Bool)
    /// Look at the adjustments pending for the period.
    case adjustments(period: String)
    /// List the period's invoices.
    case listInvoices(period: String)

    /// How the remedy's command or request is introduced: `allocate it with` `allot allocate --period 2026-06`.
    public var verb: String {
        switch self {
        case .allocate: "allocate it with"
        case .apply: "apply one with"
        case .close(_, adjustments: false): "close it with"
        case .close(_, adjustments: true): "issue its adjustments with"
        case .adjustments, .listInvoices: "see"
        }
    }
}

/// A message for a user and, when there is one, what to do next.
///
/// Encoded (`--json`, the API's bridged types) as the message alone: each front end renders the remedy its own way.
public struct Advice: Sendable, Hashable, Codable, CustomStringConvertible {
    public var message: String
    public var remedy: Remedy?

    public init(_ message: String, remedy: Remedy? = nil) {
        self.message = message
        self.remedy = remedy
    }

    /// The message, without the remedy.
    public var description: String { message }

    /// The message, then the remedy with `command` as its front end says it:
    /// `…; allocate it with \`allot allocate --period 2026-06\``.
    public func rendered(_ command: (Remedy) -> String) -> String {
        remedy.map { "\(message); \($0.verb) `\(command($0))`" } ?? message
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(message)
    }
}

/// An error whose message comes with a remedy (``InvoiceError``, the allocation's errors).
public protocol RemediableError: Error, CustomStringConvertible {
    /// What went wrong, with what to do next.
    var advice: Advice { get }
}
