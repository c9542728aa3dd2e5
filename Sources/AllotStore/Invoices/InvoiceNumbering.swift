import AllotCore
import Postgres

/// Invoice numbers: `ALLOT-<year of issue>-<6 digits>`, from a gap-free sequence per year (`invoice_sequences`).
///
/// Numbers are reserved by updating the year's row inside the transaction that stores the documents: a close that
/// fails rolls its reservation back with everything else (no gap), and closes running at the same time queue on
/// the row's lock, each getting a consecutive block. PostgreSQL sequences are not used because they are not
/// transactional (a rolled-back transaction would leave a gap).
enum InvoiceNumbering {
    static let prefix = "ALLOT"

    /// Reserves `count` consecutive numbers of `year`; returns them in order.
    static func reserve(_ count: Int, year: Int, on connection: PostgresConnection) async throws -> [String] {
        guard count > 0 else { return [] }
        let last = try await connection.query(
            """
            INSERT INTO invoice_sequences (year, last) VALUES ($1, $2)
            ON CONFLICT (year) DO UPDATE SET last = invoice_sequences.last + EXCLUDED.last
            RETURNING last
            """, [year, count]
        ).singleValue(Int.self)
        return ((last - count + 1)...last).map { format(year: year, number: $0) }
    }

    /// `ALLOT-2026-000042`.
    static func format(year: Int, number: Int) -> String {
        let digits = String(number)
        return "\(prefix)-\(year)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }
}
