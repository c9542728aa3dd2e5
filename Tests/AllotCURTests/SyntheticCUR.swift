import AllotCUR
import Foundation

/// A deterministic legacy CUR of realistic width for the read-speed measurement: 133 columns, about
/// 1.3 KB per row, a mix of EC2 usage, data transfer, SP- and RI-covered rows, tags and cost categories.
enum SyntheticCUR {
    static let productColumns = [
        "ProductName", "availability", "availabilityZone", "capacitystatus", "clockSpeed", "currentGeneration",
        "dedicatedEbsThroughput", "durability", "ecu", "enhancedNetworkingSupported", "fromLocation",
        "fromLocationType", "group", "groupDescription", "instanceFamily", "instanceType", "intelAvx2Available",
        "intelAvxAvailable", "intelTurboAvailable", "licenseModel", "location", "locationType", "marketoption",
        "maxIopsvolume", "memory", "networkPerformance", "normalizationSizeFactor", "operatingSystem", "operation",
        "physicalProcessor", "preInstalledSw", "processorArchitecture", "processorFeatures", "productFamily",
        "region", "regionCode", "servicecode", "servicename", "sku", "storage", "storageClass", "storageMedia",
        "tenancy", "toLocation", "toLocationType", "transferType", "usagetype", "vcpu", "volumeApiName", "volumeType",
    ]

    static let header: [String] = {
        var names = [
            "identity/LineItemId", "identity/TimeInterval", "bill/InvoiceId", "bill/InvoicingEntity",
            "bill/BillingEntity", "bill/BillType", "bill/PayerAccountId", "bill/BillingPeriodStartDate",
            "bill/BillingPeriodEndDate", "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/UsageStartDate",
            "lineItem/UsageEndDate", "lineItem/ProductCode", "lineItem/UsageType", "lineItem/Operation",
            "lineItem/AvailabilityZone", "lineItem/ResourceId", "lineItem/UsageAmount", "lineItem/NormalizationFactor",
            "lineItem/NormalizedUsageAmount", "lineItem/CurrencyCode", "lineItem/UnblendedRate",
            "lineItem/UnblendedCost", "lineItem/BlendedRate", "lineItem/BlendedCost", "lineItem/LineItemDescription",
            "lineItem/TaxType", "lineItem/LegalEntity",
        ]
        names += productColumns.map { "product/" + $0 }
        names += [
            "pricing/LeaseContractLength", "pricing/OfferingClass", "pricing/PurchaseOption", "pricing/RateCode",
            "pricing/RateId", "pricing/currency", "pricing/publicOnDemandCost", "pricing/publicOnDemandRate",
            "pricing/term", "pricing/unit",
        ]
        names += [
            "AmortizedUpfrontCostForUsage", "AmortizedUpfrontFeeForBillingPeriod", "AvailabilityZone", "EffectiveCost",
            "EndTime", "ModificationStatus", "NormalizedUnitsPerReservation", "NumberOfReservations",
            "RecurringFeeForUsage", "ReservationARN", "StartTime", "SubscriptionId", "TotalReservedNormalizedUnits",
            "TotalReservedUnits", "UnitsPerReservation", "UnusedAmortizedUpfrontFeeForBillingPeriod",
            "UnusedNormalizedUnitQuantity", "UnusedQuantity", "UnusedRecurringFee", "UpfrontValue",
        ].map { "reservation/" + $0 }
        names += [
            "TotalCommitmentToDate", "SavingsPlanARN", "SavingsPlanRate", "UsedCommitment", "SavingsPlanEffectiveCost",
            "AmortizedUpfrontCommitmentForBillingPeriod", "RecurringCommitmentForBillingPeriod", "OfferingType",
            "PaymentOption", "PurchaseTerm", "Region", "InstanceTypeFamily", "StartTime", "EndTime",
        ].map { "savingsPlan/" + $0 }
        names += [
            "user:Application", "user:CostCenter", "user:Environment", "user:Owner", "user:Team",
            "user:Project", "aws:createdBy", "user:Name",
        ].map { "resourceTags/" + $0 }
        names += ["costCategory/Business Unit", "costCategory/Charge type"]
        return names
    }()

