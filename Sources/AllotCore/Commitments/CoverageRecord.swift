/// A coverage as the engine records it while applying: numbers only, turned into a public ``Coverage``
/// (with the commitment's ID) once, when the result is built.
struct CoverageRecord {
    /// The covered line's position.
    let line: Int32
    /// The commitment: an RI position (≥ 0) or `−1 − plan position` for a Savings Plan.
    let commitment: Int32
    /// The covered quantity.
    let quantity: Amount
    /// Normalized units (RI) or rate (Savings Plan).
    let detail: Amount
    /// Effective cost of the covered part.
    let cost: Amount
    /// On-Demand equivalent of the covered part.
    let onDemand: Amount

    init(line: Int, reservedInstance: Int, quantity: Amount, units: Amount, cost: Amount, onDemand: Amount) {
        self.line = Int32(line)
        self.commitment = Int32(reservedInstance)
        self.quantity = quantity
        self.detail = units
        self.cost = cost
        self.onDemand = onDemand
    }

    init(line: Int, savingsPlan: Int, quantity: Amount, rate: Amount, cost: Amount, onDemand: Amount) {
        self.line = Int32(line)
        self.commitment = -1 - Int32(savingsPlan)
        self.quantity = quantity
        self.detail = rate
        self.cost = cost
        self.onDemand = onDemand
    }
}
