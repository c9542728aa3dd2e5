/// The product columns the generator writes, and how CUR 2.0 splits them between fixed columns and
/// the `product` map (`reference/aws-billing-rules.md` §1.1).
enum ProductColumns {
    /// Legacy `product/*` columns, in the alphabetical order AWS writes them (ProductName first).
    static let legacy: [String] = [
        "ProductName", "availabilityZone", "capacitystatus", "clockSpeed", "currentGeneration", "databaseEngine",
        "dedicatedEbsThroughput", "deploymentOption", "ecu", "enhancedNetworkingSupported", "fromLocation",
        "fromLocationType", "group", "groupDescription", "instanceFamily", "instanceType", "instanceTypeFamily",
        "intelAvx2Available", "intelAvxAvailable", "intelTurboAvailable", "licenseModel", "location", "locationType",
        "marketoption", "memory", "networkPerformance", "normalizationSizeFactor", "operatingSystem", "operation",
        "physicalProcessor", "preInstalledSw", "processorArchitecture", "processorFeatures", "productFamily", "region",
        "regionCode", "servicecode", "servicename", "sku", "storage", "storageClass", "storageMedia", "tenancy",
        "toLocation", "toLocationType", "transferType", "usagetype", "vcpu", "volumeApiName", "volumeType",
    ]

    /// CUR 2.0's fixed `product_*` columns (CID-CUR2), each with the legacy attribute it carries
    /// (`pricing_unit` comes from the pricing unit; the others are empty for our products).
    static let cur2Fixed: [(column: String, attribute: String?)] = [
        ("product_comment", nil), ("product_fee_code", nil), ("product_fee_description", nil),
        ("product_from_location", "fromLocation"), ("product_from_location_type", "fromLocationType"),
        ("product_from_region_code", nil), ("product_instance_family", "instanceFamily"),
        ("product_instance_type", "instanceType"), ("product_instancesku", nil), ("product_location", "location"),
        ("product_location_type", "locationType"), ("product_operation", "operation"), ("product_pricing_unit", nil),
        ("product_product_family", "productFamily"), ("product_region_code", "regionCode"),
        ("product_servicecode", "servicecode"), ("product_sku", "sku"), ("product_to_location", "toLocation"),
        ("product_to_location_type", "toLocationType"), ("product_to_region_code", nil),
        ("product_usagetype", "usagetype"),
    ]

    /// Legacy attributes that have a fixed CUR 2.0 column; the rest go into the `product` map.
    static let cur2FixedAttributes: Set<String> = Set(cur2Fixed.compactMap(\.attribute))
}
