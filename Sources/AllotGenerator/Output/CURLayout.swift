import AllotCUR

/// The columns of one delivery, in order: the header line and the manifest's `columns`.
///
/// Legacy CUR has a dynamic schema: the `lineItem/NetUnblended*`, `reservation/Net*`,
/// `savingsPlan/Net*` and `discount/*` columns appear only when the organization has discounts in
/// the period (§1.2), and there is one `resourceTags/user:<key>` column per tag key. CUR 2.0 has a
/// fixed schema: every column is always present and tags travel in the `resource_tags` map.
/// ``RowEncoder`` writes the fields in exactly this order.
struct CURLayout: Sendable {
    /// What a column holds, for the manifests.
    enum Kind: Sendable {
        case text, optionalText, amount, optionalAmount, dateTime, interval, map

        /// The legacy manifest's `type`.
        var legacyType: String {
            switch self {
            case .text: "String"
            case .optionalText, .map: "OptionalString"
            case .amount: "BigDecimal"
            case .optionalAmount: "OptionalBigDecimal"
            case .dateTime: "DateTime"
            case .interval: "Interval"
            }
        }

        /// The CUR 2.0 manifest's `type`.
        var cur2Type: String {
            switch self {
            case .text, .optionalText, .interval: "string"
            case .amount, .optionalAmount: "double"
            case .dateTime: "timestamp"
            case .map: "map<string,string>"
            }
        }
    }

    /// One column.
    struct Column: Sendable {
        /// The header name as written: `lineItem/UnblendedCost` or `line_item_unblended_cost`.
        let name: String
        let kind: Kind
    }

    let format: DeliveryFormat
    /// Whether the organization has discounts (EDP) in the period.
    let hasDiscounts: Bool
    /// The tag keys (without `user:`), sorted: the legacy tag columns.
    let tagKeys: [String]
    let columns: [Column]

    init(format: DeliveryFormat, hasDiscounts: Bool, tagKeys: [String]) {
        self.format = format
        self.hasDiscounts = hasDiscounts
        self.tagKeys = tagKeys
        columns = Self.columns(format: format, net: format.isCUR2 || hasDiscounts, tagKeys: tagKeys)
    }

    /// Whether the `Net*` columns are present.
    var includesNetColumns: Bool { format.isCUR2 || hasDiscounts }

    /// The header names.
    var header: [String] { columns.map(\.name) }

    private static func columns(format: DeliveryFormat, net: Bool, tagKeys: [String]) -> [Column] {
        var legacy: [(String, Kind)] = []
        var cur2Only: [Int: [(String, Kind)]] = [:]
        func add(_ name: String, _ kind: Kind = .optionalText) { legacy.append((name, kind)) }
        add("identity/LineItemId", .text)
        add("identity/TimeInterval", .interval)
        for name in ["InvoiceId", "InvoicingEntity", "BillingEntity", "BillType", "PayerAccountId"] { add("bill/" + name) }
        cur2Only[legacy.count] = [("bill_payer_account_name", .optionalText)]
        add("bill/BillingPeriodStartDate", .dateTime)
        add("bill/BillingPeriodEndDate", .dateTime)
        add("lineItem/UsageAccountId", .text)
        cur2Only[legacy.count] = [("line_item_usage_account_name", .optionalText)]
        add("lineItem/LineItemType", .text)
        add("lineItem/UsageStartDate", .dateTime)
        add("lineItem/UsageEndDate", .dateTime)
        for name in ["ProductCode", "UsageType", "Operation", "AvailabilityZone", "ResourceId"] { add("lineItem/" + name) }
        add("lineItem/UsageAmount", .amount)
        add("lineItem/NormalizationFactor", .optionalAmount)
        add("lineItem/NormalizedUsageAmount", .optionalAmount)
        add("lineItem/CurrencyCode", .text)
        add("lineItem/UnblendedRate", .optionalAmount)
        add("lineItem/UnblendedCost", .amount)
        add("lineItem/BlendedRate", .optionalAmount)
        add("lineItem/BlendedCost", .amount)
        add("lineItem/LineItemDescription")
        add("lineItem/TaxType")
        if net {
            add("lineItem/NetUnblendedRate", .optionalAmount)
            add("lineItem/NetUnblendedCost", .optionalAmount)
        }
        add("lineItem/LegalEntity")
        var result: [Column] = []
        for (index, entry) in legacy.enumerated() {
            result.append(Column(name: format.isCUR2 ? CURColumnName.snakeCase(entry.0) : entry.0, kind: entry.1))
            if format.isCUR2, let extra = cur2Only[index + 1] {
                result += extra.map { Column(name: $0.0, kind: $0.1) }
            }
        }
        if format.isCUR2 {
            result.append(Column(name: "product", kind: .map))
            result += ProductColumns.cur2Fixed.map { Column(name: $0.column, kind: .optionalText) }
        } else {
            result += ProductColumns.legacy.map { Column(name: "product/" + $0, kind: .optionalText) }
        }
        var rest: [(String, Kind)] = []
        for name in ["LeaseContractLength", "OfferingClass", "PurchaseOption", "RateCode", "RateId", "currency"] {
            rest.append(("pricing/" + name, .optionalText))
        }
        rest += [("pricing/publicOnDemandCost", .optionalAmount), ("pricing/publicOnDemandRate", .optionalAmount)]
        rest += [("pricing/term", .optionalText), ("pricing/unit", .optionalText)]
        rest += reservationColumns(net: net).map { ("reservation/" + $0.0, $0.1) }
        let savingsPlan = savingsPlanColumns(net: net).map { ("savingsPlan/" + $0.0, $0.1) }
        func named(_ columns: [(String, Kind)]) -> [Column] {
            columns.map { Column(name: format.isCUR2 ? CURColumnName.snakeCase($0.0) : $0.0, kind: $0.1) }
        }
        // The discount columns sit between the reservation and the Savings Plan columns in both formats, the
        // order ``RowEncoder`` writes them in.
        result += named(rest)
        if format.isCUR2 {
            result += [
                Column(name: "discount", kind: .map), Column(name: "discount_total_discount", kind: .optionalAmount),
                Column(name: "discount_bundled_discount", kind: .optionalAmount),
            ]
        } else if net {
            result += named([("discount/EdpDiscount", .optionalAmount), ("discount/TotalDiscount", .optionalAmount)])
        }
        result += named(savingsPlan)
        if format.isCUR2 {
            result += [Column(name: "resource_tags", kind: .map), Column(name: "cost_category", kind: .map)]
        } else {
            result += tagKeys.map { Column(name: "resourceTags/user:" + $0, kind: .optionalText) }
        }
        return result
    }

