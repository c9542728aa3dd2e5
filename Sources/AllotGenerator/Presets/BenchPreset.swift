/// The `bench` preset: one organization, October 2026, sized to a number of rows.
///
/// Up to 38 workload accounts (two profiles), a payer and a holding account run EC2 fleets and four
/// services each; the holding account's RIs and Savings Plans cover part of the instance hours, so the
/// rows mix every line item type at realistic width (tags, product and pricing columns, EDP net
/// columns). The sizes follow `rows`: measured, a workload account writes about `0.848 × instances +
/// 7.6` rows per hour (instances at the day's average level, plus services, negations and fees), so
/// each gets `(rows ÷ 744 ÷ accounts − 7.6) ÷ 0.848` instances; the result lands within a few percent
/// of the request (the summary reports the exact count). Integer arithmetic only.
enum BenchPreset {
    static func yaml(rows: Int) -> String {
        let workloads = min(38, max(2, rows / 26_000))
        let perAccountMilli = rows * 1000 / 744 / workloads
        let instances = max((perAccountMilli - 7_600 + 424) / 848, 2)
        let web = max(instances * 4 / 10, 1)
        let compute = max(instances * 25 / 100, 1)
        let memory = max(instances * 15 / 100, 1)
        let graviton = max(instances - web - compute - memory, 0)
        var accounts = """
              - {id: "900000000001", name: bench-management, org: bench}
              - {id: "900000000002", name: bench-commitments, org: bench, tags: {cost_center: CC-0001, team: finops}}

            """
        for index in 0..<workloads {
            let id = 900_000_000_003 + index
            let profile = index % 3 == 2 ? "batch" : "service"
            let environment = index % 4 == 0 ? "staging" : "production"
            accounts += """
                  - {id: "\(id)", name: bench-workload-\(index + 1), org: bench, profile: \(profile),
                     tags: {cost_center: CC-\(1000 + index % 12 * 100), team: team-\(index % 9 + 1), environment: \(environment)}}

                """
        }
        // Commitments: RIs for about a fifth of the m5 and c5 units and the r5 fleet's, SPs for about a
        // fifth of the On-Demand spend left.
        let reservedLarge = max(web * workloads / 10, 1)  // m5.xlarge = 8 units, covering ~20 % of m5.large's 4-unit hours
        let reservedCompute = max(compute * workloads / 6, 1)
        let reservedMemory = max(memory * workloads / 5, 1)
        let computePlan = max(instances * workloads / 110, 1)
        let gravitonPlan = max(graviton * workloads / 80, 1)
        let sharing = workloads >= 5 ? ", sharingOff: [\"900000000007\"]" : ""
        let secondCredit = workloads >= 8 ? "\n  - {account: \"900000000010\", amount: 1200, description: AWS Activate Credits}" : ""
        return """
            name: bench
            customer: bench
            seed: 42
            periods: [2026-10]
            billing:
              edpPercent: 5
              taxPercent: 7.5
              support: {plan: Enterprise}
            organizations:
              - {id: bench, name: Bench, payer: "900000000001", reportName: bench-cur\(sharing)}
            accounts:
            \(accounts)
            holdingAccounts:
              - account: "900000000002"
                reservedInstances:
                  - {instanceType: m5.xlarge, region: us-east-1, count: \(reservedLarge), term: 1yr, paymentOption: No Upfront,
                     start: 2026-02-01T00:00:00Z}
                  - {instanceType: c5.xlarge, region: us-east-1, availabilityZone: us-east-1a, count: \(reservedCompute),
                     term: 3yr, paymentOption: Partial Upfront, start: 2025-06-01T00:00:00Z}
                  - {instanceType: r5.large, region: us-east-1, count: \(reservedMemory), term: 1yr,
                     paymentOption: All Upfront, start: 2026-10-10T00:00:00Z}
                savingsPlans:
                  - {type: Compute, commitment: \(computePlan), term: 3yr, paymentOption: No Upfront, start: 2025-01-01T00:00:00Z}
                  - {type: EC2Instance, instanceFamily: m6g, region: us-east-1, commitment: \(gravitonPlan),
                     term: 1yr, paymentOption: Partial Upfront, start: 2026-10-20T00:00:00Z}
            profiles:
              service:
                diurnal: web
                ec2:
                  - {instanceType: m5.large, region: us-east-1, count: \(web)}
                  - {instanceType: c5.xlarge, region: us-east-1, count: \(compute)}
                  - {instanceType: r5.large, region: us-east-1, count: \(memory)}
                  - {instanceType: m6g.large, region: us-east-1, count: \(graviton)}
                services:
                  - {service: s3-storage, quantity: 40}
                  - {service: data-transfer-out, quantity: 12}
                  - {service: load-balancer, quantity: 1}
                  - {service: cloudwatch-logs, quantity: 0.8}
              batch:
                ec2:
                  - {instanceType: m5.large, region: us-east-1, count: \(web)}
                  - {instanceType: c5.xlarge, region: us-east-1, count: \(compute)}
                  - {instanceType: r5.large, region: us-east-1, count: \(memory)}
                  - {instanceType: m6g.large, region: us-east-1, count: \(graviton)}
                services:
                  - {service: s3-storage, quantity: 150}
                  - {service: s3-requests, quantity: 90000}
                  - {service: ebs-gp3, quantity: 2}
                  - {service: rds-postgres, quantity: 1}
            credits:
              - {account: "900000000003", amount: 2500, description: AWS Promotional Credit}\(secondCredit)
            """
    }
}
