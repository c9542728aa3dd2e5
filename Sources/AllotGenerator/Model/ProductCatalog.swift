import AllotCore

/// Builds the products of a run once each (instances, services, commitment fees, the per-service
/// products of tax, credit and discount rows) and hands out the shared entries.
struct ProductCatalog {
    private var products: [String: ProductEntry] = [:]
    private static let ec2Name = "Amazon Elastic Compute Cloud"
    private static let defaultLegalEntity = "Amazon Web Services, Inc."

    /// Product names of product codes, for rows that carry only the service (tax, credits, discounts).
    private static let productNames: [String: String] = [
        "AmazonEC2": ec2Name, "AmazonS3": "Amazon Simple Storage Service", "AWSDataTransfer": "AWS Data Transfer",
        "AmazonRDS": "Amazon Relational Database Service", "AmazonDynamoDB": "Amazon DynamoDB",
        "AWSELB": "Elastic Load Balancing", "AmazonCloudWatch": "AmazonCloudWatch", "AWSCloudTrail": "AWS CloudTrail",
        "awskms": "AWS Key Management Service", "AmazonGuardDuty": "Amazon GuardDuty",
        "ComputeSavingsPlans": "Savings Plans for AWS Compute usage",
    ]

    /// The product of On-Demand instance usage (`BoxUsage`).
    mutating func instance(
        _ type: String, region: RegionCatalog.Region, platform: InstancePlatform, tenancy: InstanceTenancy, rate: Amount
    ) -> ProductEntry {
        let usage = (tenancy == .dedicated ? "DedicatedUsage:" : tenancy == .host ? "HostUsage:" : "BoxUsage:") + type
        return instanceProduct(type, region: region, platform: platform, tenancy: tenancy, usage: usage, rate: rate)
    }

    /// The product of a Reserved Instance's `RIFee` and upfront `Fee` rows (`HeavyUsage`).
    mutating func reservation(
        _ type: String, region: RegionCatalog.Region, platform: InstancePlatform, tenancy: InstanceTenancy
    ) -> ProductEntry {
        instanceProduct(type, region: region, platform: platform, tenancy: tenancy, usage: "HeavyUsage:" + type, rate: nil)
    }

    private mutating func instanceProduct(
        _ type: String, region: RegionCatalog.Region, platform: InstancePlatform, tenancy: InstanceTenancy,
        usage: String, rate: Amount?
    ) -> ProductEntry {
        let usageType = region.usageType(usage)
        let operation = Self.operation(platform)
        let cacheKey = "ec2|\(usageType)|\(operation)|\(rate?.description ?? "")"
        if let existing = products[cacheKey] { return existing }
        let facts = InstanceCatalog.type(type) ?? InstanceCatalog.unlisted(type)
        let family = InstanceAttributes.family(ofInstanceType: type)
        let graviton = CommitmentPricing.isGraviton(family)
        let operatingSystem = platform == .linuxUnix ? "Linux" : platform.rawValue
        let factor = NormalizationFactor.forInstanceType(type).map { $0.description } ?? ""
        let attributes = [
            ProductAttribute("ProductName", Self.ec2Name), ProductAttribute("availabilityZone", "NA"),
            ProductAttribute("capacitystatus", "Used"), ProductAttribute("clockSpeed", facts.clockSpeed),
            ProductAttribute("currentGeneration", "Yes"), ProductAttribute("dedicatedEbsThroughput", "Up to 4750 Mbps"),
            ProductAttribute("ecu", "NA"), ProductAttribute("enhancedNetworkingSupported", "Yes"),
            ProductAttribute("instanceFamily", facts.familyDescription), ProductAttribute("instanceType", type),
            ProductAttribute("instanceTypeFamily", family), ProductAttribute("intelAvx2Available", graviton ? "No" : "Yes"),
            ProductAttribute("intelAvxAvailable", graviton ? "No" : "Yes"),
            ProductAttribute("intelTurboAvailable", graviton ? "No" : "Yes"),
            ProductAttribute("licenseModel", platform == .linuxUnix ? "No License required" : "License included"),
            ProductAttribute("location", region.location), ProductAttribute("locationType", "AWS Region"),
            ProductAttribute("marketoption", "OnDemand"), ProductAttribute("memory", facts.memory),
            ProductAttribute("networkPerformance", facts.networkPerformance),
            ProductAttribute("normalizationSizeFactor", factor), ProductAttribute("operatingSystem", operatingSystem),
            ProductAttribute("operation", operation), ProductAttribute("physicalProcessor", facts.physicalProcessor),
            ProductAttribute("preInstalledSw", "NA"), ProductAttribute("processorArchitecture", graviton ? "64-bit (Arm)" : "64-bit"),
            ProductAttribute("productFamily", "Compute Instance"), ProductAttribute("region", region.code),
            ProductAttribute("regionCode", region.code), ProductAttribute("servicecode", "AmazonEC2"),
            ProductAttribute("servicename", Self.ec2Name), ProductAttribute("sku", Self.sku(usageType, operation, region.code)),
            ProductAttribute("storage", "EBS only"), ProductAttribute("tenancy", tenancy.description),
            ProductAttribute("usagetype", usageType), ProductAttribute("vcpu", String(facts.vcpu)),
        ]
        let description = rate.map { "$\($0) per On Demand \(operatingSystem) \(type) Instance Hour" } ?? ""
        let entry = ProductEntry(
            productCode: "AmazonEC2", usageType: usageType, operation: operation, unit: "Hrs",
            legalEntity: region.legalEntity, usageDescription: description, attributes: attributes)
        products[cacheKey] = entry
        return entry
    }

