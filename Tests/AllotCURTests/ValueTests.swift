import AllotCore
import Testing

@testable import AllotCUR

/// Numbers, timestamps, line item types and the problems raised for bad values.
@Suite struct ValueTests {
    static let header = "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost"

    @Test func exponentNotation() throws {
        let text = Self.header + ",lineItem/UsageAmount\nUsage,111122223333,2023-06-01,2.4E-7,1e3\n"
        let item = try #require(try CURReader(paths: [try TestFiles.write(text)]).readAll().first)
        #expect(item.unblendedCost.description == "0.00000024")
        #expect(item.usageAmount == 1000)
    }

    @Test func aCommaDecimalIsRejectedWithTheExactMessage() throws {
        let text = Self.header + "\nUsage,111122223333,2023-06-01,1\nUsage,111122223333,2023-06-01,\"12,5\"\n"
        let path = try TestFiles.write(text)
        let reader = try CURReader(paths: [path])
        let error = #expect(throws: CURReadError.self) { try reader.nextBatch() }
        #expect(error?.code == .invalidRows)
        #expect(
            error?.problems.first?.description == "\(path):3: column 'lineItem/UnblendedCost': \"12,5\" is not a number"
        )
        #expect(error?.problems.first?.detail == "unexpected character ','")
        #expect(
            error?.description == "1 problem in the rows; the delivery must not be loaded:\n  "
                + "\(path):3: column 'lineItem/UnblendedCost': \"12,5\" is not a number")
        #expect(error?.file == path)
        #expect(error?.line == 3)
        #expect(error?.column == "lineItem/UnblendedCost")
    }

    @Test func theFirstTenProblemsAreListedAndTheRestCounted() throws {
        var text = Self.header + "\n"
        for row in 0..<25 { text += "Usage,111122223333,2023-06-01,x\(row)\n" }
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(error?.problems.count == 10)
        #expect(error?.additionalProblemCount == 15)
        #expect(
            error?.problems.last?.description == "\(path):11: column 'lineItem/UnblendedCost': \"x9\" is not a number")
        #expect(error?.description.hasSuffix("… and 15 more problems") == true)
    }

    @Test func problemsStopTheBatchesButReadingContinuesToCount() throws {
        var text = Self.header + "\nUsage,111122223333,2023-06-01,bad\n"
        for _ in 0..<10_000 { text += "Usage,111122223333,2023-06-01,1\n" }
        text += "Usage,111122223333,2023-06-01,worse\n"
        let reader = try CURReader(paths: [try TestFiles.write(text)])
        let error = #expect(throws: CURReadError.self) { try reader.nextBatch(maxRows: 100) }
        #expect(error?.problems.count == 2)
        #expect(reader.progress.rows == 10_002)
        #expect(try reader.nextBatch() == nil)
    }

    @Test func everyTimestampSpellingOfTheCUR() throws {
        let spellings = [
            "2023-06-01T00:00:00Z", "2023-06-01T00:00:00.000Z", "2023-06-01T00:00Z", "2023-06-01 00:00:00",
            "2023-06-01 00:00:00.000", "2023-06-01T00:00:00+00:00", "2023-06-01T02:00:00+02:00", "2023-06-01",
        ]
        var text = Self.header + ",bill/BillingPeriodStartDate\n"
        for spelling in spellings { text += "Usage,111122223333,\(spelling),1,\(spelling)\n" }
        let items = try CURReader(paths: [try TestFiles.write(text)]).readAll()
        #expect(items.count == spellings.count)
        #expect(Set(items.map(\.usageStart.description)) == ["2023-06-01T00:00:00Z"])
        #expect(Set(items.compactMap(\.billingPeriodStart?.description)) == ["2023-06-01T00:00:00Z"])
    }

    @Test func badTimestampsAndEmptyEssentialsAreProblems() throws {
        let text = Self.header + ",lineItem/UsageEndDate\nUsage,111122223333,2023-13-01,1,\n,111122223333,2023-06-01,1,yesterday\n"
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(
            error?.problems.map(\.description) == [
                "\(path):2: column 'lineItem/UsageStartDate': \"2023-13-01\" is not a timestamp",
                "\(path):3: column 'lineItem/UsageEndDate': \"yesterday\" is not a timestamp",
                "\(path):3: column 'lineItem/LineItemType': empty, but every row needs a value",
            ])
    }

    @Test func unknownLineItemTypesAreKeptAsOther() throws {
        let text = Self.header + "\nFlatRateSubscription,111122223333,2023-06-01,5\nSppDiscount,111122223333,2023-06-01,-1\n"
        let items = try CURReader(paths: [try TestFiles.write(text)]).readAll()
        #expect(items.map(\.type.rawValue) == ["FlatRateSubscription", "SppDiscount"])
        #expect(items.map(\.type.isOther) == [true, false])
        #expect(items.map(\.type.reportingClass) == ["other", "SppDiscount"])
        #expect(items.map(\.amortizedCost) == [5, -1])
    }

    @Test func payerFromTheCallerWhenTheFileHasNone() throws {
        let text = Self.header + "\nUsage,111122223333,2023-06-01,1\n"
        let options = CURReaderOptions(payerAccountId: "999988887777")
        let item = try #require(try CURReader(paths: [try TestFiles.write(text)], options: options).readAll().first)
        #expect(item.payerAccountId == "999988887777")
        #expect(item.billingPeriod.description == "2023-06")
    }

    @Test func commitmentColumnsAndOwner() throws {
        let text =
            Self.header
            + ",reservation/ReservationARN,savingsPlan/SavingsPlanARN,savingsPlan/SavingsPlanEffectiveCost\n"
            + "DiscountedUsage,111122223333,2023-06-01,0,arn:aws:ec2:us-east-1:444455556666:reserved-instances/ri-1,,\n"
            + "SavingsPlanCoveredUsage,111122223333,2023-06-01,12,,"
            + "arn:aws:savingsplans::777788889999:savingsplan/sp-1,8\n"
        let items = try CURReader(paths: [try TestFiles.write(text)]).readAll()
        #expect(items.map { $0.commitment?.kind } == [.reservedInstance, .savingsPlan])
        #expect(items.map { $0.commitment?.ownerAccountId } == ["444455556666", "777788889999"])
        #expect(items.map { $0.commitment?.id } == ["ri-1", "sp-1"])
        #expect(items.map(\.amortizedCost) == [0, 8])
    }
}
