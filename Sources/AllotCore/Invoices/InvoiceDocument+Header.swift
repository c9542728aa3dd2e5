extension InvoiceDocument {
    /// The BU a document is addressed to, with its place in the BU tree.
    public struct BusinessUnit: Sendable, Hashable, Codable {
        /// One BU on the path from the top of the tree.
        public struct Step: Sendable, Hashable, Codable {
            public var id: String
            public var name: String

            public init(id: String, name: String) {
                self.id = id
                self.name = name
            }
        }

        public var id: String
        public var name: String
        /// From the top-level BU down to this one (inclusive).
        public var path: [Step]

        public init(id: String, name: String, path: [Step]) {
            self.id = id
            self.name = name
            self.path = path
        }

        /// The BU of `tree` named `id` (a BU absent from the tree is named by its id, at the top).
        public init(id: String, tree: BusinessUnitTree) {
            let lineage = (tree.ancestors(of: id).reversed() + [id]).map { Step(id: $0, name: tree.node($0)?.name ?? $0) }
            self.init(id: id, name: tree.node(id)?.name ?? id, path: lineage)
        }

        /// `Engineering › Platform › Web`.
        public var pathText: String { path.map(\.name).joined(separator: " › ") }
    }

    /// A final document another one refers to.
    public struct Reference: Sendable, Hashable, Codable {
        public var number: String
        public var kind: Kind
        /// `YYYY-MM-DD`.
        public var issueDate: String
        public var runId: Int
        public var total: InvoiceMoney

        public init(number: String, kind: Kind, issueDate: String, runId: Int, total: InvoiceMoney) {
            self.number = number
            self.kind = kind
            self.issueDate = issueDate
            self.runId = runId
            self.total = total
        }

        enum CodingKeys: String, CodingKey {
            case number, kind
            case issueDate = "issue_date"
            case runId = "run_id"
            case total
        }
    }

    /// A short plain-language note: how costs were valued, what a shared-cost rule does, how amounts were rounded.
    public struct Explanation: Sendable, Hashable, Codable {
        /// `cost-basis`, `shared:<rule>`, `credits`, `savings`, `rounding`, `adjustment`.
        public var topic: String
        public var title: String
        public var text: String

        public init(topic: String, title: String, text: String) {
            self.topic = topic
            self.title = title
            self.text = text
        }
    }
}
