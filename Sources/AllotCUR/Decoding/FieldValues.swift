import AllotCore

/// Stores decoded values into a ``LineItem`` and keeps the few that need a second look once the
/// whole row is read (region spellings, the end of `identity/TimeInterval`).
struct FieldValues {
    var regionCode: String?
    var regionName: String?
    var intervalEnd: Timestamp?

    mutating func assign(_ text: String, to field: CURField, in item: inout LineItem) {
        switch field {
        case .billPayerAccountId: item.payerAccountId = text
        case .billPayerAccountName: item.payerAccountName = text
        case .billBillType: item.billType = text
        case .billInvoiceId: item.invoiceId = text
        case .billBillingEntity: item.billingEntity = text
        case .billInvoicingEntity: item.invoicingEntity = text
        case .usageAccountId: item.usageAccountId = text
        case .usageAccountName: item.usageAccountName = text
        case .productCode: item.productCode = text
        case .usageType: item.usageType = text
        case .operation: item.operation = text
        case .availabilityZone: item.availabilityZone = text
        case .resourceId: item.resourceId = text
        case .currencyCode: item.currency = text
        case .lineItemDescription: item.lineItemDescription = text
        case .taxType: item.taxType = text
        case .legalEntity: item.legalEntity = text
        case .pricingTerm: item.pricingTerm = text
        case .pricingUnit: item.pricingUnit = text
        case .purchaseOption: item.purchaseOption = text
        case .offeringClass: item.offeringClass = text
        case .leaseContractLength: item.leaseContractLength = text
        case .productRegionCode: regionCode = text
        case .productRegion: regionName = text
        case .productInstanceType: item.instanceType = text
        case .productInstanceTypeFamily: item.instanceTypeFamily = text
        case .productOperatingSystem: item.operatingSystem = text
        case .productTenancy: item.tenancy = text
        case .productLicenseModel: item.licenseModel = text
        case .productPreInstalledSw: item.preInstalledSoftware = text
        case .reservationARN: item.reservation.arn = text
        case .reservationAvailabilityZone: item.reservation.availabilityZone = text
        case .reservationSubscriptionId: item.reservation.subscriptionId = text
        case .reservationModificationStatus: item.reservation.modificationStatus = text
        case .savingsPlanARN: item.savingsPlan.arn = text
        case .savingsPlanOfferingType: item.savingsPlan.offeringType = text
        case .savingsPlanPaymentOption: item.savingsPlan.paymentOption = text
        case .savingsPlanPurchaseTerm: item.savingsPlan.purchaseTerm = text
        case .savingsPlanRegion: item.savingsPlan.region = text
        case .savingsPlanInstanceTypeFamily: item.savingsPlan.instanceTypeFamily = text
        case .lineItemType: item.type = LineItemType(rawValue: text)
        default: break
        }
    }

    /// For values from the CUR 2.0 `product` map: a dedicated column, when present, wins.
    mutating func assignIfAbsent(_ text: String, to field: CURField, in item: inout LineItem) {
        let current: String? =
            switch field {
            case .productRegionCode: regionCode
            case .productRegion: regionName
            case .productInstanceType: item.instanceType
            case .productInstanceTypeFamily: item.instanceTypeFamily
            case .productOperatingSystem: item.operatingSystem
            case .productTenancy: item.tenancy
            case .productLicenseModel: item.licenseModel
            case .productPreInstalledSw: item.preInstalledSoftware
            default: nil
            }
        if current == nil { assign(text, to: field, in: &item) }
    }

