import AllotCore

/// Encodes ``CURRow``s as CSV records in a ``CURLayout``'s column order, appending to ``bytes``.
///
/// The hot path of the generator: per row it copies pre-encoded blocks (product, tags, commitment
/// terms) and formats only the numbers and times that vary, without creating `String`s.
struct RowEncoder {
    let layout: CURLayout
    let hours: HourTable
    /// The encoded text so far; the caller takes it and empties it.
    var bytes: [UInt8] = []

    private let payer: [UInt8]
    private let payerName: [UInt8]
    private let periodStart: [UInt8]
    private let periodEnd: [UInt8]
    private let taxType: [UInt8]
    private let includesNet: Bool
    private let isCUR2: Bool
    private let emptyReservation: [UInt8]
    private let emptySavingsPlan: [UInt8]
    private static let invoicingEntity = CSVText.column("Amazon Web Services, Inc.")
    private static let billingEntity = Array(",AWS".utf8)
    private static let anniversary = Array(",Anniversary".utf8)
    private static let purchase = Array(",Purchase".utf8)
    private static let usd = Array(",USD".utf8)
    private static let active = Array("Active".utf8)

    init(layout: CURLayout, hours: HourTable, payer: String, payerName: String, period: BillingPeriod, taxType: String) {
        self.layout = layout
        self.hours = hours
        self.payer = CSVText.field(payer)
        self.payerName = CSVText.field(payerName)
        var start: [UInt8] = []
        period.start.appendISO8601(to: &start)
        var end: [UInt8] = []
        period.end.appendISO8601(to: &end)
        periodStart = start
        periodEnd = end
        self.taxType = CSVText.field(taxType)
        includesNet = layout.includesNetColumns
        isCUR2 = layout.format.isCUR2
        emptyReservation = CSVText.emptyColumns(CURLayout.reservationColumns(net: includesNet).count)
        emptySavingsPlan = CSVText.emptyColumns(CURLayout.savingsPlanColumns(net: includesNet).count)
        bytes.reserveCapacity(2 << 20)
    }

