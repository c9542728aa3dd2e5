import AllotCUR
import AllotCore
import Postgres

/// The reading half of an ingest: pulls batches from the CUR reader, checks each row against the
/// delivery (payer, billing period), keeps the running totals, numbers the distinct product attribute
/// sets and encodes COPY data.
///
/// `@unchecked Sendable`: the load pipeline hands it from task to task. ``readBatch()`` (the reader's state) and
/// ``encode(_:)`` (everything else) touch disjoint state and run at the same time; neither runs twice at once.
final class IngestStream: @unchecked Sendable {
    let reader: CURReader
    let period: BillingPeriod
    private(set) var context: LineItemRow.Context
    private(set) var totals = DeliveryTotals()
    private(set) var foreignPayers: [String: Int] = [:]
    private(set) var otherPeriods: [BillingPeriod: Int] = [:]
    private var pending: [LineItem]?
    private var encoder = CopyBinaryEncoder(fieldsPerRow: LineItemRow.columns.count, reservingCapacity: 4 << 20)
    private var rowNumber = 0
    /// The delivery's distinct product attribute sets, numbered from 1 in order of appearance.
    private var products: [AttributeList: Int32] = [:]

    /// Rows per `nextBatch` call: one batch is one chunk of COPY data.
    static let batchRows = 8192

    private let encoding: Bool

    /// `encoding: false` only checks and counts (a validation pass), producing empty chunks.
    init(reader: CURReader, firstBatch: [LineItem], period: BillingPeriod, context: LineItemRow.Context, encoding: Bool = true) {
        self.reader = reader
        self.pending = firstBatch
        self.period = period
        self.context = context
        self.encoding = encoding
    }

    /// The next batch of line items, or nil when the delivery is exhausted. Blocking: call it on a thread pool.
    ///
    /// The reading side: it touches only the reader, ``encode(_:)`` never does, so the load reads one batch while
    /// it encodes the previous one (each of the two is only ever called from one task at a time).
    func readBatch() throws -> [LineItem]? {
        if let first = pending {
            pending = nil
            return first
        }
        return try DeliveryIngest.read { try reader.nextBatch(maxRows: Self.batchRows) }
    }

    /// Checks, counts and encodes a batch; returns its COPY rows. Rows that do not belong to the delivery are
    /// counted, not written; the caller fails the ingest when any were found (``problem(organization:)``).
    func encode(_ batch: [LineItem]) -> [UInt8] {
        encoder.removeAll()
        for index in batch.indices { add(batch[index]) }
        return encoder.bytes
    }

    /// Reads and checks the whole delivery without encoding it (the validation pass).
    func checkAll() throws {
        while let batch = try readBatch() { _ = encode(batch) }
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
        let costs = DeliveryTotals.Costs(item)
        totals.add(item, costs: costs)
        guard encoding else { return }
        let product = productKey(item.productAttributes)
        LineItemRow.encode(
            item, costs: costs, file: 0, line: rowNumber, product: product, context: context, into: &encoder)
    }

    /// The key of a line's product attributes, numbering a set not seen before; nil for none.
    private func productKey(_ attributes: AttributeList) -> Int32? {
        guard !attributes.isEmpty else { return nil }
        if let key = products[attributes] { return key }
        let key = Int32(products.count + 1)
        products[attributes.compacted] = key
        return key
    }

    /// The rows of `line_item_products` for the sets numbered: delivery id, key, attributes.
    func encodeProducts() -> [UInt8] {
        var rows = CopyBinaryEncoder(fieldsPerRow: 3)
        for (attributes, key) in products.sorted(by: { $0.value < $1.value }) {
            rows.append(Int64(context.delivery))
            rows.append(key)
            rows.appendJSONB(attributes.appendJSON)
            rows.endRow()
        }
        return rows.bytes
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
