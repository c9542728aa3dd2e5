import AllotCore
import Crypto
import Postgres

/// The SQL of issued documents: writing a final document with its lines, and reading documents, closes and what
/// was invoiced back.
enum InvoiceRecords {
    /// A period's close.
    struct Close: Sendable, Hashable {
        var runId: Int
        var closedBy: String
        /// RFC 3339, UTC.
        var closedAt: String
    }

    static func close(period: BillingPeriod, on connection: PostgresConnection) async throws -> Close? {
        try await connection.query(
            """
            SELECT run_id, closed_by, to_char(closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS closed_at
            FROM invoice_closes WHERE billing_period = $1::date
            """, [period]
        ).first.map {
            Close(
                runId: try $0.decode(Int.self, "run_id"), closedBy: try $0.decode(String.self, "closed_by"),
                closedAt: try $0.decode(String.self, "closed_at"))
        }
    }

    static func recordClose(period: BillingPeriod, runId: Int, closedBy: String, on connection: PostgresConnection) async throws {
        try await connection.execute(
            "INSERT INTO invoice_closes (billing_period, run_id, closed_by) VALUES ($1::date, $2, $3)",
            [period, runId, closedBy])
    }

    /// The final documents of a period (optionally of one BU), in issue order.
    static func finals(period: BillingPeriod, bu: String? = nil, on connection: PostgresConnection) async throws -> [StoredInvoice] {
        try await connection.query(
            """
            SELECT \(StoredInvoice.columns) FROM invoices AS i LEFT JOIN invoices AS a ON a.id = i.adjusts_id
            WHERE i.billing_period = $1::date AND i.status = 'final' AND ($2::text IS NULL OR i.bu_id = $2::text)
            ORDER BY i.id
            """, [period, bu]
        ).map(StoredInvoice.init(row:))
    }

    /// One final document by number.
    static func find(number: String, on connection: PostgresConnection) async throws -> StoredInvoice? {
        try await connection.query(
            """
            SELECT \(StoredInvoice.columns) FROM invoices AS i LEFT JOIN invoices AS a ON a.id = i.adjusts_id
            WHERE i.number = $1 AND i.status = 'final'
            """, [number]
        ).first.map(StoredInvoice.init(row:))
    }

    /// What the final documents of a period invoiced: Σ per line, and the documents per BU.
    static func issued(period: BillingPeriod, on connection: PostgresConnection) async throws -> IssuedLines {
        var issued = IssuedLines()
        let lines = try await connection.query(
            """
            SELECT l.bu_id, l.org_id, l.account_id, l.product_code, l.category, sum(l.amount) AS amount
            FROM invoice_lines AS l JOIN invoices AS i ON i.id = l.invoice_id
            WHERE i.billing_period = $1::date AND i.status = 'final'
            GROUP BY 1, 2, 3, 4, 5
            """, [period])
        for row in lines {
            let key = InvoiceLineKey(
                bu: try row.decode(String.self, "bu_id"), org: try row.decode(String.self, "org_id"),
                account: try row.decode(String.self, "account_id"), productCode: try row.decode(String?.self, "product_code"),
                category: AllocationCategory(rawValue: try row.decode(String.self, "category")))
            issued.amounts[key] = try row.decode(Amount.self, "amount")
        }
        for stored in try await finals(period: period, on: connection) {
            let places = InvoiceCurrency(code: stored.currency).minorUnit
            issued.documents[stored.businessUnit, default: []].append(
                InvoiceDocument.Reference(
                    number: stored.number, kind: stored.kind, issueDate: stored.issueDate, runId: stored.runId,
                    total: InvoiceMoney(stored.total, places: places)))
            issued.latestRun = stored.runId
        }
        return issued
    }

    /// Σ of the final documents' lines per organization.
    static func issuedTotals(period: BillingPeriod, on connection: PostgresConnection) async throws -> [String: Amount] {
        var totals: [String: Amount] = [:]
        for row in try await connection.query(
            """
            SELECT l.org_id, sum(l.amount) AS amount FROM invoice_lines AS l JOIN invoices AS i ON i.id = l.invoice_id
            WHERE i.billing_period = $1::date AND i.status = 'final' GROUP BY 1
            """, [period])
        {
            totals[try row.decode(String.self, "org_id")] = try row.decode(Amount.self, "amount")
        }
        return totals
    }

    /// Stores a numbered document as final: the record as a draft, its lines, then the status (the triggers refuse
    /// any change once it is final). Returns its id.
    static func insertFinal(
        _ document: InvoiceDocument, adjustsId: Int?, issuedBy: String, on connection: PostgresConnection
    ) async throws -> Int {
        let json = try InvoiceExport.json(document)
        let text = String(decoding: json, as: UTF8.self)
        let csv = String(decoding: InvoiceCSV.render(document), as: UTF8.self)
        let html = String(decoding: InvoiceHTML.render(document), as: UTF8.self)
        let sha256 = SHA256.hash(data: json).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        let id = try await connection.query(
            """
            INSERT INTO invoices (number, kind, status, billing_period, bu_id, run_id, rule_set_version, cost_basis, currency,
                issue_date, total, adjusts_id, document, document_csv, document_html, sha256, issued_by)
            VALUES ($1, $2, 'draft', to_date($3, 'YYYY-MM'), $4, $5, $6, $7, $8, $9::date, $10, $11, $12, $13, $14, $15, $16)
            RETURNING id
            """,
            [
                document.number, document.kind.rawValue, document.period, document.businessUnit.id, document.runId,
                document.ruleSetVersion, document.costBasis, document.currency.code, document.issueDate, document.total.amount,
                adjustsId, text, csv, html, sha256, issuedBy,
            ]
        ).singleValue(Int.self)
        let flat = document.flatLines
        if !flat.isEmpty {
            try await connection.execute(
                """
                INSERT INTO invoice_lines (invoice_id, position, bu_id, org_id, account_id, product_code, category, amount, exact_amount)
                SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::numeric[], $9::numeric[])
                """,
                [
                    id, Array(1...flat.count), flat.map(\.key.bu), flat.map(\.key.org), flat.map(\.key.account),
                    flat.map(\.key.productCode), flat.map(\.key.category.rawValue), flat.map(\.line.amount.amount),
                    flat.map(\.line.exactAmount),
                ])
        }
        try await connection.execute("UPDATE invoices SET status = 'final' WHERE id = $1", [id])
        return id
    }
}
