/// A configuration document with something wrong, and exactly the issues `load` must report.
struct BrokenDocument: Sendable, CustomStringConvertible {
    var name: String
    var yaml: String
    var issues: [String]

    var description: String { name }

    /// A small valid document; cases replace its organizations or BUs, or append sections.
    static func document(organizations: String = organizations, businessUnits: String = businessUnits, _ extra: String = "")
        -> String
    {
        "organizations:\n" + organizations + "business-units:\n" + businessUnits + "default-bu: unallocated\n" + extra
    }

    static let organizations = """
          - { id: mgmt, name: Management, payer: "111111111111", customer: acme }
          - { id: workload-a, name: Workload A, payer: "222222222222", customer: acme }

        """

    static let businessUnits = """
          - id: engineering
            name: Engineering
            children:
              - { id: web, name: Web }
              - { id: data, name: Data }
          - { id: finops, name: FinOps }
          - { id: unallocated, name: Unallocated }

        """

    static func sharedCost(_ body: String) -> String {
        document("shared-costs:\n  - name: support\n    source: { line-item-types: [Fee] }\n" + body)
    }
}
