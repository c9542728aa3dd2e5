extension AllotConfiguration {
    /// Everything wrong with the document's content, in document order; empty when it is valid.
    ///
    /// Pure: checks ids and their references (BUs, organizations), account ids, globs, tag keys, intervals,
    /// policy settings and shared-cost splits (percentages summed exactly). Decoding has already checked the
    /// shape (keys, types, keywords). See `docs/configuration.md`.
    public func validationIssues() -> [ConfigIssue] {
        var validator = ConfigValidator(self)
        validator.run()
        return validator.issues
    }

    /// Throws every validation issue at once.
    ///
    /// - Throws: ``ConfigurationError`` with code `invalid`.
    public func validate() throws(ConfigurationError) {
        let issues = validationIssues()
        guard issues.isEmpty else { throw ConfigurationError(.invalid, issues: issues) }
    }
}

/// Walks a configuration once, collecting issues. Split by section into `ConfigValidator+*.swift`.
struct ConfigValidator {
    let config: AllotConfiguration
    private(set) var issues: [ConfigIssue] = []
    /// Every BU id declared (whether or not valid), so references to a badly spelled id are not reported twice.
    let businessUnits: Set<String>
    let organizations: Set<String>

    init(_ config: AllotConfiguration) {
        self.config = config
        self.businessUnits = config.businessUnitIds
        self.organizations = Set(config.organizations.map(\.id))
    }

    mutating func run() {
        checkHeader()
        checkOrganizations()
        checkAccounts()
        checkAccountPatterns()
        checkHoldingAccounts()
        checkBusinessUnits()
        checkRules()
        checkPolicies()
        checkSharedCosts()
        checkInvoices()
    }

    mutating func report(_ path: ConfigPath, _ message: String) {
        issues.append(ConfigIssue(path, message))
    }

    private mutating func checkHeader() {
        if config.version != 1 {
            report(.root.key("version"), "unsupported format version \(config.version); this Allot reads version 1")
        }
        if !Self.isCurrencyCode(config.currency) {
            report(.root.key("currency"), "'\(config.currency)' is not a currency code (three capital letters, ISO 4217)")
        }
    }

    // MARK: Shared checks

    /// Reports an unknown BU reference.
    mutating func checkBU(_ id: String, at path: ConfigPath) {
        if !businessUnits.contains(id) { report(path, "unknown BU '\(id)'") }
    }

    /// Reports an unknown organization reference.
    mutating func checkOrganization(_ id: String, at path: ConfigPath) {
        if !organizations.contains(id) { report(path, "unknown organization '\(id)'") }
    }

    /// Reports an account id that is not 1–20 digits.
    mutating func checkAccountId(_ id: String, at path: ConfigPath) {
        if !Self.isAccountId(id) { report(path, "'\(id)' is not an account id (digits)") }
    }

    /// Reports a glob that is not valid.
    mutating func checkGlob(_ pattern: String, at path: ConfigPath) {
        if let problem = NameGlob.problem(in: pattern) { report(path, problem) }
    }

    /// Reports an empty text.
    mutating func checkNotEmpty(_ text: String, at path: ConfigPath) {
        if text.allSatisfy(\.isWhitespace) { report(path, "must not be empty") }
    }

    /// Reports an empty list (which would match nothing) and, for each element, what `check` finds.
    mutating func checkList<Element>(
        _ list: [Element]?, at path: ConfigPath, _ check: (inout ConfigValidator, Element, ConfigPath) -> Void = { _, _, _ in }
    ) {
        guard let list else { return }
        if list.isEmpty { report(path, "an empty list matches nothing; leave the key out instead") }
        for (index, element) in list.enumerated() { check(&self, element, path.index(index)) }
    }

    /// Reports line item types that are not among the types AWS documents (a typo would match nothing).
    mutating func checkLineItemTypes(_ types: [String]?, at path: ConfigPath) {
        checkList(types, at: path) { validator, type, path in
            if !LineItemType.allKnown.contains(LineItemType(rawValue: type)) {
                let known = LineItemType.allKnown.map(\.rawValue).joined(separator: ", ")
                validator.report(path, "'\(type)' is not a line item type (\(known))")
            }
        }
    }

    /// Reports a list that names an element twice.
    mutating func checkUnique(_ list: [String]?, at path: ConfigPath) {
        guard let list else { return }
        var seen = Set<String>()
        for (index, element) in list.enumerated() where !seen.insert(element).inserted {
            report(path.index(index), "'\(element)' is listed twice")
        }
    }

    // MARK: Syntax of ids

    static func isAccountId(_ text: String) -> Bool {
        (1...20).contains(text.utf8.count) && text.utf8.allSatisfy(isDigit)
    }

    /// `[a-z0-9][a-z0-9_.-]{0,62}`.
    static func isOrganizationId(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 63, isLowerAlphanumeric(first) else { return false }
        return bytes.dropFirst().allSatisfy {
            isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
        }
    }

    /// `[a-z0-9][a-z0-9_-]*`.
    static func isBusinessUnitId(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, isLowerAlphanumeric(first) else { return false }
        return bytes.dropFirst().allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    static func isCurrencyCode(_ text: String) -> Bool {
        text.utf8.count == 3 && text.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}
