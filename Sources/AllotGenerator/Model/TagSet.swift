/// The resource tags of a group of rows, pre-encoded for the run's tag columns.
final class TagSet: Sendable {
    /// The tags, keys without `user:`.
    let tags: [ResourceTag]
    /// One column per run tag key (`resourceTags/user:<key>`), each preceded by a comma.
    let legacyBlock: [UInt8]
    /// The CUR 2.0 `resource_tags` map column (`{"user_team":"search"}`), preceded by a comma.
    let cur2Block: [UInt8]

    init(tags: [ResourceTag], keys: [String]) {
        self.tags = tags
        let values = Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        var legacy: [UInt8] = []
        for key in keys {
            legacy += CSVText.column(values[key] ?? "")
        }
        legacyBlock = legacy
        let entries = keys.compactMap { key in values[key].map { (key: "user_" + key, value: $0) } }
            .filter { !$0.value.isEmpty }
        cur2Block = CSVText.column(entries.isEmpty ? "" : JSONText.object(entries))
    }
}

/// The distinct tag sets of a run, so that rows sharing tags share one encoding.
struct TagTable {
    /// Every tag key of the scenario, sorted: the legacy tag columns.
    let keys: [String]
    private var sets: [[ResourceTag]: TagSet] = [:]
    /// The set without tags.
    let untagged: TagSet

    init(keys: [String]) {
        self.keys = keys
        untagged = TagSet(tags: [], keys: keys)
    }

    /// The set for `base` tags overridden by `overrides` (same key: the override wins).
    mutating func set(_ base: [ResourceTag], overriddenBy overrides: [ResourceTag] = []) -> TagSet {
        var merged = base.filter { tag in !overrides.contains { $0.key == tag.key } } + overrides
        merged.sort { $0.key < $1.key }
        if merged.isEmpty { return untagged }
        if let existing = sets[merged] { return existing }
        let created = TagSet(tags: merged, keys: keys)
        sets[merged] = created
        return created
    }
}
