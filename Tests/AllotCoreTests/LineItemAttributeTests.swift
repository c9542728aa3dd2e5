import Testing

@testable import AllotCore

/// Line item types, commitment ARNs, canonical attribute keys and their JSON.
@Suite struct LineItemAttributeTests {
    @Test(arguments: [
        ("user:CostCenter", "user_cost_center"),
        ("user:cost_center", "user_cost_center"),
        ("user_cost_center", "user_cost_center"),
        ("aws:createdBy", "aws_created_by"),
        ("Charge type", "charge_type"),
        ("OUs", "o_us"),
        ("SavingsPlanARN", "savings_plan_a_r_n"),
        ("aws:cloudformation:stack-name", "aws_cloudformation_stack_name"),
        ("  Team  Name  ", "team_name"),
        ("user:Équipe", "user_Équipe"),  // non-ASCII is kept as is
        ("user:env2Name", "user_env2_name"),
        ("", ""),
    ])
    func canonicalKeys(raw: String, canonical: String) {
        #expect(AttributeKey.canonical(raw) == canonical)
        #expect(AttributeKey.canonical(canonical) == canonical)  // idempotent
    }

    @Test func attributeListRendersEscapedJSON() {
        var list: AttributeList = ["user_team": "data \"core\"", "path": "a\\b"]
        let added = list.insert(key: "note", value: "line1\nline2\ttab\u{1}")
        let replaced = list.insert(key: "user_team", value: "other")  // the first value wins
        let addedEmpty = list.insert(key: "empty", value: "")  // empty values are omitted
        #expect(added && !replaced && !addedEmpty)
        list.append(uncheckedKey: "nul", value: "a\u{0}b")
        #expect(
            list.jsonText
                == #"{"user_team":"data \"core\"","path":"a\\b","note":"line1\nline2\ttab\u0001","nul":"a\ufffdb"}"#)
        #expect(AttributeList().jsonText == "{}")
        #expect(list["path"] == "a\\b")
        #expect(list.count == 4)
        #expect(list.dictionary["note"] == "line1\nline2\ttab\u{1}")
    }

    @Test func lineItemTypes() {
        #expect(LineItemType.allKnown.count == 17)
        #expect(LineItemType.allKnown.allSatisfy { !$0.isOther })
        #expect(LineItemType(rawValue: "RIFee") == .riFee)
        let unknown = LineItemType(rawValue: "FlatRateSubscription")
        #expect(unknown.isOther)
        #expect(unknown.reportingClass == "other")
        #expect(unknown.rawValue == "FlatRateSubscription")
        #expect(LineItemType(rawValue: "usage").isOther)  // case matters, as in the CUR
        #expect(
            LineItemType.allKnown.filter(\.isDiscount).map(\.rawValue) == [
                "EdpDiscount", "PrivateRateDiscount", "BundledDiscount", "RiVolumeDiscount", "SppDiscount",
                "DistributorDiscount",
            ])
        #expect(LineItemType.allKnown.filter(\.isSavingsPlan).count == 4)
    }

    @Test func commitmentARNs() {
        let ri = CommitmentARN(
            "arn:aws:ec2:us-east-1:123456789012:reserved-instances/abcd-1234", kind: .reservedInstance)
        #expect(ri.ownerAccountId == "123456789012")
        #expect(ri.region == "us-east-1")
        #expect(ri.service == "ec2")
        #expect(ri.id == "abcd-1234")
        #expect(ri.kind.description == "ri")
        let sp = CommitmentARN("arn:aws:savingsplans::210987654321:savingsplan/5e6f-7a8b", kind: .savingsPlan)
        #expect(sp.ownerAccountId == "210987654321")
        #expect(sp.region == nil)
        #expect(sp.id == "5e6f-7a8b")
        #expect(sp.kind.description == "sp")
        let rds = CommitmentARN("arn:aws-cn:rds:cn-north-1:111122223333:ri:my-reservation", kind: .reservedInstance)
        #expect(rds.partition == "aws-cn")
        #expect(rds.ownerAccountId == "111122223333")
        #expect(rds.id == "my-reservation")
        let junk = CommitmentARN("not an arn", kind: .reservedInstance)
        #expect(junk.ownerAccountId == nil)
        #expect(junk.rawValue == "not an arn")
        #expect(
            CommitmentARN("arn:aws:ec2:us-east-1:12ab:reserved-instances/x", kind: .reservedInstance).ownerAccountId
                == nil)
    }

    @Test func lineItemCommitmentFollowsTheType() {
        var item = LineItem(usageAccountId: "1", type: .savingsPlanRecurringFee, usageStart: .epoch, unblendedCost: 10)
        item.savingsPlan.arn = "arn:aws:savingsplans::210987654321:savingsplan/sp"
        item.reservation.arn = "arn:aws:ec2:us-east-1:123456789012:reserved-instances/ri"
        #expect(item.commitment?.kind == .savingsPlan)
        item.type = .riFee
        #expect(item.commitment?.kind == .reservedInstance)
        #expect(item.commitment?.ownerAccountId == "123456789012")
        item.reservation.arn = nil
        #expect(item.commitment?.kind == .savingsPlan)
        item.savingsPlan.arn = nil
        #expect(item.commitment == nil)
    }
}
