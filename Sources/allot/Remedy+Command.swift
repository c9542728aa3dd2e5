import AllotCore

extension Remedy {
    /// The command that does it: `allot allocate --period 2026-06`.
    var command: String {
        switch self {
        case .allocate(let period): "allot allocate --period \(period)"
        case .apply: "allot apply"
        case .close(let period, let adjustments): "allot close --period \(period)" + (adjustments ? " --adjustments" : "")
        case .adjustments(let period): "allot adjustments --period \(period)"
        case .listInvoices(let period): "allot invoice list --period \(period)"
        }
    }
}

extension Advice {
    /// The message with its remedy as a command.
    var forCommandLine: String { rendered(\.command) }
}