    /// Writes `rows` rows; returns the uncompressed byte count. Gzip when the path ends in `.gz`.
    static func write(rows: Int, to path: String) throws -> Int {
        let gzip = path.hasSuffix(".gz")
        let writer = gzip ? try GzipWriter(path: path, level: 1) : nil
        var plain: [UInt8] = []
        var csv = CSVWriter()
        var total = 0
        csv.writeRow(header)
        var state: UInt64 = 0x1234_5678
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let types = ["m5.large", "m5.xlarge", "c5.2xlarge", "r5.large", "t3.medium", "m6g.large"]
        let accounts = ["111122223333", "222233334444", "333344445555", "444455556666", "555566667777"]
        for row in 0..<rows {
            let hour = row % 720
            let day = hour / 24 + 1
            let start = "2023-06-\(day < 10 ? "0" : "")\(day)T\(hour % 24 < 10 ? "0" : "")\(hour % 24):00:00Z"
            let end = "2023-06-\(day < 10 ? "0" : "")\(day)T\(hour % 24 < 10 ? "0" : "")\(hour % 24):59:59Z"
            let type = types[next(types.count)]
            let kind = next(20)
            let lineType =
                kind < 16 ? "Usage" : kind < 18 ? "SavingsPlanCoveredUsage" : kind == 18 ? "DiscountedUsage" : "Usage"
            let cents = next(100_000)
            let cost = "0.\(cents < 10_000 ? "0" : "")\(cents)2849"
            var fields = [String](repeating: "", count: header.count)
            fields[0] = "abcdefghijklmnopqrstuvwxyz\(row)"
            fields[1] = start + "/" + end
            fields[2] = "EUINGB23-\(1000 + next(10))"
            fields[3] = "Amazon Web Services EMEA SARL"
            fields[4] = "AWS"
            fields[5] = "Anniversary"
            fields[6] = "999988887777"
            fields[7] = "2023-06-01T00:00:00Z"
            fields[8] = "2023-07-01T00:00:00Z"
            fields[9] = accounts[next(accounts.count)]
            fields[10] = lineType
            fields[11] = start
            fields[12] = end
            fields[13] = kind == 19 ? "AWSDataTransfer" : "AmazonEC2"
            fields[14] = kind == 19 ? "EUW1-DataTransfer-Out-Bytes" : "EUW1-BoxUsage:\(type)"
            fields[15] = kind == 19 ? "RunInstances" : "RunInstances:0002"
            fields[16] = "eu-west-1\(["a", "b", "c"][next(3)])"
            fields[17] = "i-0\(String(state, radix: 16).prefix(16))"
            fields[18] = "1.0000000000"
            fields[19] = "4"
            fields[20] = "4"
            fields[21] = "USD"
            fields[22] = "0.1070000000"
            fields[23] = lineType == "DiscountedUsage" ? "0" : cost
            fields[24] = "0.1070000000"
            fields[25] = fields[23]
            fields[26] = "$0.107 per On Demand Linux \(type) Instance Hour, \"EU\" (Ireland)"
            fields[28] = "Amazon Web Services EMEA SARL"
            let product = 29
            let values: [String: String] = [
                "ProductName": "Amazon Elastic Compute Cloud", "availability": "", "capacitystatus": "Used",
                "clockSpeed": "3.1 GHz", "currentGeneration": "Yes", "dedicatedEbsThroughput": "Up to 4750 Mbps",
                "ecu": "10", "enhancedNetworkingSupported": "Yes", "instanceFamily": "General purpose",
                "instanceType": type, "intelAvx2Available": "Yes", "licenseModel": "No License required",
                "location": "EU (Ireland)", "locationType": "AWS Region", "marketoption": "OnDemand",
                "memory": "8 GiB", "networkPerformance": "Up to 10 Gigabit", "normalizationSizeFactor": "4",
                "operatingSystem": "Linux", "operation": "RunInstances",
                "physicalProcessor": "Intel Xeon Platinum 8175",
                "preInstalledSw": "NA", "processorArchitecture": "64-bit", "productFamily": "Compute Instance",
                "region": "eu-west-1", "regionCode": "eu-west-1", "servicecode": "AmazonEC2",
                "servicename": "Amazon Elastic Compute Cloud", "sku": "SKU\(next(500))", "storage": "EBS only",
                "tenancy": "Shared", "usagetype": "EUW1-BoxUsage:\(type)", "vcpu": "2",
            ]
            for (offset, name) in productColumns.enumerated() { fields[product + offset] = values[name] ?? "" }
            let pricing = product + productColumns.count
            fields[pricing + 3] = "SKU.JRTCKXETXF.6YS6EN2CT7"
            fields[pricing + 4] = "\(1_000_000 + next(1000))"
            fields[pricing + 5] = "USD"
            fields[pricing + 6] = cost
            fields[pricing + 7] = "0.1070000000"
            fields[pricing + 8] = lineType == "DiscountedUsage" ? "Reserved" : "OnDemand"
            fields[pricing + 9] = "Hrs"
            let reservation = pricing + 10
            if lineType == "DiscountedUsage" {
                fields[reservation + 3] = "0.0640000000"
                fields[reservation + 9] = "arn:aws:ec2:eu-west-1:444455556666:reserved-instances/1234abcd-\(next(9))"
            }
            let savingsPlan = reservation + 20
            if lineType == "SavingsPlanCoveredUsage" {
                fields[savingsPlan + 1] = "arn:aws:savingsplans::444455556666:savingsplan/5e6f7a8b-\(next(9))"
                fields[savingsPlan + 2] = "0.0710000000"
                fields[savingsPlan + 4] = "0.0710000000"
                fields[savingsPlan + 7] = "ComputeSavingsPlans"
                fields[savingsPlan + 8] = "No Upfront"
                fields[savingsPlan + 9] = "1yr"
                fields[savingsPlan + 12] = "2023-01-01T00:00:00.000Z"
                fields[savingsPlan + 13] = "2024-01-01T00:00:00.000Z"
            }
            let tags = savingsPlan + 14
            fields[tags] = ["checkout", "search", "billing", ""][next(4)]
            fields[tags + 1] = "CC-\(100 + next(20))"
            fields[tags + 2] = ["prod", "staging", "dev"][next(3)]
            fields[tags + 4] = ["data", "platform", ""][next(3)]
            fields[tags + 7] = "web-\(next(50))"
            fields[tags + 8] = ["Retail", "Media"][next(2)]
            csv.writeRow(fields)
            if csv.count > 1 << 20 {
                total += csv.count
                if let writer { try writer.write(csv.takeBytes()) } else { plain += csv.takeBytes() }
            }
        }
        total += csv.count
        if let writer {
            try writer.write(csv.takeBytes())
            try writer.finish()
        } else {
            plain += csv.takeBytes()
            try Data(plain).write(to: URL(fileURLWithPath: path))
        }
        return total
    }
}
