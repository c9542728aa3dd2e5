/// An account as rows show it, pre-encoded.
final class AccountEntry: Sendable {
    /// The 12-digit id.
    let id: String
    /// The account name.
    let name: String
    /// Position in the run's account list: a cheap key for per-account sums.
    let index: Int
    let encodedId: [UInt8]
    let encodedName: [UInt8]

    init(id: String, name: String, index: Int) {
        self.id = id
        self.name = name
        self.index = index
        encodedId = CSVText.field(id)
        encodedName = CSVText.field(name)
    }
}
