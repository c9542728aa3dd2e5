import Postgres

extension StoredInvoice {
    /// A final document (invoice or memo) by number, with its stored renderings; nil when there is none.
    public static func find(number: String, _ client: PostgresClient) async throws -> StoredInvoice? {
        try await client.withConnection { try await InvoiceRecords.find(number: number, on: $0) }
    }
}
