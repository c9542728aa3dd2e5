import AllotCore

/// An account leaving one organization and joining another (§3.4).
///
/// It leaves ``from`` at ``leaves`` and joins ``to`` at ``joins`` (the same instant unless the
/// scenario gives a standalone gap, during which its usage is in neither CUR). Its usage hours split
/// between the two organizations' CURs; its commitments apply in whichever organization it is in at
/// each hour; its credits stay with the organization it was in on the 1st (§6).
public struct AccountMove: Sendable, Hashable {
    public var account: String
    public var from: String
    public var to: String
    public var leaves: Timestamp
    public var joins: Timestamp

    init(account: String, from: String, to: String, leaves: Timestamp, joins: Timestamp) {
        self.account = account
        self.from = from
        self.to = to
        self.leaves = leaves
        self.joins = joins
    }
}
