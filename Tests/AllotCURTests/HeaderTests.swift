import AllotCore
import Testing

@testable import AllotCUR

/// Header mapping: naming schemes, essential and duplicate columns, empty files.
@Suite struct HeaderTests {
    @Test func duplicateColumnNamesAreRejected() throws {
        let text =
            "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost,"
            + "product/sku,lineItem/UnblendedCost,product/sku\nUsage,111122223333,2023-06-01,1,a,1,a\n"
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]) }
        #expect(error?.code == .duplicateColumns)
        #expect(error?.description == "\(path):1: duplicate column names: 'lineItem/UnblendedCost', 'product/sku'")
    }

    @Test func twoSpellingsOfOneColumnAreRejected() throws {
        let text =
            "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost,"
            + "line_item_unblended_cost\nUsage,111122223333,2023-06-01,1,1\n"
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]) }
        #expect(error?.code == .duplicateColumns)
        #expect(
            error?.description == "\(path):1: columns 'lineItem/UnblendedCost' and 'line_item_unblended_cost' "
                + "are the same column (line_item_unblended_cost)")
    }

    @Test func missingEssentialColumnsAreListed() throws {
        let legacy = try TestFiles.write("lineItem/LineItemType,lineItem/ProductCode\nUsage,AmazonEC2\n")
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [legacy]) }
        #expect(error?.code == .missingColumns)
        #expect(
            error?.description == "\(legacy):1: missing essential columns: lineItem/UsageAccountId, "
                + "lineItem/UsageStartDate (or identity/TimeInterval), lineItem/UnblendedCost")

        let snake = try TestFiles.write("line_item_usage_account_id,line_item_usage_start_date\n1,2023-06-01\n")
        let snakeError = #expect(throws: CURReadError.self) { try CURReader(paths: [snake]) }
        #expect(
            snakeError?.description == "\(snake):1: missing essential columns: line_item_line_item_type, "
                + "line_item_unblended_cost")
    }

    @Test func timeIntervalStandsInForTheUsageDates() throws {
        let text =
            "identity/TimeInterval,lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UnblendedCost\n"
            + "2023-06-01T05:00:00Z/2023-06-01T06:00:00Z,Usage,111122223333,1\n"
        let item = try #require(try CURReader(paths: [try TestFiles.write(text)]).readAll().first)
        #expect(item.usageStart.description == "2023-06-01T05:00:00Z")
        #expect(item.usageEnd?.description == "2023-06-01T06:00:00Z")
    }

    @Test func emptyFile() throws {
        let path = try TestFiles.write([])
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]) }
        #expect(error?.code == .emptyFile)
        #expect(error?.description == "\(path): empty file")
        let onlyBOM = try TestFiles.write([0xEF, 0xBB, 0xBF, 0x0A])
        #expect(throws: CURReadError.self) { try CURReader(paths: [onlyBOM]) }
    }

    @Test func headerOnlyFile() throws {
        let path = try TestFiles.write(
            "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost\n\n")
        let reader = try CURReader(paths: [path])
        let error = #expect(throws: CURReadError.self) { try reader.nextBatch() }
        #expect(error?.code == .headerOnly)
        #expect(error?.description == "\(path): the file has a header but no rows")
    }

    @Test func tagsFromAllThreeSchemesLandOnOneKey() throws {
        let legacy =
            "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost,"
            + "resourceTags/user:CostCenter,resourceTags/aws:createdBy,costCategory/Charge type\n"
            + "Usage,111122223333,2023-06-01,1,abc,root,Shared\n"
        let athena =
            "line_item_line_item_type,line_item_usage_account_id,line_item_usage_start_date,"
            + "line_item_unblended_cost,resource_tags_user_cost_center,resource_tags_aws_created_by,"
            + "cost_category_charge_type\nUsage,111122223333,2023-06-01,1,abc,root,Shared\n"
        let cur2 =
            "line_item_line_item_type,line_item_usage_account_id,line_item_usage_start_date,"
            + "line_item_unblended_cost,resource_tags,cost_category\n"
            + "Usage,111122223333,2023-06-01,1,\"{\"\"user_cost_center\"\":\"\"abc\"\",\"\"aws_created_by\"\":\"\"root\"\"}\","
            + "\"{\"\"Charge type\"\":\"\"Shared\"\"}\"\n"
        var schemes: [CURNamingScheme] = []
        for text in [legacy, athena, cur2] {
            let reader = try CURReader(paths: [try TestFiles.write(text)])
            let item = try #require(try reader.readAll().first)
            #expect(item.tags == ["user_cost_center": "abc", "aws_created_by": "root"])
            #expect(item.costCategories == ["charge_type": "Shared"])
            #expect(item.tags.jsonText == #"{"user_cost_center":"abc","aws_created_by":"root"}"#)
            schemes.append(try #require(reader.header?.namingScheme))
        }
        #expect(schemes == [.legacy, .athena, .cur2])
    }

    @Test func tagColumnsThatCanonicaliseAlikeKeepTheFirstValue() throws {
        let text =
            "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost,"
            + "resourceTags/user:Team,resourceTags/user:team,resourceTags/user:env\n"
            + "Usage,111122223333,2023-06-01,1,,data,\nUsage,111122223333,2023-06-01,1,Ops,data,prod\n"
        let items = try CURReader(paths: [try TestFiles.write(text)]).readAll()
        #expect(items.map(\.tags) == [["user_team": "data"], ["user_team": "Ops", "user_env": "prod"]])
    }

    @Test func cur2MapColumns() throws {
        let text =
            "line_item_line_item_type,line_item_usage_account_id,line_item_usage_start_date,"
            + "line_item_unblended_cost,product_instance_type,product,discount,cost_category\n"
            + "Usage,111122223333,2023-06-01,1,m5.large,"
            + "\"{\"\"region\"\":\"\"us-east-1\"\",\"\"operating_system\"\":\"\"Linux\"\",\"\"instance_type\"\":\"\"x\"\","
            + "\"\"product_name\"\":\"\"Amazon EC2\"\",\"\"vcpu\"\":2,\"\"gone\"\":null}\","
            + "\"{edp_discount=-0.5, total=1}\",{}\n"
        let item = try #require(try CURReader(paths: [try TestFiles.write(text)]).readAll().first)
        #expect(item.region == "us-east-1")
        #expect(item.operatingSystem == "Linux")
        #expect(item.instanceType == "m5.large")  // the dedicated column wins over the map
        #expect(item.instanceTypeFamily == "m5")
        #expect(item.productAttributes == ["product_name": "Amazon EC2", "vcpu": "2"])
        #expect(item.discounts == ["edp_discount": "-0.5", "total": "1"])
        #expect(item.costCategories.isEmpty)
    }

    @Test func aMapColumnThatIsNotAMapIsAProblem() throws {
        let text =
            "line_item_line_item_type,line_item_usage_account_id,line_item_usage_start_date,"
            + "line_item_unblended_cost,resource_tags\nUsage,111122223333,2023-06-01,1,not a map\n"
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(
            error?.problems.map(\.description) == [
                "\(path):2: column 'resource_tags': \"not a map\" is not a map (a JSON object)"
            ])
    }

    @Test func unknownColumnsAreIgnoredAndRolesReported() throws {
        let text =
            "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost,"
            + "lineItem/BlendedCost,splitLineItem/SplitCost,product/instanceFamily\nUsage,111122223333,2023-06-01,1,x,y,General\n"
        let reader = try CURReader(paths: [try TestFiles.write(text)])
        let header = try #require(reader.header)
        #expect(header.column(named: "lineItem/BlendedCost")?.role == .ignored)
        #expect(header.column(named: "splitLineItem/SplitCost")?.role == .ignored)
        #expect(header.column(named: "product/instanceFamily")?.role == .productAttribute("instance_family"))
        #expect(header.column(forField: "line_item_unblended_cost")?.name == "lineItem/UnblendedCost")
        let item = try #require(try reader.readAll().first)
        #expect(item.productAttributes == ["instance_family": "General"])
    }
}
