import Testing

@testable import AllotCore

/// `invoices.level` in the configuration: decoding, defaults, validation, unknown keys.
@Suite struct InvoiceConfigTests {
    private static let tree = """
        "business-units": [{"id": "eng", "name": "Eng", "children": [{"id": "web", "name": "Web"}]}], "default-bu": "eng"
        """

    @Test func levelDefaultsToOwn() throws {
        let configuration = try AllotConfiguration.load(json: "{\(Self.tree)}")
        #expect(configuration.invoices.level == "own")
        #expect(configuration.invoices.invoiceLevel == .own)
    }

    @Test(arguments: [("\"top\"", "top"), ("\"own\"", "own"), ("1", "1"), ("\"0\"", "0")])
    func levelsThatLoad(_ written: String, _ stored: String) throws {
        let configuration = try AllotConfiguration.load(json: "{\(Self.tree), \"invoices\": {\"level\": \(written)}}")
        #expect(configuration.invoices.level == stored)
        #expect(InvoiceLevel(stored) != nil)
    }

    @Test(arguments: [
        ("\"middle\"", "invoices.level: 'middle' is not own, top or a depth of the BU tree (0 = top-level BUs, 1 = their children, …)"),
        ("2", "invoices.level: depth 2 is deeper than the BU tree (its deepest BUs are at depth 1)"),
    ])
    func levelsThatAreRefused(_ written: String, _ message: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try AllotConfiguration.load(json: "{\(Self.tree), \"invoices\": {\"level\": \(written)}}")
        }
        #expect(error?.code == .invalid)
        #expect(error?.issues.map(\.description).contains { $0.hasPrefix(message) } == true, "\(error?.issues ?? [])")
    }

    @Test func unknownKeysUnderInvoicesAreReported() {
        let error = #expect(throws: ConfigurationError.self) {
            try AllotConfiguration.load(json: "{\(Self.tree), \"invoices\": {\"levle\": \"top\"}}")
        }
        #expect(error?.issues.map(\.description).contains { $0.contains("invoices: unknown key 'levle'") } == true, "\(error?.issues ?? [])")
    }

    @Test func aLevelChangeShowsInTheDiff() throws {
        let old = try AllotConfiguration.load(json: "{\(Self.tree)}")
        var new = old
        new.invoices = InvoicePolicy(level: .top)
        #expect(ConfigurationDiff(from: old, to: new).description.contains("invoices.level: own → top"))
    }
}
