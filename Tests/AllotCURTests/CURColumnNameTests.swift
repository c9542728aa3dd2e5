import Testing

@testable import AllotCUR

/// Legacy ↔ snake_case column names.
@Suite struct CURColumnNameTests {
    @Test(arguments: [
        ("lineItem/UnblendedCost", "line_item_unblended_cost"),
        ("savingsPlan/SavingsPlanARN", "savings_plan_savings_plan_a_r_n"),
        ("reservation/ReservationARN", "reservation_reservation_a_r_n"),
        ("pricing/publicOnDemandCost", "pricing_public_on_demand_cost"),
        ("pricing/LeaseContractLength", "pricing_lease_contract_length"),
        ("product/ProductName", "product_product_name"),
        ("product/instanceType", "product_instance_type"),
        ("bill/PayerAccountId", "bill_payer_account_id"),
        ("identity/TimeInterval", "identity_time_interval"),
        ("discount/EdpDiscount", "discount_edp_discount"),
        ("resourceTags/user:cost_center", "resource_tags_user_cost_center"),
        ("resourceTags/aws:createdBy", "resource_tags_aws_created_by"),
        ("costCategory/cost_env", "cost_category_cost_env"),
    ])
    func convertsBothWays(legacy: String, snake: String) {
        #expect(CURColumnName.snakeCase(legacy) == snake)
        #expect(CURColumnName.legacy(snake) == legacy)
        #expect(CURColumnName.snakeCase(snake) == snake)
    }

    @Test func roundTripOverTheKoku201ColumnHeader() throws {
        let reader = try CURReader(paths: [TestFiles.reference("koku/aws/2023-06-01.csv")])
        let names = try #require(reader.header?.columns.map(\.name))
        #expect(names.count == 201)
        // snake → legacy → snake is the identity for every column.
        for name in names {
            let snake = CURColumnName.snakeCase(name)
            #expect(CURColumnName.snakeCase(CURColumnName.legacy(snake)) == snake, "\(name)")
        }
        // legacy → snake → legacy restores every AWS-defined column exactly. Not restorable: names the
        // user chose (cost categories `Charge type`, `CostCenter`, `OUs`, `Organization`; the fixture's
        // `noTags/…`) and the fixture's malformed `pricing/OfferingClasspricing/PurchaseOption`.
        let standard = ["bill/", "identity/", "lineItem/", "pricing/", "product/", "reservation/", "savingsPlan/"]
        var exact = 0
        for name in names
        where standard.contains(where: name.hasPrefix) && !name.hasPrefix("pricing/OfferingClasspricing") {
            #expect(CURColumnName.legacy(CURColumnName.snakeCase(name)) == name)
            exact += 1
        }
        #expect(exact == 180)
    }
}
