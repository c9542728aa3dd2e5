import AllotCore
import Yams

extension ScenarioReader {
    /// `profiles.<name>: {diurnal, weekendPercent, ec2: […], services: […]}`.
    static func profile(name: String, _ node: ScenarioNode) throws(ScenarioError) -> UsageProfile {
        let map = try node.mapping(allowed: ["diurnal", "weekendPercent", "ec2", "services"])
        var shape = DiurnalShape.flat
        if let value = map["diurnal"] {
            if case .sequence = value.node {
                var percents: [Int] = []
                for item in try value.list() { percents.append(try item.integer(in: 0...200)) }
                guard let custom = DiurnalShape(percents: percents) else {
                    throw value.error(.invalidValue, "a diurnal shape lists 24 percentages, one per UTC hour; got \(percents.count)")
                }
                shape = custom
            } else {
                let shapeName = try value.string()
                guard let named = DiurnalShape.named(shapeName) else {
                    throw value.error(.invalidValue, "unknown diurnal shape '\(shapeName)' (flat, office, web, batch, or 24 percentages)")
                }
                shape = named
            }
        }
        var instances: [InstanceFleet] = []
        for item in try map["ec2"]?.list() ?? [] {
            instances.append(try fleet(item))
        }
        var services: [ServiceUsage] = []
        for item in try map["services"]?.list() ?? [] {
            services.append(try service(item))
        }
        return UsageProfile(
            name: name, diurnal: shape, weekendPercent: try map["weekendPercent"]?.integer(in: 0...200) ?? 100,
            instances: instances, services: services)
    }

    private static func fleet(_ node: ScenarioNode) throws(ScenarioError) -> InstanceFleet {
        let map = try node.mapping(allowed: [
            "instanceType", "region", "availabilityZone", "platform", "tenancy", "count", "rate", "partialHourPercent", "tags",
        ])
        return InstanceFleet(
            instanceType: try map.required("instanceType").string(), region: try map.required("region").string(),
            availabilityZone: try map["availabilityZone"]?.string(), platform: try platform(map["platform"]),
            tenancy: try tenancy(map["tenancy"]), count: try map.required("count").integer(in: 0...1_000_000),
            rate: try map["rate"]?.nonNegativeDecimal(),
            partialHourPercent: try map["partialHourPercent"]?.integer(in: 0...100) ?? 10, tags: try tags(map["tags"]))
    }

    private static func service(_ node: ScenarioNode) throws(ScenarioError) -> ServiceUsage {
        let map = try node.mapping(allowed: ["service", "region", "quantity", "rate", "tags"])
        return ServiceUsage(
            service: try map.required("service").string(), region: try map["region"]?.string() ?? "us-east-1",
            quantity: try map.required("quantity").nonNegativeDecimal(), rate: try map["rate"]?.nonNegativeDecimal(),
            tags: try tags(map["tags"]))
    }

    /// `Linux/UNIX` (the default), `Windows`, or another RI platform name.
    static func platform(_ node: ScenarioNode?) throws(ScenarioError) -> InstancePlatform {
        guard let node else { return .linuxUnix }
        let text = try node.string()
        switch text.lowercased() {
        case "linux", "linux/unix", "linux/unix (amazon vpc)": return .linuxUnix
        case "windows": return .windows
        default: return InstancePlatform(text)
        }
    }

    /// `Shared` (the default, also `default`), `Dedicated` or `Host`.
    static func tenancy(_ node: ScenarioNode?) throws(ScenarioError) -> InstanceTenancy {
        guard let node else { return .shared }
        let text = try node.string()
        guard let tenancy = InstanceTenancy(text) else {
            throw node.error(.invalidValue, "unknown tenancy '\(text)' (Shared, Dedicated or Host)")
        }
        return tenancy
    }
}
