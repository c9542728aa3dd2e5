import AllotCore

/// Converts CUR column names between the legacy CSV spelling and the snake_case spelling of
/// Athena and CUR 2.0 (`reference/aws-billing-rules.md` §1.1).
///
/// `snakeCase` is AWS's rule and loses information (case, spaces), so `legacy` cannot always
/// restore a user-chosen name: it reproduces AWS's spelling of every standard column
/// (`line_item_unblended_cost` → `lineItem/UnblendedCost`, `pricing_public_on_demand_cost` →
/// `pricing/publicOnDemandCost`, `product_instance_type` → `product/instanceType`) and renders
/// tags as `resourceTags/user:<key>` and cost categories as `costCategory/<key>`. In every case
/// `snakeCase(legacy(name)) == name` for a snake_case `name`.
public enum CURColumnName {
    /// The snake_case spelling: `lineItem/UnblendedCost` → `line_item_unblended_cost`,
    /// `savingsPlan/SavingsPlanARN` → `savings_plan_savings_plan_a_r_n`. A snake_case name maps to itself.
    public static func snakeCase(_ name: String) -> String {
        AttributeKey.canonical(name)
    }

    /// The legacy CSV spelling of a snake_case name; names of no known category are returned unchanged.
    public static func legacy(_ snakeName: String) -> String {
        for (prefix, category) in categories where snakeName.hasPrefix(prefix) && snakeName.count > prefix.count {
            let rest = String(snakeName.dropFirst(prefix.count))
            return category + "/" + legacyName(rest, category: category)
        }
        return snakeName
    }

    /// Category prefixes, longest first so that `split_line_item_` wins over `line_item_`.
    private static let categories: [(String, String)] = [
        ("split_line_item_", "splitLineItem"), ("resource_tags_", "resourceTags"), ("cost_category_", "costCategory"),
        ("savings_plan_", "savingsPlan"), ("reservation_", "reservation"), ("line_item_", "lineItem"),
        ("identity_", "identity"), ("discount_", "discount"), ("pricing_", "pricing"), ("product_", "product"),
        ("bill_", "bill"),
    ]

    /// Pricing columns AWS spells in lowerCamelCase; the others are UpperCamelCase.
    private static let lowerCamelPricing: Set<String> = [
        "term", "unit", "currency", "public_on_demand_cost", "public_on_demand_rate",
    ]

    private static func legacyName(_ rest: String, category: String) -> String {
        switch category {
        case "resourceTags":
            if rest.hasPrefix("user_") { return "user:" + rest.dropFirst(5) }
            if rest.hasPrefix("aws_") { return "aws:" + camelCase(String(rest.dropFirst(4)), upper: false) }
            return rest
        case "costCategory":
            return rest
        case "product":
            return rest == "product_name" ? "ProductName" : camelCase(rest, upper: false)
        case "pricing":
            return camelCase(rest, upper: !lowerCamelPricing.contains(rest))
        default:
            return camelCase(rest, upper: true)
        }
    }

    /// `unblended_cost` → `UnblendedCost` (or `unblendedCost`); `a_r_n` → `ARN`.
    private static func camelCase(_ snake: String, upper: Bool) -> String {
        var result = ""
        for (index, word) in snake.split(separator: "_").enumerated() {
            if index == 0 && !upper {
                result += word
            } else {
                result += word.prefix(1).uppercased() + word.dropFirst()
            }
        }
        return result
    }
}
