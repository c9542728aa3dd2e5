/// What lines of one usage key (with one instance attributes value) imply: their Region among the
/// commitments' Regions, their family, and the Reserved Instances whose attributes they match
/// (`reference/aws-billing-rules.md` §3.1). Worked out once per key and kept by ``EngineWorkspace``
/// for as long as the commitments stay the same; the instance attributes they were worked out for are
/// kept beside them (``EngineWorkspace/keyInstances``).
struct KeyFacts: Sendable {
    /// Whether ``region`` has been worked out.
    var isKnown = false
    /// The Region's number among the commitments' Regions, or −1.
    var region: Int32 = -1
    /// The family's number, or −1 when no commitment names it.
    var family: Int32 = -1
    /// RIs (size-flexible leaders and exact-match RIs) matching without regard to the Availability Zone:
    /// a range of the workspace's match list.
    var regional: Range<Int> = 0..<0
    /// Zonal RIs matching but for the Availability Zone: a range of the workspace's match list.
    var zonal: Range<Int> = 0..<0
}
