/// What the final documents of a period have invoiced so far: per line, Σ of the invoice's and every memo's
/// amount, and per invoiced BU the documents themselves. Adjustments are the difference between a new run's
/// rounded lines and these amounts.
public struct IssuedLines: Sendable, Hashable {
    /// Σ of the final documents' line amounts, per line key.
    public var amounts: [InvoiceLineKey: Amount]
    /// The final documents per BU they are addressed to, in issue order (the invoice first).
    public var documents: [String: [InvoiceDocument.Reference]]
    /// The allocation run the latest document of the period was computed from.
    public var latestRun: Int?

    public init(
        amounts: [InvoiceLineKey: Amount] = [:], documents: [String: [InvoiceDocument.Reference]] = [:], latestRun: Int? = nil
    ) {
        self.amounts = amounts
        self.documents = documents
        self.latestRun = latestRun
    }

    /// Σ of everything issued per organization.
    public var totalsByOrganization: [String: Amount] {
        var totals: [String: Amount] = [:]
        for (key, amount) in amounts { totals[key.org, default: .zero] += amount }
        return totals
    }
}
