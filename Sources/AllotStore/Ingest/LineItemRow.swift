import AllotCore
import Postgres

/// Encodes line items as binary rows of `COPY line_items_d<N> (…) FROM STDIN WITH (FORMAT binary)`.
///
/// ``columns`` and ``encode(_:costs:file:line:product:context:into:)`` list the same columns in the same order, each
/// appended with its column's type. Amounts and timestamps go in PostgreSQL's binary forms, so the server parses
/// nothing: this is the ingest's hot path.
struct LineItemRow {
    /// Where the row comes from and where it goes.
    struct Context {
        var organization: String
        var period: BillingPeriod
        var delivery: Int
        var payerAccountId: String
    }

    static let columns: [String] = [
        "org_id", "billing_period", "delivery_id", "source_file", "source_line",
        "payer_account_id", "usage_account_id", "line_item_type", "usage_start", "usage_end",
        "bill_type", "invoice_id", "billing_entity", "invoicing_entity", "legal_entity",
        "product_code", "usage_type", "operation", "region", "availability_zone", "resource_id",
        "usage_amount", "normalization_factor", "normalized_usage_amount", "currency",
        "unblended_rate", "unblended_cost", "net_unblended_cost", "amortized_cost", "net_amortized_cost",
        "public_on_demand_rate", "public_on_demand_cost", "pricing_term", "pricing_unit", "purchase_option",
        "offering_class", "lease_contract_length",
        "instance_type", "instance_type_family", "operating_system", "tenancy", "license_model", "pre_installed_software",
        "commitment_arn", "commitment_kind", "commitment_owner_account_id",
        "sp_rate", "sp_effective_cost", "sp_total_commitment_to_date", "sp_used_commitment",
        "sp_amortized_upfront_commitment", "sp_recurring_commitment", "sp_net_effective_cost",
        "sp_net_amortized_upfront_commitment", "sp_net_recurring_commitment", "sp_offering_type",
        "sp_payment_option", "sp_purchase_term", "sp_region", "sp_instance_type_family", "sp_start", "sp_end",
        "ri_effective_cost", "ri_amortized_upfront_cost_for_usage", "ri_recurring_fee_for_usage",
        "ri_amortized_upfront_fee", "ri_unused_amortized_upfront_fee", "ri_unused_recurring_fee",
        "ri_unused_quantity", "ri_unused_normalized_units", "ri_total_reserved_units",
        "ri_total_reserved_normalized_units", "ri_units_per_reservation", "ri_number_of_reservations",
        "ri_normalized_units_per_reservation", "ri_upfront_value", "ri_start", "ri_end", "ri_availability_zone",
        "ri_subscription_id", "ri_modification_status", "ri_net_effective_cost",
        "ri_net_amortized_upfront_cost_for_usage", "ri_net_recurring_fee_for_usage", "ri_net_amortized_upfront_fee",
        "ri_net_unused_amortized_upfront_fee", "ri_net_unused_recurring_fee", "ri_net_upfront_value",
        "total_discount", "bundled_discount", "description", "tax_type",
        "tags", "cost_categories", "product_key", "discounts",
    ]

