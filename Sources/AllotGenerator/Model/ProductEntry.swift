/// One product as rows show it: product code, usage type, operation, pricing unit and the
/// `product/*` attributes, with everything pre-encoded for both formats so that writing a row copies
/// bytes instead of formatting text.
///
/// Immutable and shared by every row of the product.
final class ProductEntry: Sendable {
    /// `lineItem/ProductCode`: `AmazonEC2`.
    let productCode: String
    /// `lineItem/UsageType`: `USW2-BoxUsage:m5.large`.
    let usageType: String
    /// `lineItem/Operation`: `RunInstances`.
    let operation: String
    /// `pricing/unit`: `Hrs`.
    let unit: String
    /// Attributes by legacy name (`instanceType` → `m5.large`), in ``ProductColumns/legacy`` order.
    let attributes: [ProductAttribute]

    let encodedProductCode: [UInt8]
    let encodedUsageType: [UInt8]
    let encodedOperation: [UInt8]
    let encodedUnit: [UInt8]
    let encodedLegalEntity: [UInt8]
    /// `lineItem/LineItemDescription` of On-Demand rows: `$0.096 per On Demand Linux m5.large Instance Hour`.
    let usageDescription: [UInt8]
    /// `pricing/RateCode` of On-Demand rows.
    let rateCode: [UInt8]
    /// The `product/*` columns of a legacy row, each preceded by a comma.
    let legacyBlock: [UInt8]
    /// The `product` map and the fixed `product_*` columns of a CUR 2.0 row, each preceded by a comma.
    let cur2Block: [UInt8]

    init(
        productCode: String, usageType: String, operation: String, unit: String, legalEntity: String,
        usageDescription: String, attributes: [ProductAttribute]
    ) {
        self.productCode = productCode
        self.usageType = usageType
        self.operation = operation
        self.unit = unit
        self.attributes = attributes
        encodedProductCode = CSVText.field(productCode)
        encodedUsageType = CSVText.field(usageType)
        encodedOperation = CSVText.field(operation)
        encodedUnit = CSVText.field(unit)
        encodedLegalEntity = CSVText.field(legalEntity)
        self.usageDescription = CSVText.field(usageDescription)
        let sku = attributes.first { $0.name == "sku" }?.value ?? ""
        rateCode = sku.isEmpty ? [] : CSVText.field(sku + ".JRTCKXETXF.6YS6EN2CT7")
        let values = Dictionary(attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        var legacy: [UInt8] = []
        for name in ProductColumns.legacy {
            legacy += CSVText.column(values[name] ?? "")
        }
        legacyBlock = legacy
        let mapEntries = attributes.filter { !ProductColumns.cur2FixedAttributes.contains($0.name) && !$0.value.isEmpty }
            .map { (key: $0.snakeName, value: $0.value) }
        var cur2 = CSVText.column(mapEntries.isEmpty ? "" : JSONText.object(mapEntries))
        for (column, attribute) in ProductColumns.cur2Fixed {
            if column == "product_pricing_unit" {
                cur2 += CSVText.column(unit)
            } else {
                cur2 += CSVText.column(attribute.flatMap { values[$0] } ?? "")
            }
        }
        cur2Block = cur2
    }

    /// The value of an attribute, or nil.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}

/// A `product/*` attribute: legacy name and value.
struct ProductAttribute: Sendable, Hashable {
    let name: String
    let value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// The CUR 2.0 `product` map key: `instanceTypeFamily` → `instance_type_family`.
    var snakeName: String {
        var result = ""
        for character in name {
            if character.isUppercase {
                if !result.isEmpty { result += "_" }
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
