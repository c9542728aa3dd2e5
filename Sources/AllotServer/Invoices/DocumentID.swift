/// How the API names an invoice document: a final one by its number (`ALLOT-2026-000042`), a draft by the run it is
/// computed from and the BU it is addressed to (`draft-12-web`).
///
/// Drafts are not stored (the store computes them from a period's current run whenever asked), so their id is
/// derived from what determines them: it names the same document for as long as that run is its period's current
/// run and the period is open, and nothing afterwards (a newer run's drafts have ids of their own; a close issues
/// numbered documents).
enum DocumentID: Sendable, Hashable, CustomStringConvertible {
    case final(number: String)
    case draft(run: Int, businessUnit: String)

    /// Parses `ALLOT-<4 digits>-<6 digits>` or `draft-<run id>-<BU id>`; nil for anything else.
    init?(_ text: String) {
        if text.hasPrefix("ALLOT-") {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[1].count == 4, parts[2].count == 6,
                parts.dropFirst().allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } })
            else {
                return nil
            }
            self = .final(number: text)
        } else if text.hasPrefix("draft-") {
            let rest = text.dropFirst("draft-".count)
            guard let dash = rest.firstIndex(of: "-") else { return nil }
            let digits = rest[..<dash]
            guard (1...18).contains(digits.count), digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                let run = Int(digits), run >= 1
            else {
                return nil
            }
            let unit = String(rest[rest.index(after: dash)...])
            guard (1...100).contains(unit.utf8.count), APIImplementation.isBusinessUnitID(unit) else { return nil }
            self = .draft(run: run, businessUnit: unit)
        } else {
            return nil
        }
    }

    var description: String {
        switch self {
        case .final(let number): number
        case .draft(let run, let unit): "draft-\(run)-\(unit)"
        }
    }
}