    /// The reservation columns in order (the `Net*` ones only with discounts).
    static func reservationColumns(net: Bool) -> [(String, Kind)] {
        var names: [(String, Kind)] = [
            ("AmortizedUpfrontCostForUsage", .optionalAmount), ("AmortizedUpfrontFeeForBillingPeriod", .optionalAmount),
            ("AvailabilityZone", .optionalText), ("EffectiveCost", .optionalAmount), ("EndTime", .optionalText),
            ("ModificationStatus", .optionalText),
        ]
        if net {
            names += [
                "NetAmortizedUpfrontCostForUsage", "NetAmortizedUpfrontFeeForBillingPeriod", "NetEffectiveCost",
                "NetRecurringFeeForUsage", "NetUnusedAmortizedUpfrontFeeForBillingPeriod", "NetUnusedRecurringFee",
                "NetUpfrontValue",
            ].map { ($0, .optionalAmount) }
        }
        names += [
            ("NormalizedUnitsPerReservation", .optionalAmount), ("NumberOfReservations", .optionalAmount),
            ("RecurringFeeForUsage", .optionalAmount), ("ReservationARN", .optionalText), ("StartTime", .optionalText),
            ("SubscriptionId", .optionalText), ("TotalReservedNormalizedUnits", .optionalAmount),
            ("TotalReservedUnits", .optionalAmount), ("UnitsPerReservation", .optionalAmount),
            ("UnusedAmortizedUpfrontFeeForBillingPeriod", .optionalAmount), ("UnusedNormalizedUnitQuantity", .optionalAmount),
            ("UnusedQuantity", .optionalAmount), ("UnusedRecurringFee", .optionalAmount), ("UpfrontValue", .optionalAmount),
        ]
        return names
    }

    /// The Savings Plan columns in order (the `Net*` ones only with discounts).
    static func savingsPlanColumns(net: Bool) -> [(String, Kind)] {
        var names: [(String, Kind)] = [
            ("TotalCommitmentToDate", .optionalAmount), ("SavingsPlanARN", .optionalText),
            ("SavingsPlanRate", .optionalAmount), ("UsedCommitment", .optionalAmount),
            ("SavingsPlanEffectiveCost", .optionalAmount), ("AmortizedUpfrontCommitmentForBillingPeriod", .optionalAmount),
            ("RecurringCommitmentForBillingPeriod", .optionalAmount),
        ]
        if net {
            names += [
                ("NetSavingsPlanEffectiveCost", .optionalAmount),
                ("NetAmortizedUpfrontCommitmentForBillingPeriod", .optionalAmount),
                ("NetRecurringCommitmentForBillingPeriod", .optionalAmount),
            ]
        }
        names += [
            ("Region", .optionalText), ("InstanceTypeFamily", .optionalText), ("PurchaseTerm", .optionalText),
            ("PaymentOption", .optionalText), ("EndTime", .optionalText), ("StartTime", .optionalText),
            ("OfferingType", .optionalText),
        ]
        return names
    }
}