    /// The product of a non-instance service (S3, RDS, data transfer, …) in a Region at a rate.
    mutating func service(_ service: ServiceCatalog.Service, region: RegionCatalog.Region, rate: Amount) -> ProductEntry {
        let usageType = region.usageType(service.usageType)
        let cacheKey = "svc|\(service.name)|\(region.code)|\(rate)"
        if let existing = products[cacheKey] { return existing }
        var values: [String: String] = [
            "ProductName": service.productName, "location": region.location, "locationType": "AWS Region",
            "productFamily": service.productFamily, "region": region.code, "regionCode": region.code,
            "servicecode": service.productCode, "servicename": service.productName,
            "sku": Self.sku(usageType, service.operation, region.code), "usagetype": usageType,
            "operation": service.operation,
        ]
        if service.productCode == "AWSDataTransfer" { values["fromLocation"] = region.location }
        for (name, value) in service.attributes { values[name] = value }
        let attributes = ProductColumns.legacy.compactMap { name in values[name].map { ProductAttribute(name, $0) } }
        let entry = ProductEntry(
            productCode: service.productCode, usageType: usageType, operation: service.operation, unit: service.unit,
            legalEntity: region.legalEntity,
            usageDescription: "$\(rate) per \(service.unit) for \(service.operation.isEmpty ? service.usageType : service.operation) in \(region.location)",
            attributes: attributes)
        products[cacheKey] = entry
        return entry
    }

    /// The product of a Savings Plan's recurring and upfront fee rows.
    mutating func savingsPlan(kind: SavingsPlan.Kind, term: CommitmentTerm, payment: PaymentOption) -> ProductEntry {
        let plan = term.description + payment.compactName
        let usageType = kind.instanceFamily.map { "EC2InstanceSP:\($0).\(plan)" } ?? "ComputeSP:\(plan)"
        let cacheKey = "sp|\(usageType)"
        if let existing = products[cacheKey] { return existing }
        let name = "Savings Plans for AWS Compute usage"
        var attributes = [ProductAttribute("ProductName", name), ProductAttribute("productFamily", "Savings Plans")]
        if let region = kind.region.flatMap(RegionCatalog.region) {
            attributes += [
                ProductAttribute("location", region.location), ProductAttribute("locationType", "AWS Region"),
                ProductAttribute("region", region.code), ProductAttribute("regionCode", region.code),
            ]
        }
        attributes += [
            ProductAttribute("servicecode", "ComputeSavingsPlans"), ProductAttribute("servicename", name),
            ProductAttribute("usagetype", usageType),
        ]
        let entry = ProductEntry(
            productCode: "ComputeSavingsPlans", usageType: usageType, operation: "", unit: "Hrs",
            legalEntity: Self.defaultLegalEntity, usageDescription: "", attributes: attributes)
        products[cacheKey] = entry
        return entry
    }

    /// The product of the support fee.
    mutating func support(_ level: SupportPlan.Level) -> ProductEntry {
        let cacheKey = "support|\(level)"
        if let existing = products[cacheKey] { return existing }
        let name = "AWS Support (\(level))"
        let entry = ProductEntry(
            productCode: level.productCode, usageType: "Dollar", operation: "", unit: "Dollar",
            legalEntity: Self.defaultLegalEntity, usageDescription: name,
            attributes: [
                ProductAttribute("ProductName", name), ProductAttribute("productFamily", "AWS Support"),
                ProductAttribute("servicecode", level.productCode), ProductAttribute("servicename", name),
                ProductAttribute("usagetype", "Dollar"),
            ])
        products[cacheKey] = entry
        return entry
    }

    /// The product of rows that name only a service: tax, credits and discounts on `productCode`.
    mutating func serviceSummary(_ productCode: String) -> ProductEntry {
        let cacheKey = "summary|\(productCode)"
        if let existing = products[cacheKey] { return existing }
        let name = Self.productNames[productCode] ?? productCode
        let entry = ProductEntry(
            productCode: productCode, usageType: "", operation: "", unit: "", legalEntity: Self.defaultLegalEntity,
            usageDescription: "",
            attributes: [
                ProductAttribute("ProductName", name), ProductAttribute("servicecode", productCode),
                ProductAttribute("servicename", name),
            ])
        products[cacheKey] = entry
        return entry
    }

    /// The `lineItem/Operation` of an instance platform: `RunInstances`, `RunInstances:0002` (Windows), ….
    static func operation(_ platform: InstancePlatform) -> String {
        switch platform {
        case .linuxUnix: "RunInstances"
        case .windows: "RunInstances:0002"
        case .windowsWithSQLServerStandard: "RunInstances:0006"
        case .redHatEnterpriseLinux: "RunInstances:0010"
        case .suseLinux: "RunInstances:000g"
        default: "RunInstances:0800"
        }
    }

    /// A price list SKU: 16 upper-case letters and digits, the same for the same product in every run.
    static func sku(_ parts: String...) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var value = SeededRandom.hash(parts.joined(separator: "|"))
        var random = SeededRandom(seed: value)
        var text = ""
        for index in 0..<16 {
            if index == 12 { value = random.next() }
            text.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        return text
    }
}
