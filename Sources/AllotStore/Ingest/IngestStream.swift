import AllotCUR
import AllotCore
import Postgres

/// The reading half of an ingest: pulls batches from the CUR reader, checks each row against the
/// delivery (payer, billing period), keeps the running totals and encodes COPY data.
///
/// `@unchecked Sendable`: the load pipeline hands it from task to task but never uses it from two at
/// once (one read is in flight while the previous chunk is sent).
final class IngestStream: @unchecked Sendable {
    let reader: CURReader
    let period: BillingPeriod
    private(set) var context: LineItemRow.Context
    private(set) var totals = DeliveryTotals()
    private(set) var foreignPayers: [String: Int] = [:]
    private(set) var otherPeriods: [BillingPeriod: Int] = [:]
    private var pending: [LineItem]?
    private var encoder = CopyRowEncoder(reservingCapacity: 4 << 20)
    private var rowNumber = 0

    /// Rows per `nextBatch` call, and the size at which a chunk is handed to the COPY.
    static let batchRows = 8192
    static let chunkBytes = 2 << 20

    private let encoding: Bool

    /// `encoding: false` only checks and counts (a validation pass), producing empty chunks.
    init(reader: CURReader, firstBatch: [LineItem], period: BillingPeriod, context: LineItemRow.Context, encoding: Bool = true) {
        self.reader = reader
        self.pending = firstBatch
        self.period = period
        self.context = context
        self.encoding = encoding
    }

    /// The next chunk of encoded rows, or nil when the delivery is exhausted. Blocking: call it on a
    /// thread pool. Rows that do not belong to the delivery are counted, not written; the caller fails
    /// the ingest when any were found.
    func nextChunk() throws -> [UInt8]? {
        encoder.removeAll()
        var readAny = false
        while encoder.byteCount < Self.chunkBytes {
            let batch: [LineItem]
            if let first = pending {
                batch = first
                pending = nil
            } else if let next = try DeliveryIngest.read({ try reader.nextBatch(maxRows: Self.batchRows) }) {
                batch = next
            } else {
                break
            }
            readAny = true
            for item in batch { add(item) }
            if !encoding { break }
        }
        return encoder.rowCount == 0 && !readAny ? nil : encoder.bytes
    }

    private func add(_ item: LineItem) {
        rowNumber += 1
        if let payer = item.payerAccountId, payer != context.payerAccountId {
            foreignPayers[payer, default: 0] += 1
            return
        }
        let itemPeriod = item.billingPeriod
        if itemPeriod != period {
            otherPeriods[itemPeriod, default: 0] += 1
            return
        }
        totals.add(item)
        guard encoding else { return }
        LineItemRow.encode(item, file: 0, line: rowNumber, context: context, into: &encoder)
    }

    /// Why the delivery must be refused, if it must.
    func problem(organization: String) -> IngestError? {
        if !foreignPayers.isEmpty && totals.all.rows > 0 {
            let payers = foreignPayers.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) rows)" }
            return IngestError(
                .mixedPayers,
                "the delivery mixes payers: \(context.payerAccountId) (\(totals.all.rows) rows), \(payers.joined(separator: ", ")); "
                    + "each organization's CUR is ingested on its own")
        }
        if !foreignPayers.isEmpty {
            let payers = foreignPayers.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) rows)" }
            return IngestError(
                .payerMismatch,
                "rows of payer \(payers.joined(separator: ", ")) in a delivery for organization \(organization) "
                    + "(payer \(context.payerAccountId)); one delivery holds one payer's CUR")
        }
        if !otherPeriods.isEmpty {
            let periods = otherPeriods.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) rows)" }
            return IngestError(
                .outsideBillingPeriod,
                "rows outside the billing period \(period): \(periods.joined(separator: ", ")); "
                    + "a delivery covers one billing period (\(totals.all.rows) rows are in \(period))")
        }
        if totals.all.rows == 0 {
            return IngestError(.noRows, "the delivery has no rows")
        }
        return nil
    }
}
