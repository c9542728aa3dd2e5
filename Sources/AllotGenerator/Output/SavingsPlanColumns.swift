import AllotCore

/// The `savingsPlan/*` values of one row (§1.5); nil values are written as empty fields.
struct SavingsPlanColumns {
    var commitment: CommitmentEntry
    var totalCommitment: Amount?
    var rate: Amount?
    var usedCommitment: Amount?
    var effectiveCost: Amount?
    var amortizedUpfrontCommitment: Amount?
    var recurringCommitment: Amount?

    init(commitment: CommitmentEntry) {
        self.commitment = commitment
    }
}
