/// The `small` preset: two organizations, ten accounts, one day. Small enough for unit tests to
/// read back every row, yet with every line item type the generator writes:
///
/// - `alpha` (EDP 5 %, tax 10 %, Business support) and `beta` (no EDP, VAT 20 %);
/// - account `111100000006` moves from `alpha` to `beta` at 12:00, holding account `222200000002`
///   (an RI and an EC2 Instance SP) from `beta` to `alpha` at 16:00, carrying its commitments;
/// - an All Upfront RI bought at 06:00 and a Partial Upfront SP bought at 00:00 (upfront fees that day);
/// - `111100000005` has RI/SP sharing off; one credit exceeds what its account can use; one is late.
enum SmallPreset {
    static let yaml = """
        name: small
        customer: acme
        seed: 7
        periods:
          - month: 2026-10
            through: 2026-10-02T00:00:00Z
        billing:
          edpPercent: 5
          taxPercent: 10
        organizations:
          - id: alpha
            name: Alpha
            payer: "111100000001"
            support: {plan: Business}
            sharingOff: ["111100000005"]
          - id: beta
            name: Beta
            payer: "222200000001"
            edpPercent: 0
            taxPercent: 20
            taxType: VAT
        accounts:
          - {id: "111100000001", name: alpha-payer, org: alpha}
          - {id: "111100000002", name: alpha-commitments, org: alpha, tags: {cost_center: CC-000}}
          - {id: "111100000003", name: alpha-web, org: alpha, profile: web, tags: {cost_center: CC-100, team: web}}
          - {id: "111100000004", name: alpha-batch, org: alpha, profile: batch, tags: {cost_center: CC-200, team: data}}
          - {id: "111100000005", name: alpha-isolated, org: alpha, profile: web, tags: {cost_center: CC-300, team: secure}}
          - {id: "111100000006", name: alpha-mover, org: alpha, profile: web, tags: {cost_center: CC-400, team: mobile}}
          - {id: "222200000001", name: beta-payer, org: beta}
          - {id: "222200000002", name: beta-commitments, org: beta}
          - {id: "222200000003", name: beta-app, org: beta, profile: app, tags: {cost_center: CC-500, team: app}}
          - {id: "222200000004", name: beta-windows, org: beta, profile: windows, tags: {cost_center: CC-600}}
        holdingAccounts:
          - account: "111100000002"
            reservedInstances:
              - {id: 4a0d5a0e-0000-4000-8000-00000000a001, instanceType: m5.large, region: us-east-1,
                 availabilityZone: us-east-1a, count: 2, term: 1yr, paymentOption: No Upfront, start: 2026-06-01T00:00:00Z}
              - {id: 4a0d5a0e-0000-4000-8000-00000000a002, instanceType: m5.2xlarge, region: us-east-1, count: 1,
                 term: 1yr, paymentOption: All Upfront, start: 2026-10-01T06:00:00Z}
            savingsPlans:
              - {id: 5b1e6b1f-0000-4000-8000-00000000a003, type: Compute, commitment: 0.40, term: 1yr,
                 paymentOption: Partial Upfront, start: 2026-10-01T00:00:00Z}
          - account: "222200000002"
            reservedInstances:
              - {id: 4a0d5a0e-0000-4000-8000-00000000b001, instanceType: c5.xlarge, region: us-east-1, count: 2,
                 term: 3yr, paymentOption: Partial Upfront, start: 2025-01-01T00:00:00Z}
            savingsPlans:
              - {id: 5b1e6b1f-0000-4000-8000-00000000b002, type: EC2Instance, instanceFamily: c5, region: us-east-1,
                 commitment: 0.25, term: 1yr, paymentOption: No Upfront, start: 2026-01-01T00:00:00Z}
        moves:
          - {account: "111100000006", from: alpha, to: beta, at: 2026-10-01T12:00:00Z}
          - {account: "222200000002", from: beta, to: alpha, at: 2026-10-01T16:00:00Z}
        profiles:
          web:
            diurnal: web
            ec2:
              - {instanceType: m5.large, region: us-east-1, count: 3}
              - {instanceType: t3.medium, region: us-east-1, availabilityZone: us-east-1b, count: 2}
            services:
              - {service: s3-storage, quantity: 2.5}
              - {service: data-transfer-out, quantity: 0.8}
              - {service: load-balancer, quantity: 1}
          batch:
            diurnal: batch
            ec2:
              - {instanceType: c5.xlarge, region: us-east-1, count: 3}
              - {instanceType: m5.xlarge, region: us-east-1, count: 2, tags: {team: analytics}}
            services:
              - {service: s3-requests, quantity: 20000}
              - {service: cloudwatch-logs, quantity: 0.2}
          app:
            diurnal: office
            ec2:
              - {instanceType: c5.large, region: us-east-1, count: 2}
              - {instanceType: c5.xlarge, region: us-east-1, count: 2}
              - {instanceType: r5.large, region: us-east-1, availabilityZone: us-east-1c, count: 1}
            services:
              - {service: rds-postgres, quantity: 1}
              - {service: ebs-gp3, quantity: 0.68}
          windows:
            ec2:
              - {instanceType: m5.large, region: us-east-1, platform: Windows, count: 2}
            services:
              - {service: ebs-gp3, quantity: 0.3}
        credits:
          - {account: "111100000003", amount: 5, description: AWS Activate Credits}
          - {account: "222200000003", amount: 1000, description: Migration Acceleration Program credit}
          - {account: "111100000006", amount: 1.25, description: AWS Promotional Credit}
          - {account: "111100000004", amount: 2.5, description: Service level agreement credit, late: true}
        """
}
