import Testing

@testable import AllotCore

/// CSV and HTML renderings: formula neutralisation, quoting, escaping, self-contained pages.
@Suite struct InvoiceRenderingTests {
    /// A document whose names try to break out: formulas, quotes, commas, markup.
    static func hostileDocument() throws -> InvoiceDocument {
        var configuration = InvoiceBuilderTests.configuration
        configuration.organizations = [OrganizationDeclaration(id: "wl", name: "=HYPERLINK(\"http://x\",\"y\")", payer: "200000000000")]
        var context = InvoiceBuilderTests.context()
        context.configuration = configuration
        context.organizationNames = ["wl": "=HYPERLINK(\"http://x\",\"y\")"]
        context.accountNames = ["200000000001": "<script>alert(1)</script>", "200000000000": "+cmd|' /C calc'!A0"]
        return try #require(InvoiceBuilder(context: context).invoices(try InvoiceBuilderTests.ledger()).first)
    }

    @Test(arguments: [
        ("=1+2", "'=1+2"), ("+41", "'+41"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("plain", "plain"), ("a=b", "a=b"), ("", ""),
    ])
    func formulaStartsAreNeutralised(input: String, expected: String) {
        #expect(InvoiceCSV.neutralised(input) == expected)
    }

    @Test func fieldsAreQuotedPerRFC4180() {
        #expect(InvoiceCSV.field(.text("a,b")) == "\"a,b\"")
        #expect(InvoiceCSV.field(.text("say \"hi\"")) == "\"say \"\"hi\"\"\"")
        #expect(InvoiceCSV.field(.text("=x,y")) == "\"'=x,y\"")
        #expect(InvoiceCSV.field(.text("\rx")) == "\"'\rx\"")
        // Amounts are numbers: a negative one is not a formula and stays as it is.
        #expect(InvoiceCSV.field(.number("-12.30")) == "-12.30")
    }

    @Test func csvHasBOMHeaderCRLFAndOneRowPerLine() throws {
        let document = try Self.hostileDocument()
        let text = String(decoding: InvoiceCSV.render(document), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}document_number,document_kind,"))
        // "\r\n" is one Character.
        let rows = text.dropFirst().split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(rows.last == "")
        #expect(rows.count == 1 + document.flatLines.count + 1)
        #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","))
        #expect(text.contains(",'+cmd|' /C calc'!A0,"))
        #expect(text.contains(",-0.50,"))
    }

    @Test func htmlIsEscapedAndSelfContained() throws {
        let document = try Self.hostileDocument()
        let html = String(decoding: InvoiceHTML.render(document), as: UTF8.self)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"))
        // No external assets: no links, sources or imports; the only URL is the SVG namespace.
        for forbidden in ["<link", "src=", "href=", "@import", "url(", "<script", "<img"] { #expect(!html.contains(forbidden), "\(forbidden)") }
        #expect(html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("@media print"))
        #expect(html.contains("<svg"))
        #expect(html.contains("id=\"invoice-total\">11.30</td>"))
        #expect(html.contains("data-org=\"wl\""))
    }

    @Test func chartIsDeterministicAndDrawsCreditsLeftOfZero() throws {
        let document = try Self.hostileDocument()
        let chart = InvoiceChart(document)
        #expect(chart.svg == InvoiceChart(document).svg)
        #expect(chart.categories == [.usage, .credit, .shared("support")])
        // Positive 10.00 + 1.80 = 11.80, negative 0.50: the zero line sits 304 × 0.5 / 12.3 = 12.36 → 12.4 px right
        // of the bars' start (x 124).
        #expect(chart.svg.contains("<line x1=\"136.4\""))
    }

    @Test func fileNamesAndTextRendering() throws {
        let document = try Self.hostileDocument()
        #expect(document.fileName(.html) == "DRAFT-2026-06-web.html")
        let final = document.finalized(number: "ALLOT-2026-000042", issueDate: "2026-07-03")
        #expect(final.fileName(.csv) == "ALLOT-2026-000042-web.csv")
        let text = InvoiceText.render(final)
        #expect(text.hasPrefix("INVOICE ALLOT-2026-000042 · FINAL"))
        #expect(text.contains("TOTAL USD"))
        #expect(text.contains("11.30"))
    }
}