    /// Appends the header line.
    mutating func encodeHeader() {
        bytes += layout.header.map { CSVText.field($0) }.joined(separator: [UInt8(ascii: ",")])
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends one row; `identity` seeds its `identity/LineItemId`.
    mutating func encode(_ row: borrowing CURRow, identity: UInt64) {
        DeterministicIdentifier.appendLineItemId(key: identity, to: &bytes)
        comma()
        bytes += hours.text(row.start)
        bytes.append(UInt8(ascii: "/"))
        bytes += hours.text(row.end)
        encodeBill(row)
        encodeLineItem(row)
        bytes += isCUR2 ? row.product.cur2Block : row.product.legacyBlock
        encodePricing(row)
        if let reservation = row.reservation { encodeReservation(reservation) } else { bytes += emptyReservation }
        encodeDiscount(row)
        if let savingsPlan = row.savingsPlan { encodeSavingsPlan(savingsPlan) } else { bytes += emptySavingsPlan }
        if isCUR2 {
            bytes += row.tags.cur2Block
            comma()
        } else {
            bytes += row.tags.legacyBlock
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func encodeBill(_ row: borrowing CURRow) {
        field(row.invoice)
        bytes += Self.invoicingEntity
        bytes += Self.billingEntity
        bytes += row.isPurchase ? Self.purchase : Self.anniversary
        field(payer)
        if isCUR2 { field(payerName) }
        field(periodStart)
        field(periodEnd)
        field(row.account.encodedId)
        if isCUR2 { field(row.account.encodedName) }
        field(row.kind.encodedName)
        field(hours.text(row.start))
        field(hours.text(row.end))
    }

    private mutating func encodeLineItem(_ row: borrowing CURRow) {
        field(row.product.encodedProductCode)
        field(row.product.encodedUsageType)
        field(row.product.encodedOperation)
        field(row.availabilityZone)
        field(row.resourceId)
        amount(row.usageAmount)
        amount(row.normalizationFactor)
        if let factor = row.normalizationFactor, let usage = row.usageAmount {
            amount(try? usage.multiplied(by: factor))
        } else {
            comma()
        }
        bytes += Self.usd
        // Blended rate and cost repeat the unblended ones (§3.5: not used for chargeback).
        let pair = bytes.count
        amount(row.unblendedRate)
        amount(row.unblendedCost)
        repeatBytes(from: pair)
        field(row.description)
        if row.isTax { field(taxType) } else { comma() }
        if includesNet {
            amount(row.kind == .edpDiscount ? nil : row.netUnblendedRate ?? row.unblendedRate)
            amount(row.netUnblendedCost)
        }
        field(row.product.encodedLegalEntity)
    }

    private mutating func encodePricing(_ row: borrowing CURRow) {
        if let reservation = row.reservation {
            field(reservation.commitment.encodedTerm)
            field(reservation.commitment.encodedOffering)
            field(reservation.commitment.encodedPayment)
        } else {
            comma()
            comma()
            comma()
        }
        field(row.pricingTerm == .onDemand ? row.product.rateCode : [])
        comma()
        bytes += Self.usd
        amount(row.publicOnDemandCost)
        amount(row.publicOnDemandRate)
        field(row.pricingTerm.encoded)
        field(row.product.encodedUnit)
    }

    private mutating func encodeReservation(_ columns: ReservationColumns) {
        let terms = columns.showsTerms
        amount(columns.amortizedUpfrontCostForUsage)
        amount(columns.amortizedUpfrontFeeForBillingPeriod)
        field(columns.commitment.encodedLocation)
        amount(columns.effectiveCost)
        field(terms ? columns.commitment.encodedEnd : [])
        field(terms ? Self.active : [])
        if includesNet {
            amount(columns.amortizedUpfrontCostForUsage)
            amount(columns.amortizedUpfrontFeeForBillingPeriod)
            amount(columns.effectiveCost)
            amount(columns.recurringFeeForUsage)
            amount(columns.unusedAmortizedUpfrontFee)
            amount(columns.unusedRecurringFee)
            amount(columns.upfrontValue)
        }
        amount(columns.normalizedUnitsPerReservation)
        amount(columns.numberOfReservations)
        amount(columns.recurringFeeForUsage)
        field(columns.commitment.encodedARN)
        field(terms ? columns.commitment.encodedStart : [])
        field(terms ? columns.commitment.encodedDetail : [])
        amount(columns.totalReservedNormalizedUnits)
        amount(columns.totalReservedUnits)
        amount(columns.unitsPerReservation)
        amount(columns.unusedAmortizedUpfrontFee)
        amount(columns.unusedNormalizedUnitQuantity)
        amount(columns.unusedQuantity)
        amount(columns.unusedRecurringFee)
        amount(columns.upfrontValue)
    }

    private mutating func encodeDiscount(_ row: borrowing CURRow) {
        let discount: Amount? = row.discount.isZero ? nil : -row.discount
        if isCUR2 {
            if let discount {
                var text: [UInt8] = Array("{\"\"edp_discount\"\":\"\"".utf8)
                DecimalText.append(discount, to: &text)
                text += Array("\"\"}".utf8)
                comma()
                bytes.append(UInt8(ascii: "\""))
                bytes += text
                bytes.append(UInt8(ascii: "\""))
            } else {
                comma()
            }
            amount(discount)
            comma()
        } else if includesNet {
            amount(discount)
            amount(discount)
        }
    }

    private mutating func encodeSavingsPlan(_ columns: SavingsPlanColumns) {
        amount(columns.totalCommitment)
        field(columns.commitment.encodedARN)
        amount(columns.rate)
        amount(columns.usedCommitment)
        amount(columns.effectiveCost)
        amount(columns.amortizedUpfrontCommitment)
        amount(columns.recurringCommitment)
        if includesNet {
            amount(columns.effectiveCost)
            amount(columns.amortizedUpfrontCommitment)
            amount(columns.recurringCommitment)
        }
        field(columns.commitment.encodedLocation)
        field(columns.commitment.encodedDetail)
        field(columns.commitment.encodedTerm)
        field(columns.commitment.encodedPayment)
        field(columns.commitment.encodedEnd)
        field(columns.commitment.encodedStart)
        field(columns.commitment.encodedOffering)
    }

    /// Appends a copy of the bytes from `start` to the end.
    private mutating func repeatBytes(from start: Int) {
        let end = bytes.count
        bytes.reserveCapacity(end + end - start)
        for index in start..<end { bytes.append(bytes[index]) }
    }

    @inline(__always)
    private mutating func comma() {
        bytes.append(UInt8(ascii: ","))
    }

    @inline(__always)
    private mutating func field(_ encoded: [UInt8]) {
        bytes.append(UInt8(ascii: ","))
        bytes += encoded
    }

    @inline(__always)
    private mutating func amount(_ value: Amount?) {
        bytes.append(UInt8(ascii: ","))
        if let value { DecimalText.append(value, to: &bytes) }
    }
}
