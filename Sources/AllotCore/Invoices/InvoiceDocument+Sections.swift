extension InvoiceDocument {
    /// The lines billed in one AWS Organization, by account.
    public struct Organization: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var accounts: [Account]
        /// Σ of the organization's lines on this document.
        public var subtotal: InvoiceMoney

        public init(id: String, name: String, accounts: [Account], places: Int) {
            self.id = id
            self.name = name
            self.accounts = accounts
            self.subtotal = accounts.map(\.subtotal).sum(places: places)
        }
    }

    /// The lines of one account, by service.
    public struct Account: Sendable, Hashable, Codable {
        public var id: String
        /// The account's name, when known (configuration or CUR).
        public var name: String?
        public var services: [Service]
        public var subtotal: InvoiceMoney

        public init(id: String, name: String?, services: [Service], places: Int) {
            self.id = id
            self.name = name
            self.services = services
            self.subtotal = services.map(\.subtotal).sum(places: places)
        }
    }

    /// The lines of one service (product code) of an account.
    public struct Service: Sendable, Hashable, Codable {
        /// The CUR product code (`AmazonEC2`); nil for lines without one (some credits, tax, fees).
        public var productCode: String?
        public var lines: [Line]
        public var subtotal: InvoiceMoney

        public init(productCode: String?, lines: [Line], places: Int) {
            self.productCode = productCode
            self.lines = lines
            self.subtotal = lines.map(\.amount).sum(places: places)
        }

        enum CodingKeys: String, CodingKey {
            case productCode = "product_code"
            case lines, subtotal
        }
    }

    /// One line: one category of cost of one service of one account, carried by one BU.
    public struct Line: Sendable, Hashable, Codable {
        /// `usage`, `commitment-covered`, `commitment-unused`, `savings-adjustment`, `credit`, `tax`, `fee`, `other`,
        /// or `shared:<rule name>`.
        public var category: AllocationCategory
        /// The category in words: `Usage`, `Unused commitment`, `Shared cost: security` …
        public var label: String
        /// The BU that carries the line (one of ``InvoiceDocument/includedBusinessUnits``).
        public var businessUnit: String
        /// For a shared cost: the rule, its method and the share this BU got.
        public var share: Share?
        /// Why the BU carries the cost: the ledger's sources (`rule 'team tag'`, `holding account 200000000009` …).
        public var sources: [String]
        /// The amount of this document, rounded to the minor unit. On a memo: the change.
        public var amount: InvoiceMoney
        /// On an invoice: Σ of the ledger rows at full precision, before rounding.
        public var exactAmount: Amount?
        /// On a memo: what the previous documents invoiced for this line.
        public var previousAmount: InvoiceMoney?
        /// On a memo: what the new allocation run gives for this line (`previous + amount`).
        public var currentAmount: InvoiceMoney?

        public init(
            category: AllocationCategory, label: String, businessUnit: String, share: Share?, sources: [String],
            amount: InvoiceMoney, exactAmount: Amount? = nil, previousAmount: InvoiceMoney? = nil,
            currentAmount: InvoiceMoney? = nil
        ) {
            self.category = category
            self.label = label
            self.businessUnit = businessUnit
            self.share = share
            self.sources = sources
            self.amount = amount
            self.exactAmount = exactAmount
            self.previousAmount = previousAmount
            self.currentAmount = currentAmount
        }

        enum CodingKeys: String, CodingKey {
            case category, label
            case businessUnit = "business_unit"
            case share, sources, amount
            case exactAmount = "exact_amount"
            case previousAmount = "previous_amount"
            case currentAmount = "current_amount"
        }
    }

    /// The share of a shared cost a BU carries: `security` split `proportional`ly, 37.5 % to this BU.
    public struct Share: Sendable, Hashable, Codable {
        /// The shared-cost rule's name.
        public var rule: String
        /// `even`, `proportional` or `fixed`.
        public var method: String
        /// This BU's share of each shared line, in percent (rounded to 2 places, as the ledger records it).
        public var percent: String

        public init(rule: String, method: String, percent: String) {
            self.rule = rule
            self.method = method
            self.percent = percent
        }

        /// Reads the ledger's source of a shared row: `shared 'security' (proportional, 37.5 %)`.
        public init?(source: String) {
            let prefix = "shared '", suffix = " %)"
            guard source.hasPrefix(prefix), source.hasSuffix(suffix) else { return nil }
            let body = Array(source.dropFirst(prefix.count).dropLast(suffix.count))
            // `<rule>' (<method>, <percent>`: the rule name may hold anything, so look for the last `' (`.
            var split = body.count - 3
            while split > 0, !(body[split] == "'" && body[split + 1] == " " && body[split + 2] == "(") { split -= 1 }
            guard split > 0 else { return nil }
            let inside = body[(split + 3)...].split(separator: ",", maxSplits: 1).map { String($0).trimmingSpaces }
            guard inside.count == 2, !inside[0].isEmpty, (try? Amount(parsing: inside[1])) != nil else { return nil }
            self.init(rule: String(body[..<split]), method: inside[0], percent: inside[1])
        }
    }
}

extension String {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        String(String(drop { $0 == " " }.reversed()).drop { $0 == " " }.reversed())
    }
}
