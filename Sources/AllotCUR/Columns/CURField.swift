/// A CUR column that maps to a typed ``LineItem`` property, named by its CUR 2.0 / Athena name.
///
/// Header names are matched on their letters and digits only, lower-cased (``lookupKey(_:)``), so
/// `lineItem/UnblendedCost`, `line_item_unblended_cost`, and the odd spellings seen in real
/// files (`savingsPlan/SavingsPlanArn` next to AWS's `savingsPlan/SavingsPlanARN`) all find the
/// same field.
enum CURField: String, CaseIterable, Sendable {
    case billPayerAccountId = "bill_payer_account_id"
    case billPayerAccountName = "bill_payer_account_name"
    case billBillType = "bill_bill_type"
    case billBillingPeriodStartDate = "bill_billing_period_start_date"
    case billBillingPeriodEndDate = "bill_billing_period_end_date"
    case billInvoiceId = "bill_invoice_id"
    case billBillingEntity = "bill_billing_entity"
    case billInvoicingEntity = "bill_invoicing_entity"
    case identityTimeInterval = "identity_time_interval"
    case usageAccountId = "line_item_usage_account_id"
    case usageAccountName = "line_item_usage_account_name"
    case lineItemType = "line_item_line_item_type"
    case usageStartDate = "line_item_usage_start_date"
    case usageEndDate = "line_item_usage_end_date"
    case productCode = "line_item_product_code"
    case usageType = "line_item_usage_type"
    case operation = "line_item_operation"
    case availabilityZone = "line_item_availability_zone"
    case resourceId = "line_item_resource_id"
    case usageAmount = "line_item_usage_amount"
    case normalizationFactor = "line_item_normalization_factor"
    case normalizedUsageAmount = "line_item_normalized_usage_amount"
    case currencyCode = "line_item_currency_code"
    case unblendedRate = "line_item_unblended_rate"
    case unblendedCost = "line_item_unblended_cost"
    case netUnblendedRate = "line_item_net_unblended_rate"
    case netUnblendedCost = "line_item_net_unblended_cost"
    case lineItemDescription = "line_item_line_item_description"
    case taxType = "line_item_tax_type"
    case legalEntity = "line_item_legal_entity"
    case publicOnDemandRate = "pricing_public_on_demand_rate"
    case publicOnDemandCost = "pricing_public_on_demand_cost"
    case pricingTerm = "pricing_term"
    case pricingUnit = "pricing_unit"
    case purchaseOption = "pricing_purchase_option"
    case offeringClass = "pricing_offering_class"
    case leaseContractLength = "pricing_lease_contract_length"
    case productRegionCode = "product_region_code"
    case productRegion = "product_region"
    case productInstanceType = "product_instance_type"
    case productInstanceTypeFamily = "product_instance_type_family"
    case productOperatingSystem = "product_operating_system"
    case productTenancy = "product_tenancy"
    case productLicenseModel = "product_license_model"
    case productPreInstalledSw = "product_pre_installed_sw"
    case reservationARN = "reservation_reservation_a_r_n"
    case reservationEffectiveCost = "reservation_effective_cost"
    case reservationAmortizedUpfrontCostForUsage = "reservation_amortized_upfront_cost_for_usage"
    case reservationRecurringFeeForUsage = "reservation_recurring_fee_for_usage"
    case reservationAmortizedUpfrontFeeForBillingPeriod = "reservation_amortized_upfront_fee_for_billing_period"
    case reservationUnusedAmortizedUpfrontFeeForBillingPeriod =
        "reservation_unused_amortized_upfront_fee_for_billing_period"
    case reservationUnusedRecurringFee = "reservation_unused_recurring_fee"
    case reservationUnusedQuantity = "reservation_unused_quantity"
    case reservationUnusedNormalizedUnitQuantity = "reservation_unused_normalized_unit_quantity"
    case reservationTotalReservedUnits = "reservation_total_reserved_units"
    case reservationTotalReservedNormalizedUnits = "reservation_total_reserved_normalized_units"
    case reservationUnitsPerReservation = "reservation_units_per_reservation"
    case reservationNumberOfReservations = "reservation_number_of_reservations"
    case reservationNormalizedUnitsPerReservation = "reservation_normalized_units_per_reservation"
    case reservationUpfrontValue = "reservation_upfront_value"
    case reservationStartTime = "reservation_start_time"
    case reservationEndTime = "reservation_end_time"
    case reservationAvailabilityZone = "reservation_availability_zone"
    case reservationSubscriptionId = "reservation_subscription_id"
    case reservationModificationStatus = "reservation_modification_status"
    case reservationNetEffectiveCost = "reservation_net_effective_cost"
    case reservationNetAmortizedUpfrontCostForUsage = "reservation_net_amortized_upfront_cost_for_usage"
    case reservationNetRecurringFeeForUsage = "reservation_net_recurring_fee_for_usage"
    case reservationNetAmortizedUpfrontFeeForBillingPeriod = "reservation_net_amortized_upfront_fee_for_billing_period"
    case reservationNetUnusedAmortizedUpfrontFeeForBillingPeriod =
        "reservation_net_unused_amortized_upfront_fee_for_billing_period"
    case reservationNetUnusedRecurringFee = "reservation_net_unused_recurring_fee"
    case reservationNetUpfrontValue = "reservation_net_upfront_value"
    case savingsPlanARN = "savings_plan_savings_plan_a_r_n"
    case savingsPlanRate = "savings_plan_savings_plan_rate"
    case savingsPlanEffectiveCost = "savings_plan_savings_plan_effective_cost"
    case savingsPlanTotalCommitmentToDate = "savings_plan_total_commitment_to_date"
    case savingsPlanUsedCommitment = "savings_plan_used_commitment"
    case savingsPlanAmortizedUpfrontCommitmentForBillingPeriod =
        "savings_plan_amortized_upfront_commitment_for_billing_period"
    case savingsPlanRecurringCommitmentForBillingPeriod = "savings_plan_recurring_commitment_for_billing_period"
    case savingsPlanNetEffectiveCost = "savings_plan_net_savings_plan_effective_cost"
    case savingsPlanNetAmortizedUpfrontCommitmentForBillingPeriod =
        "savings_plan_net_amortized_upfront_commitment_for_billing_period"
    case savingsPlanNetRecurringCommitmentForBillingPeriod = "savings_plan_net_recurring_commitment_for_billing_period"
    case savingsPlanOfferingType = "savings_plan_offering_type"
    case savingsPlanPaymentOption = "savings_plan_payment_option"
    case savingsPlanPurchaseTerm = "savings_plan_purchase_term"
    case savingsPlanRegion = "savings_plan_region"
    case savingsPlanInstanceTypeFamily = "savings_plan_instance_type_family"
    case savingsPlanStartTime = "savings_plan_start_time"
    case savingsPlanEndTime = "savings_plan_end_time"
    case discountTotalDiscount = "discount_total_discount"
    case discountBundledDiscount = "discount_bundled_discount"

