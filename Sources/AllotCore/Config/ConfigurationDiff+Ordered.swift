extension ConfigurationDiff.Builder {
    /// Rules: matched by name, else identical content, else unnamed ones in order; order matters,
    /// so a matched rule outside the longest run kept in order is reported as moved.
    mutating func rules(_ old: [MappingRule], _ new: [MappingRule]) {
        let section = "rules"
        let pairs = Self.match(old, new) { rule in rule.name }
        func label(_ index: Int, _ rule: MappingRule) -> String {
            "rules[\(index)]" + (rule.name.map { " '\($0)'" } ?? "")
        }
        let moved = Self.moved(pairs)
        for (newIndex, rule) in new.enumerated() {
            guard let oldIndex = pairs[newIndex] else {
                add(.added, section, "\(label(newIndex, rule)): \(ConfigurationDiff.Summary.rule(rule))")
                continue
            }
            let previous = old[oldIndex]
            let subject = label(newIndex, rule) + " "
            if moved.contains(newIndex) { add(.changed, section, "\(subject)moved from rules[\(oldIndex)]") }
            field(section, subject, "match", ConfigurationDiff.Summary.match(previous.match), ConfigurationDiff.Summary.match(rule.match))
            field(section, subject, "target", ConfigurationDiff.Summary.target(previous), ConfigurationDiff.Summary.target(rule))
        }
        let matchedOld = Set(pairs.values)
        for (oldIndex, rule) in old.enumerated() where !matchedOld.contains(oldIndex) {
            add(.removed, section, label(oldIndex, rule))
        }
    }

    /// Shared costs: matched by name; applied in order, so moves are reported too.
    mutating func sharedCosts(_ old: [SharedCostRule], _ new: [SharedCostRule]) {
        let section = "shared-costs"
        let pairs = Self.match(old, new) { rule in rule.name }
        let moved = Self.moved(pairs)
        typealias Summary = ConfigurationDiff.Summary
        for (newIndex, rule) in new.enumerated() {
            let subject = "shared-costs '\(rule.name)' "
            guard let oldIndex = pairs[newIndex] else {
                add(.added, section, "shared-costs '\(rule.name)': \(Summary.sharedCost(rule))")
                continue
            }
            let previous = old[oldIndex]
            if moved.contains(newIndex) { add(.changed, section, "\(subject)moved from position \(oldIndex) to \(newIndex)") }
            field(section, subject, "source", Summary.source(previous.source), Summary.source(rule.source))
            field(section, subject, "targets", Summary.targets(previous.targets), Summary.targets(rule.targets))
            field(section, subject, "method", previous.method.rawValue, rule.method.rawValue)
            field(section, subject, "percentages", Summary.percentages(previous.percentages), Summary.percentages(rule.percentages))
        }
        let matchedOld = Set(pairs.values)
        for (oldIndex, rule) in old.enumerated() where !matchedOld.contains(oldIndex) {
            add(.removed, section, "shared-costs '\(rule.name)'")
        }
    }

    /// Pairs new positions with old ones: same name first, then identical content, then the remaining unnamed
    /// ones in their order. Returns new index → old index.
    static func match<Item: Equatable>(_ old: [Item], _ new: [Item], name: (Item) -> String?) -> [Int: Int] {
        var pairs: [Int: Int] = [:]
        var taken = Set<Int>()
        func pair(_ newIndex: Int, where predicate: (Int, Item) -> Bool) {
            guard pairs[newIndex] == nil,
                let oldIndex = old.indices.first(where: { !taken.contains($0) && predicate($0, old[$0]) })
            else { return }
            pairs[newIndex] = oldIndex
            taken.insert(oldIndex)
        }
        for (index, item) in new.enumerated() {
            guard let itemName = name(item) else { continue }
            pair(index) { _, candidate in name(candidate) == itemName }
        }
        for (index, item) in new.enumerated() {
            pair(index) { _, candidate in candidate == item && name(candidate) == name(item) }
        }
        for (index, item) in new.enumerated() where name(item) == nil {
            pair(index) { _, candidate in name(candidate) == nil }
        }
        return pairs
    }

    /// The new indexes of matched items outside the longest subsequence kept in their old order; of several
    /// equally long ones, the one keeping most items at their old index (so a rule that stays where it was is not
    /// reported as moved when others move around it).
    static func moved(_ pairs: [Int: Int]) -> Set<Int> {
        let ordered = pairs.keys.sorted().map { (new: $0, old: pairs[$0] ?? 0) }
        guard !ordered.isEmpty else { return [] }
        // Longest increasing subsequence of old indexes, O(n²): lists are short. Scores are (length, unmoved).
        var score = ordered.map { (length: 1, unmoved: $0.new == $0.old ? 1 : 0) }
        var previous = [Int?](repeating: nil, count: ordered.count)
        for index in ordered.indices {
            let own = ordered[index].new == ordered[index].old ? 1 : 0
            for earlier in 0..<index where ordered[earlier].old < ordered[index].old {
                let candidate = (length: score[earlier].length + 1, unmoved: score[earlier].unmoved + own)
                if candidate > score[index] {
                    score[index] = candidate
                    previous[index] = earlier
                }
            }
        }
        var kept = Set<Int>()
        var cursor = score.indices.max { score[$0] < score[$1] || (score[$0] == score[$1] && $0 < $1) }
        while let index = cursor {
            kept.insert(ordered[index].new)
            cursor = previous[index]
        }
        return Set(ordered.map(\.new)).subtracting(kept)
    }
}
