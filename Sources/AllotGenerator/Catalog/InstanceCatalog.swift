import AllotCore

/// The EC2 instance types the generator prices without help: size, processor, and the public
/// On-Demand Linux rate in us-east-1 (AWS price list, rounded as published).
///
/// Other Regions scale the rate by ``RegionCatalog/Region/priceLevel`` (rounded to 4 places);
/// Windows adds $0.046 per vCPU-hour; dedicated tenancy adds 10 %. A scenario prices anything
/// else itself (`rate:` on the fleet, or `prices:`).
struct InstanceCatalog {
    /// One instance type.
    struct InstanceType: Sendable {
        let name: String
        let vcpu: Int
        /// `8 GiB`.
        let memory: String
        /// Public On-Demand Linux rate in us-east-1.
        let linuxRate: Amount
        /// `product/instanceFamily`: `General purpose`, `Compute optimized`, ….
        let familyDescription: String
        let physicalProcessor: String
        let clockSpeed: String
        let networkPerformance: String
    }

    private static func type(
        _ name: String, _ vcpu: Int, _ memory: String, _ rate: String, _ family: String, _ processor: String,
        _ clock: String, _ network: String
    ) -> InstanceType {
        InstanceType(
            name: name, vcpu: vcpu, memory: memory, linuxRate: Amount(rate) ?? .zero, familyDescription: family,
            physicalProcessor: processor, clockSpeed: clock, networkPerformance: network)
    }

    private static let general = "General purpose"
    private static let compute = "Compute optimized"
    private static let memory = "Memory optimized"
    private static let storage = "Storage optimized"
    private static let gpu = "GPU instance"
    private static let skylake = "Intel Xeon Platinum 8175"
    private static let iceLake = "Intel Xeon 8375C (Ice Lake)"
    private static let graviton2 = "AWS Graviton2 Processor"
    private static let upTo10 = "Up to 10 Gigabit"

    static let types: [InstanceType] = [
        type("t3.micro", 2, "1 GiB", "0.0104", general, skylake, "2.5 GHz", "Up to 5 Gigabit"),
        type("t3.small", 2, "2 GiB", "0.0208", general, skylake, "2.5 GHz", "Up to 5 Gigabit"),
        type("t3.medium", 2, "4 GiB", "0.0416", general, skylake, "2.5 GHz", "Up to 5 Gigabit"),
        type("t3.large", 2, "8 GiB", "0.0832", general, skylake, "2.5 GHz", "Up to 5 Gigabit"),
        type("t3.xlarge", 4, "16 GiB", "0.1664", general, skylake, "2.5 GHz", "Up to 5 Gigabit"),
        type("m5.large", 2, "8 GiB", "0.096", general, skylake, "3.1 GHz", upTo10),
        type("m5.xlarge", 4, "16 GiB", "0.192", general, skylake, "3.1 GHz", upTo10),
        type("m5.2xlarge", 8, "32 GiB", "0.384", general, skylake, "3.1 GHz", upTo10),
        type("m5.4xlarge", 16, "64 GiB", "0.768", general, skylake, "3.1 GHz", upTo10),
        type("m5.8xlarge", 32, "128 GiB", "1.536", general, skylake, "3.1 GHz", "10 Gigabit"),
        type("m5.12xlarge", 48, "192 GiB", "2.304", general, skylake, "3.1 GHz", "10 Gigabit"),
        type("m6i.large", 2, "8 GiB", "0.096", general, iceLake, "3.5 GHz", "Up to 12500 Megabit"),
        type("m6i.xlarge", 4, "16 GiB", "0.192", general, iceLake, "3.5 GHz", "Up to 12500 Megabit"),
        type("m6i.2xlarge", 8, "32 GiB", "0.384", general, iceLake, "3.5 GHz", "Up to 12500 Megabit"),
        type("m6i.4xlarge", 16, "64 GiB", "0.768", general, iceLake, "3.5 GHz", "Up to 12500 Megabit"),
        type("m6g.medium", 1, "4 GiB", "0.0385", general, graviton2, "2.5 GHz", upTo10),
        type("m6g.large", 2, "8 GiB", "0.077", general, graviton2, "2.5 GHz", upTo10),
        type("m6g.xlarge", 4, "16 GiB", "0.154", general, graviton2, "2.5 GHz", upTo10),
        type("m6g.2xlarge", 8, "32 GiB", "0.308", general, graviton2, "2.5 GHz", upTo10),
        type("c5.large", 2, "4 GiB", "0.085", compute, "Intel Xeon Platinum 8124M", "3.4 GHz", upTo10),
        type("c5.xlarge", 4, "8 GiB", "0.17", compute, "Intel Xeon Platinum 8124M", "3.4 GHz", upTo10),
        type("c5.2xlarge", 8, "16 GiB", "0.34", compute, "Intel Xeon Platinum 8124M", "3.4 GHz", upTo10),
        type("c5.4xlarge", 16, "32 GiB", "0.68", compute, "Intel Xeon Platinum 8124M", "3.4 GHz", upTo10),
        type("c5.9xlarge", 36, "72 GiB", "1.53", compute, "Intel Xeon Platinum 8124M", "3.4 GHz", "10 Gigabit"),
        type("c6i.large", 2, "4 GiB", "0.085", compute, iceLake, "3.5 GHz", "Up to 12500 Megabit"),
        type("c6i.xlarge", 4, "8 GiB", "0.17", compute, iceLake, "3.5 GHz", "Up to 12500 Megabit"),
        type("c6i.2xlarge", 8, "16 GiB", "0.34", compute, iceLake, "3.5 GHz", "Up to 12500 Megabit"),
        type("c6g.large", 2, "4 GiB", "0.068", compute, graviton2, "2.5 GHz", upTo10),
        type("c6g.xlarge", 4, "8 GiB", "0.136", compute, graviton2, "2.5 GHz", upTo10),
        type("c6g.2xlarge", 8, "16 GiB", "0.272", compute, graviton2, "2.5 GHz", upTo10),
        type("r5.large", 2, "16 GiB", "0.126", memory, skylake, "3.1 GHz", upTo10),
        type("r5.xlarge", 4, "32 GiB", "0.252", memory, skylake, "3.1 GHz", upTo10),
        type("r5.2xlarge", 8, "64 GiB", "0.504", memory, skylake, "3.1 GHz", upTo10),
        type("r5.4xlarge", 16, "128 GiB", "1.008", memory, skylake, "3.1 GHz", upTo10),
        type("r6g.large", 2, "16 GiB", "0.1008", memory, graviton2, "2.5 GHz", upTo10),
        type("r6g.xlarge", 4, "32 GiB", "0.2016", memory, graviton2, "2.5 GHz", upTo10),
        type("r6g.2xlarge", 8, "64 GiB", "0.4032", memory, graviton2, "2.5 GHz", upTo10),
        type("i3.large", 2, "15.25 GiB", "0.156", storage, "Intel Xeon E5-2686 v4 (Broadwell)", "2.3 GHz", upTo10),
        type("i3.xlarge", 4, "30.5 GiB", "0.312", storage, "Intel Xeon E5-2686 v4 (Broadwell)", "2.3 GHz", upTo10),
        type("g4dn.xlarge", 4, "16 GiB", "0.526", gpu, "Intel Xeon Family", "2.5 GHz", "Up to 25 Gigabit"),
        type("g4dn.2xlarge", 8, "32 GiB", "0.752", gpu, "Intel Xeon Family", "2.5 GHz", "Up to 25 Gigabit"),
    ]

