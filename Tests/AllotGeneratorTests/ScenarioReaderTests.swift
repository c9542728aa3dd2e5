import AllotCore
import AllotGenerator
import Foundation
import Testing

/// Scenario errors name the offending path.
@Suite struct ScenarioReaderTests {
    static let base = """
        periods: [2026-10]
        organizations:
          - {id: a, payer: "111111111111"}
          - {id: b, payer: "222222222222"}
        accounts:
          - {id: "111111111112", name: one, org: a, profile: web}
          - {id: "111111111113", name: two, org: a}
          - {id: "222222222223", name: three, org: b}
          - {id: "222222222224", name: four, org: b, profile: PROFILE}
        profiles:
          web:
            ec2:
              - {instanceType: m5.large, region: us-east-1, count: 1}
        """

    @Test func presetsAreValid() throws {
        let small = try ScenarioPreset.small.scenario()
        #expect(small.organizations.map(\.id) == ["alpha", "beta"])
        #expect(small.accounts.count == 10)
        let demo = try ScenarioPreset.demo.scenario()
        #expect(demo.organizations.map(\.payer) == ["100000000001", "200000000001", "300000000001"])
        #expect(demo.accounts.count == 50)
        #expect(demo.customer == "acme")
        #expect(try ScenarioPreset.bench(rows: 1_000_000).scenario().organizations.count == 1)
    }

    @Test func unknownProfileNamesItsPath() throws {
        let yaml = Self.base.replacingOccurrences(of: "PROFILE", with: "webb")
        let error = #expect(throws: ScenarioError.self) { try ScenarioReader.read(yaml: yaml) }
        #expect(error?.code == .unknownReference)
        #expect(error?.description == "accounts[3].profile: unknown profile 'webb'")
        let named = #expect(throws: ScenarioError.self) { try ScenarioReader.read(yaml: yaml, file: "s.yaml") }
        #expect(named?.description == "s.yaml: accounts[3].profile: unknown profile 'webb'")
    }

    @Test(arguments: [
        ("  - {id: \"222222222224\", name: four, org: b, profile: web, colour: red}",
         "accounts[3].colour: unknown key 'colour' (known keys: id, name, org, profile, tags)"),
        ("  - {id: \"2222\", name: four, org: b, profile: web}", "accounts[3].id: expected a 12-digit account id, got '2222'"),
        ("  - {id: \"222222222224\", name: four, org: c, profile: web}", "accounts[3].org: unknown organization 'c'"),
    ])
    func badAccountsNameTheirPath(line: String, message: String) throws {
        let yaml = Self.base.replacingOccurrences(
            of: "  - {id: \"222222222224\", name: four, org: b, profile: PROFILE}", with: line)
        let error = #expect(throws: ScenarioError.self) { try ScenarioReader.read(yaml: yaml) }
        #expect(error.map { "\($0)".hasSuffix(message) } == true, "\(String(describing: error))")
    }

    @Test func movesMustFollowMemberships() throws {
        let yaml = Self.base.replacingOccurrences(of: "PROFILE", with: "web") + """

            moves:
              - {account: "222222222223", from: a, to: b, at: 2026-10-10T00:00:00Z}
            """
        let error = #expect(throws: ScenarioError.self) { try ScenarioReader.read(yaml: yaml) }
        #expect(error?.code == .inconsistent)
        #expect(error?.path == "moves[0].from")
        let offHour = Self.base.replacingOccurrences(of: "PROFILE", with: "web") + """

            moves:
              - {account: "222222222223", from: b, to: a, at: 2026-10-10T00:30:00Z}
            """
        let late = #expect(throws: ScenarioError.self) { try ScenarioReader.read(yaml: offHour) }
        #expect(late?.path == "moves[0].at")
    }

    @Test func unpricedInstanceIsRefused() throws {
        let yaml = Self.base.replacingOccurrences(of: "PROFILE", with: "web")
            .replacingOccurrences(of: "m5.large, region: us-east-1", with: "m5.large, region: us-east-1, platform: SUSE Linux")
        let error = #expect(throws: ScenarioError.self) { try ScenarioReader.read(yaml: yaml) }
        #expect(error?.path == "profiles.web.ec2[0].instanceType")
    }
}