    /// How a field's text is converted.
    enum Kind {
        case text, amount, timestamp, interval
        /// Text that must be an AWS account id: exactly 12 ASCII digits.
        case accountId
    }

    var kind: Kind {
        switch self {
        case .billPayerAccountId, .usageAccountId:
            .accountId
        case .billBillingPeriodStartDate, .billBillingPeriodEndDate, .usageStartDate, .usageEndDate,
            .reservationStartTime, .reservationEndTime, .savingsPlanStartTime, .savingsPlanEndTime:
            .timestamp
        case .identityTimeInterval:
            .interval
        case .usageAmount, .normalizationFactor, .normalizedUsageAmount, .unblendedRate, .unblendedCost,
            .netUnblendedRate, .netUnblendedCost, .publicOnDemandRate, .publicOnDemandCost,
            .reservationEffectiveCost, .reservationAmortizedUpfrontCostForUsage, .reservationRecurringFeeForUsage,
            .reservationAmortizedUpfrontFeeForBillingPeriod, .reservationUnusedAmortizedUpfrontFeeForBillingPeriod,
            .reservationUnusedRecurringFee, .reservationUnusedQuantity, .reservationUnusedNormalizedUnitQuantity,
            .reservationTotalReservedUnits, .reservationTotalReservedNormalizedUnits,
            .reservationUnitsPerReservation, .reservationNumberOfReservations,
            .reservationNormalizedUnitsPerReservation, .reservationUpfrontValue, .reservationNetEffectiveCost,
            .reservationNetAmortizedUpfrontCostForUsage, .reservationNetRecurringFeeForUsage,
            .reservationNetAmortizedUpfrontFeeForBillingPeriod,
            .reservationNetUnusedAmortizedUpfrontFeeForBillingPeriod, .reservationNetUnusedRecurringFee,
            .reservationNetUpfrontValue, .savingsPlanRate, .savingsPlanEffectiveCost,
            .savingsPlanTotalCommitmentToDate, .savingsPlanUsedCommitment,
            .savingsPlanAmortizedUpfrontCommitmentForBillingPeriod, .savingsPlanRecurringCommitmentForBillingPeriod,
            .savingsPlanNetEffectiveCost, .savingsPlanNetAmortizedUpfrontCommitmentForBillingPeriod,
            .savingsPlanNetRecurringCommitmentForBillingPeriod, .discountTotalDiscount, .discountBundledDiscount:
            .amount
        default:
            .text
        }
    }

    /// Whether repeated values are worth sharing one `String` (everything but resource ids).
    var isInterned: Bool { self != .resourceId }

    /// The fields every row must have (`usageStartDate` may be replaced by `identityTimeInterval`).
    static let essential: [CURField] = [.lineItemType, .usageAccountId, .usageStartDate, .unblendedCost]

    /// The key ``CURField/byLookupKey`` is indexed by: ASCII letters and digits, lower-cased.
    static func lookupKey(_ name: some StringProtocol) -> String {
        String(
            decoding: name.utf8.compactMap { byte -> UInt8? in
                if byte &- UInt8(ascii: "A") < 26 { return byte | 0x20 }
                if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 { return byte }
                return nil
            }, as: UTF8.self)
    }

    static let byLookupKey: [String: CURField] = Dictionary(
        uniqueKeysWithValues: allCases.map { (lookupKey($0.rawValue), $0) })

    /// Keys of the CUR 2.0 `product` map that fill typed fields instead of product attributes.
    static let productMapFields: [String: CURField] = [
        "region_code": .productRegionCode, "region": .productRegion, "instance_type": .productInstanceType,
        "instance_type_family": .productInstanceTypeFamily, "operating_system": .productOperatingSystem,
        "tenancy": .productTenancy, "license_model": .productLicenseModel, "pre_installed_sw": .productPreInstalledSw,
    ]
}
