/// A configuration value chosen from a fixed list of words (`cost-basis: amortized`). The decoder checks the
/// word itself, so that a typo is reported as `'amortised' is not one of unblended, amortized, net-amortized`
/// rather than as a generic decoding failure.
protocol ConfigKeyword {
    /// The accepted words, in the order messages list them.
    static var keywords: [String] { get }
}

extension ConfigKeyword where Self: CaseIterable & RawRepresentable, RawValue == String {
    static var keywords: [String] { allCases.map(\.rawValue) }
}

extension CostBasis: ConfigKeyword {}
extension UnusedCommitmentPolicy: ConfigKeyword {}
extension SavingsPolicy.Mode: ConfigKeyword {}
extension CreditPolicy.Mode: ConfigKeyword {}
extension AccountKind: ConfigKeyword {}
extension SplitMethod: ConfigKeyword {}