    /// Encodes one line; `product` is the key of its product attributes in the delivery's dictionary.
    static func encode(
        _ item: LineItem, costs: DeliveryTotals.Costs, file: Int, line: Int, product: Int32?, context: Context,
        into row: inout CopyBinaryEncoder
    ) {
        row.append(context.organization)
        row.appendDate(of: context.period.start)
        row.append(Int64(context.delivery))
        row.append(Int16(truncatingIfNeeded: file))
        row.append(Int64(line))
        row.append(item.payerAccountId ?? context.payerAccountId)
        row.append(item.usageAccountId)
        row.append(item.type.rawValue)
        row.append(item.usageStart)
        row.append(item.usageEnd)
        row.append(item.billType)
        row.append(item.invoiceId)
        row.append(item.billingEntity)
        row.append(item.invoicingEntity)
        row.append(item.legalEntity)
        row.append(item.productCode)
        row.append(item.usageType)
        row.append(item.operation)
        row.append(item.region)
        row.append(item.availabilityZone)
        row.append(item.resourceId)
        row.append(item.usageAmount)
        row.append(item.normalizationFactor)
        row.append(item.normalizedUsageAmount)
        row.append(item.currency)
        row.append(item.unblendedRate)
        row.append(costs.unblended)
        row.append(costs.netUnblended)
        row.append(costs.amortized)
        row.append(costs.netAmortized)
        row.append(item.publicOnDemandRate)
        row.append(item.publicOnDemandCost)
        row.append(item.pricingTerm)
        row.append(item.pricingUnit)
        row.append(item.purchaseOption)
        row.append(item.offeringClass)
        row.append(item.leaseContractLength)
        row.append(item.instanceType)
        row.append(item.instanceTypeFamily)
        row.append(item.operatingSystem)
        row.append(item.tenancy)
        row.append(item.licenseModel)
        row.append(item.preInstalledSoftware)
        let commitment = item.commitment
        row.append(commitment?.rawValue)
        row.append(commitment?.kind.description)
        row.append(commitment?.ownerAccountId)
        let plan = item.savingsPlan
        row.append(plan.rate)
        row.append(plan.effectiveCost)
        row.append(plan.totalCommitmentToDate)
        row.append(plan.usedCommitment)
        row.append(plan.amortizedUpfrontCommitmentForBillingPeriod)
        row.append(plan.recurringCommitmentForBillingPeriod)
        row.append(plan.netEffectiveCost)
        row.append(plan.netAmortizedUpfrontCommitmentForBillingPeriod)
        row.append(plan.netRecurringCommitmentForBillingPeriod)
        row.append(plan.offeringType)
        row.append(plan.paymentOption)
        row.append(plan.purchaseTerm)
        row.append(plan.region)
        row.append(plan.instanceTypeFamily)
        row.append(plan.startTime)
        row.append(plan.endTime)
        let reservation = item.reservation
        row.append(reservation.effectiveCost)
        row.append(reservation.amortizedUpfrontCostForUsage)
        row.append(reservation.recurringFeeForUsage)
        row.append(reservation.amortizedUpfrontFeeForBillingPeriod)
        row.append(reservation.unusedAmortizedUpfrontFeeForBillingPeriod)
        row.append(reservation.unusedRecurringFee)
        row.append(reservation.unusedQuantity)
        row.append(reservation.unusedNormalizedUnitQuantity)
        row.append(reservation.totalReservedUnits)
        row.append(reservation.totalReservedNormalizedUnits)
        row.append(reservation.unitsPerReservation)
        row.append(reservation.numberOfReservations)
        row.append(reservation.normalizedUnitsPerReservation)
        row.append(reservation.upfrontValue)
        row.append(reservation.startTime)
        row.append(reservation.endTime)
        row.append(reservation.availabilityZone)
        row.append(reservation.subscriptionId)
        row.append(reservation.modificationStatus)
        row.append(reservation.netEffectiveCost)
        row.append(reservation.netAmortizedUpfrontCostForUsage)
        row.append(reservation.netRecurringFeeForUsage)
        row.append(reservation.netAmortizedUpfrontFeeForBillingPeriod)
        row.append(reservation.netUnusedAmortizedUpfrontFeeForBillingPeriod)
        row.append(reservation.netUnusedRecurringFee)
        row.append(reservation.netUpfrontValue)
        row.append(item.totalDiscount)
        row.append(item.bundledDiscount)
        row.append(item.lineItemDescription)
        row.append(item.taxType)
        row.appendJSONB(item.tags.appendJSON)
        row.appendJSONB(item.costCategories.appendJSON)
        row.append(product)
        row.appendJSONB(item.discounts.appendJSON)
        row.endRow()
    }
}