    func assign(_ amount: Amount, to field: CURField, in item: inout LineItem) {
        switch field {
        case .usageAmount: item.usageAmount = amount
        case .normalizationFactor: item.normalizationFactor = amount
        case .normalizedUsageAmount: item.normalizedUsageAmount = amount
        case .unblendedRate: item.unblendedRate = amount
        case .unblendedCost: item.unblendedCost = amount
        case .netUnblendedRate: item.netUnblendedRate = amount
        case .netUnblendedCost: item.reportedNetUnblendedCost = amount
        case .publicOnDemandRate: item.publicOnDemandRate = amount
        case .publicOnDemandCost: item.publicOnDemandCost = amount
        case .reservationEffectiveCost: item.reservation.effectiveCost = amount
        case .reservationAmortizedUpfrontCostForUsage: item.reservation.amortizedUpfrontCostForUsage = amount
        case .reservationRecurringFeeForUsage: item.reservation.recurringFeeForUsage = amount
        case .reservationAmortizedUpfrontFeeForBillingPeriod:
            item.reservation.amortizedUpfrontFeeForBillingPeriod = amount
        case .reservationUnusedAmortizedUpfrontFeeForBillingPeriod:
            item.reservation.unusedAmortizedUpfrontFeeForBillingPeriod = amount
        case .reservationUnusedRecurringFee: item.reservation.unusedRecurringFee = amount
        case .reservationUnusedQuantity: item.reservation.unusedQuantity = amount
        case .reservationUnusedNormalizedUnitQuantity: item.reservation.unusedNormalizedUnitQuantity = amount
        case .reservationTotalReservedUnits: item.reservation.totalReservedUnits = amount
        case .reservationTotalReservedNormalizedUnits: item.reservation.totalReservedNormalizedUnits = amount
        case .reservationUnitsPerReservation: item.reservation.unitsPerReservation = amount
        case .reservationNumberOfReservations: item.reservation.numberOfReservations = amount
        case .reservationNormalizedUnitsPerReservation: item.reservation.normalizedUnitsPerReservation = amount
        case .reservationUpfrontValue: item.reservation.upfrontValue = amount
        case .reservationNetEffectiveCost: item.reservation.netEffectiveCost = amount
        case .reservationNetAmortizedUpfrontCostForUsage: item.reservation.netAmortizedUpfrontCostForUsage = amount
        case .reservationNetRecurringFeeForUsage: item.reservation.netRecurringFeeForUsage = amount
        case .reservationNetAmortizedUpfrontFeeForBillingPeriod:
            item.reservation.netAmortizedUpfrontFeeForBillingPeriod = amount
        case .reservationNetUnusedAmortizedUpfrontFeeForBillingPeriod:
            item.reservation.netUnusedAmortizedUpfrontFeeForBillingPeriod = amount
        case .reservationNetUnusedRecurringFee: item.reservation.netUnusedRecurringFee = amount
        case .reservationNetUpfrontValue: item.reservation.netUpfrontValue = amount
        case .savingsPlanRate: item.savingsPlan.rate = amount
        case .savingsPlanEffectiveCost: item.savingsPlan.effectiveCost = amount
        case .savingsPlanTotalCommitmentToDate: item.savingsPlan.totalCommitmentToDate = amount
        case .savingsPlanUsedCommitment: item.savingsPlan.usedCommitment = amount
        case .savingsPlanAmortizedUpfrontCommitmentForBillingPeriod:
            item.savingsPlan.amortizedUpfrontCommitmentForBillingPeriod = amount
        case .savingsPlanRecurringCommitmentForBillingPeriod:
            item.savingsPlan.recurringCommitmentForBillingPeriod = amount
        case .savingsPlanNetEffectiveCost: item.savingsPlan.netEffectiveCost = amount
        case .savingsPlanNetAmortizedUpfrontCommitmentForBillingPeriod:
            item.savingsPlan.netAmortizedUpfrontCommitmentForBillingPeriod = amount
        case .savingsPlanNetRecurringCommitmentForBillingPeriod:
            item.savingsPlan.netRecurringCommitmentForBillingPeriod = amount
        case .discountTotalDiscount: item.totalDiscount = amount
        case .discountBundledDiscount: item.bundledDiscount = amount
        default: break
        }
    }

    func assign(_ timestamp: Timestamp, to field: CURField, in item: inout LineItem) {
        switch field {
        case .billBillingPeriodStartDate: item.billingPeriodStart = timestamp
        case .billBillingPeriodEndDate: item.billingPeriodEnd = timestamp
        case .usageStartDate: item.usageStart = timestamp
        case .usageEndDate: item.usageEnd = timestamp
        case .reservationStartTime: item.reservation.startTime = timestamp
        case .reservationEndTime: item.reservation.endTime = timestamp
        case .savingsPlanStartTime: item.savingsPlan.startTime = timestamp
        case .savingsPlanEndTime: item.savingsPlan.endTime = timestamp
        default: break
        }
    }

    /// Values derived once the row is complete.
    func finish(_ item: inout LineItem, payerAccountId: String?) {
        item.region = regionCode ?? regionName
        if item.usageEnd == nil { item.usageEnd = intervalEnd }
        if item.payerAccountId == nil { item.payerAccountId = payerAccountId }
    }
}