    private static let byName = Dictionary(uniqueKeysWithValues: types.map { ($0.name, $0) })

    /// The type named `name`, or nil.
    static func type(_ name: String) -> InstanceType? {
        byName[name]
    }

    /// Facts for a type the catalog lacks but the scenario prices: vCPUs guessed from the size.
    static func unlisted(_ name: String) -> InstanceType {
        let units = NormalizationFactor.forInstanceType(name) ?? 4
        let vcpu = max(1, Int(units.minorUnits(places: 0)) / 2)
        return InstanceType(
            name: name, vcpu: vcpu, memory: "\(vcpu * 4) GiB", linuxRate: .zero, familyDescription: general,
            physicalProcessor: "Intel Xeon Family", clockSpeed: "2.5 GHz", networkPerformance: upTo10)
    }

    /// The built-in On-Demand rate for a type in a Region, platform and tenancy; nil when the type or
    /// platform is not in the list.
    static func onDemandRate(
        _ name: String, region: RegionCatalog.Region, platform: InstancePlatform, tenancy: InstanceTenancy
    ) -> Amount? {
        guard let type = byName[name] else { return nil }
        var rate = type.linuxRate
        switch platform {
        case .linuxUnix: break
        case .windows: rate += Amount(minorUnits: 46, exponent: 3) * type.vcpu
        default: return nil
        }
        guard let regional = try? rate.multiplied(by: region.priceLevel) else { return nil }
        rate = regional.rounded(toPlaces: 4)
        if tenancy == .dedicated, let dedicated = try? rate.multiplied(by: Amount(minorUnits: 11, exponent: 1)) {
            rate = dedicated.rounded(toPlaces: 4)
        }
        return rate
    }
}

extension Amount {
    /// `amount × count`, exact.
    fileprivate static func * (lhs: Amount, rhs: Int) -> Amount {
        Amount(units: lhs.units * Int128(rhs))
    }
}
