import AllotCore
import Foundation
import Testing

@testable import AllotCUR

/// Rows that parse but cannot be true: duplicated line items, usage outside the row's billing period,
/// account ids that are not AWS account ids. Each is a problem with the file, line and column.
@Suite struct RowIntegrityTests {
    static let header =
        "identity/LineItemId,identity/TimeInterval,bill/PayerAccountId,bill/BillingPeriodStartDate,"
        + "lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UnblendedCost"

    /// One row of ``header``: June 2026, payer 111111111111, account 222222222222, costing 1.
    static func row(
        id: String = "li-1", interval: String = "2026-06-01T00:00:00Z/2026-06-01T01:00:00Z",
        payer: String = "111111111111", period: String = "2026-06-01T00:00:00Z", account: String = "222222222222",
        type: String = "Usage", start: String = "2026-06-01T00:00:00Z"
    ) -> String {
        [id, interval, payer, period, account, type, start, "1"].joined(separator: ",") + "\n"
    }

    @Test func aLineItemRepeatedInAnotherFileIsAProblemNamingBothPlaces() throws {
        let first = try TestFiles.write(Self.header + "\n" + Self.row(id: "a") + Self.row(id: "b"), name: "part-1.csv")
        let second = try TestFiles.write(Self.header + "\n" + Self.row(id: "c") + Self.row(id: "b"), name: "part-2.csv")
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [first, second]).readAll() }
        #expect(error?.code == .invalidRows)
        #expect(
            error?.problems.map(\.description) == [
                "\(second):3: column 'identity/LineItemId': the line item \"b\" of "
                    + "2026-06-01T00:00:00Z/2026-06-01T01:00:00Z again; first at \(first):3"
            ])
    }

    @Test func theSameIdInAnotherHourIsAnotherLineItem() throws {
        let text =
            Self.header + "\n" + Self.row(id: "a")
            + Self.row(id: "a", interval: "2026-06-01T01:00:00Z/2026-06-01T02:00:00Z", start: "2026-06-01T01:00:00Z")
        #expect(try CURReader(paths: [try TestFiles.write(text)]).readAll().count == 2)
    }

    @Test func duplicatesWithinOneFileAndCUR2Names() throws {
        let text =
            "identity_line_item_id,identity_time_interval,line_item_usage_account_id,line_item_line_item_type,"
            + "line_item_usage_start_date,line_item_unblended_cost\n"
            + "x,2026-06-01T00:00:00Z/2026-06-01T01:00:00Z,222222222222,Usage,2026-06-01T00:00:00Z,1\n"
            + "x,2026-06-01T00:00:00Z/2026-06-01T01:00:00Z,222222222222,Usage,2026-06-01T00:00:00Z,1\n"
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(
            error?.problems.map(\.description) == [
                "\(path):3: column 'identity_line_item_id': the line item \"x\" of "
                    + "2026-06-01T00:00:00Z/2026-06-01T01:00:00Z again; first at \(path):2"
            ])
    }

    @Test(arguments: [
        ("2026-07-01T00:00:00Z", "2026-07-01T00:00:00Z"),  // at the period's end: the next period
        ("2026-05-31T23:00:00Z", "2026-05-31T23:00:00Z"),  // before its start
        ("2027-06-01", "2027-06-01T00:00:00Z"),  // a year off
    ])
    func usageOutsideTheBillingPeriodIsAProblem(start: String, shown: String) throws {
        let text = Self.header + "\n" + Self.row(id: "a") + Self.row(id: "b", start: start)
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(
            error?.problems.map(\.description) == [
                "\(path):3: column 'lineItem/UsageStartDate': usage starting \(shown) is outside the billing period "
                    + "2026-06 (bill/BillingPeriodStartDate)"
            ])
    }

    @Test func usageFromTheTimeIntervalIsCheckedToo() throws {
        let text =
            "identity/TimeInterval,bill/BillingPeriodStartDate,lineItem/UsageAccountId,lineItem/LineItemType,"
            + "lineItem/UnblendedCost\n"
            + "2026-07-01T00:00:00Z/2026-07-01T01:00:00Z,2026-06-01T00:00:00Z,222222222222,Usage,1\n"
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(
            error?.problems.map(\.description) == [
                "\(path):2: column 'identity/TimeInterval': usage starting 2026-07-01T00:00:00Z is outside the "
                    + "billing period 2026-06 (bill/BillingPeriodStartDate)"
            ])
    }

    @Test func creditsAndRefundsMayReferToUsageOfOtherPeriods() throws {
        let text =
            Self.header + "\n" + Self.row(id: "a", type: "Credit", start: "2026-05-01T00:00:00Z")
            + Self.row(id: "b", type: "Refund", start: "2026-03-15T00:00:00Z")
            // The whole month, from its first hour to the end: inside.
            + Self.row(id: "c", type: "Fee", start: "2026-06-01T00:00:00Z")
            + Self.row(id: "d", type: "Usage", start: "2026-06-30T23:00:00Z")
        let items = try CURReader(paths: [try TestFiles.write(text)]).readAll()
        #expect(items.map(\.billingPeriod.description) == ["2026-06", "2026-06", "2026-06", "2026-06"])
    }

    @Test(arguments: [
        ("lineItem/UsageAccountId", "12345"), ("lineItem/UsageAccountId", "2222222222221"),
        ("lineItem/UsageAccountId", "22222222222x"), ("lineItem/UsageAccountId", " 222222222222"),
        ("lineItem/UsageAccountId", "２２２２２２２２２２２２"), ("bill/PayerAccountId", "0099999999999"),
        ("bill/PayerAccountId", "abc"),
    ])
    func accountIdsAreTwelveDigits(column: String, value: String) throws {
        let text =
            Self.header + "\n"
            + (column == "bill/PayerAccountId" ? Self.row(payer: value) : Self.row(account: value))
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(
            error?.problems.map(\.description) == [
                "\(path):2: column '\(column)': \"\(value)\" is not an AWS account id (12 digits)"
            ])
    }

    @Test func cur2AccountColumnsAreCheckedAndLeadingZerosKept() throws {
        let text =
            "bill_payer_account_id,line_item_usage_account_id,line_item_line_item_type,line_item_usage_start_date,"
            + "line_item_unblended_cost\n"
            + "012345678901,000000000042,Usage,2026-06-01T00:00:00Z,1\n"
            + "012345678901,42,Usage,2026-06-01T00:00:00Z,1\n"
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(
            error?.problems.map(\.description) == [
                "\(path):3: column 'line_item_usage_account_id': \"42\" is not an AWS account id (12 digits)"
            ])
        let good = try TestFiles.write(text.replacingOccurrences(of: ",42,", with: ",000000000043,"))
        let items = try CURReader(paths: [good]).readAll()
        #expect(items.map(\.usageAccountId) == ["000000000042", "000000000043"])
        #expect(items.map(\.payerAccountId) == ["012345678901", "012345678901"])
    }
}
