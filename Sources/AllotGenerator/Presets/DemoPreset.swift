/// The `demo` preset: the company `acme` with a management organization and two workload
/// organizations, about fifty accounts, October 2026. `docs/demo-scenario.md` lists every id.
enum DemoPreset {
    static let yaml = """
        name: demo
        customer: acme
        seed: 2026
        periods: [2026-10]
        billing:
          edpPercent: 6
          taxPercent: 8.25
          support: {plan: Business}
        organizations:
          - {id: mgmt, name: Acme Management, payer: "100000000001", reportName: acme-mgmt-cur,
             support: {plan: Enterprise}}
          - {id: retail, name: Acme Retail, payer: "200000000001", reportName: acme-retail-cur,
             sharingOff: ["200000000009"]}
          - {id: data, name: Acme Data, payer: "300000000001", reportName: acme-data-cur}
        accounts:
          - {id: "100000000001", name: acme-management, org: mgmt, tags: {cost_center: CC-1000, team: platform}}
          - {id: "100000000002", name: acme-log-archive, org: mgmt, profile: log-archive, tags: {cost_center: CC-1100, team: security}}
          - {id: "100000000003", name: acme-security-tooling, org: mgmt, profile: security, tags: {cost_center: CC-1100, team: security}}
          - {id: "100000000004", name: acme-network-hub, org: mgmt, profile: network, tags: {cost_center: CC-1000, team: platform}}
          - {id: "100000000005", name: acme-shared-services, org: mgmt, profile: shared-services, tags: {cost_center: CC-1000, team: platform}}
          - {id: "100000000006", name: acme-identity, org: mgmt, profile: security, tags: {cost_center: CC-1100, team: security}}
          - {id: "100000000007", name: acme-sandbox, org: mgmt, profile: dev}
          - {id: "200000000001", name: acme-retail-management, org: retail, tags: {cost_center: CC-1000, team: platform}}
          - {id: "200000000002", name: acme-retail-commitments, org: retail, tags: {cost_center: CC-1200, team: finops}}
          - {id: "200000000003", name: retail-storefront-prod, org: retail, profile: storefront, tags: {cost_center: CC-2000, team: storefront}}
          - {id: "200000000004", name: retail-storefront-staging, org: retail, profile: staging, tags: {cost_center: CC-2000, team: storefront}}
          - {id: "200000000005", name: retail-checkout-prod, org: retail, profile: api, tags: {cost_center: CC-2100, team: checkout}}
          - {id: "200000000006", name: retail-checkout-staging, org: retail, profile: staging, tags: {cost_center: CC-2100, team: checkout}}
          - {id: "200000000007", name: retail-search-prod, org: retail, profile: search, tags: {cost_center: CC-2200, team: search}}
          - {id: "200000000008", name: retail-search-staging, org: retail, profile: staging, tags: {cost_center: CC-2200, team: search}}
          - {id: "200000000009", name: retail-payments-prod, org: retail, profile: payments, tags: {cost_center: CC-2300, team: payments}}
          - {id: "200000000010", name: retail-payments-staging, org: retail, profile: dev, tags: {cost_center: CC-2300, team: payments}}
          - {id: "200000000011", name: retail-mobile-api-prod, org: retail, profile: api, tags: {cost_center: CC-2400, team: mobile}}
          - {id: "200000000012", name: retail-mobile-api-dev, org: retail, profile: dev, tags: {cost_center: CC-2400, team: mobile}}
          - {id: "200000000013", name: retail-orders-prod, org: retail, profile: database, tags: {cost_center: CC-2500, team: supply-chain}}
          - {id: "200000000014", name: retail-inventory-prod, org: retail, profile: api, tags: {cost_center: CC-2500, team: supply-chain}}
          - {id: "200000000015", name: retail-recommendations, org: retail, profile: ml-inference, tags: {cost_center: CC-2150, team: recommendations}}
          - {id: "200000000016", name: retail-marketing-web, org: retail, profile: windows-app, tags: {cost_center: CC-2600, team: marketing}}
          - {id: "200000000017", name: retail-loyalty-prod, org: retail, profile: windows-app, tags: {cost_center: CC-2600, team: marketing}}
          - {id: "200000000018", name: retail-pricing-prod, org: retail, profile: api, tags: {cost_center: CC-2500, team: supply-chain}}
          - {id: "200000000019", name: retail-analytics, org: retail, profile: batch-etl, tags: {cost_center: CC-3100, team: analytics}}
          - {id: "200000000020", name: retail-cdn-edge, org: retail, profile: network, tags: {cost_center: CC-2000, team: storefront}}
          - {id: "200000000021", name: retail-qa-tools, org: retail, profile: dev}
          - {id: "200000000022", name: retail-inventory-dev, org: retail, profile: dev, tags: {cost_center: CC-2500, team: supply-chain}}
          - {id: "200000000023", name: retail-orders-dev, org: retail, profile: dev, tags: {cost_center: CC-2500, team: supply-chain}}
          - {id: "300000000001", name: acme-data-management, org: data, tags: {cost_center: CC-1000, team: platform}}
          - {id: "300000000002", name: acme-data-commitments, org: data, tags: {cost_center: CC-1200, team: finops}}
          - {id: "300000000003", name: data-lake-prod, org: data, profile: data-lake, tags: {cost_center: CC-3000, team: data-platform}}
          - {id: "300000000004", name: data-lake-dev, org: data, profile: dev, tags: {cost_center: CC-3000, team: data-platform}}
          - {id: "300000000005", name: data-etl-prod, org: data, profile: batch-etl, tags: {cost_center: CC-3000, team: data-platform}}
          - {id: "300000000006", name: data-etl-dev, org: data, profile: dev, tags: {cost_center: CC-3000, team: data-platform}}
          - {id: "300000000007", name: data-warehouse-prod, org: data, profile: database, tags: {cost_center: CC-3100, team: analytics}}
          - {id: "300000000008", name: data-warehouse-dev, org: data, profile: dev, tags: {cost_center: CC-3100, team: analytics}}
          - {id: "300000000009", name: data-ml-training, org: data, profile: ml-training, tags: {cost_center: CC-3200, team: ml}}
          - {id: "300000000010", name: data-ml-inference, org: data, profile: ml-inference, tags: {cost_center: CC-3200, team: ml}}
          - {id: "300000000011", name: data-streaming-prod, org: data, profile: streaming, tags: {cost_center: CC-3000, team: data-platform}}
          - {id: "300000000012", name: data-streaming-dev, org: data, profile: dev, tags: {cost_center: CC-3000, team: data-platform}}
          - {id: "300000000013", name: data-bi-reporting, org: data, profile: windows-app, tags: {cost_center: CC-3100, team: analytics}}
          - {id: "300000000014", name: data-science-sandbox, org: data, profile: dev}
          - {id: "300000000015", name: data-feature-store, org: data, profile: database, tags: {cost_center: CC-3200, team: ml}}
          - {id: "300000000016", name: data-catalog, org: data, profile: api, tags: {cost_center: CC-3000, team: data-platform}}
          - {id: "300000000017", name: data-ml-platform-dev, org: data, profile: dev, tags: {cost_center: CC-3200, team: ml}}
          - {id: "300000000018", name: data-experimentation, org: data, profile: ml-inference, tags: {cost_center: CC-3200, team: ml}}
          - {id: "300000000019", name: data-quality, org: data, profile: dev, tags: {cost_center: CC-3100, team: analytics}}
          - {id: "300000000020", name: data-geo-analytics, org: data, profile: batch-etl, tags: {cost_center: CC-3100, team: analytics}}
        holdingAccounts:
          - account: "200000000002"
            reservedInstances:
              - {id: 2b6f3c1e-7d1a-4e0f-9c55-0000000a0001, instanceType: m5.xlarge, region: us-east-1, count: 8,
                 term: 1yr, paymentOption: No Upfront, start: 2026-03-01T00:00:00Z}
              - {id: 2b6f3c1e-7d1a-4e0f-9c55-0000000a0002, instanceType: c5.xlarge, region: us-east-1,
                 availabilityZone: us-east-1a, count: 2, term: 1yr, paymentOption: All Upfront, start: 2026-05-15T00:00:00Z}
              - {id: 2b6f3c1e-7d1a-4e0f-9c55-0000000a0003, instanceType: r5.large, region: us-east-1, count: 4,
                 term: 3yr, paymentOption: Partial Upfront, start: 2025-11-01T00:00:00Z}
              - {id: 2b6f3c1e-7d1a-4e0f-9c55-0000000a0004, instanceType: m5.large, region: us-east-1, platform: Windows,
                 count: 2, term: 1yr, paymentOption: No Upfront, start: 2026-01-01T00:00:00Z}
            savingsPlans:
              - {id: 7c2e9a4b-5f3d-4b8e-a1d2-0000000a0005, type: Compute, commitment: 3.00, term: 3yr,
                 paymentOption: No Upfront, start: 2025-07-01T00:00:00Z}
              - {id: 7c2e9a4b-5f3d-4b8e-a1d2-0000000a0006, type: EC2Instance, instanceFamily: m6i, region: us-east-1,
                 commitment: 0.30, term: 1yr, paymentOption: All Upfront, start: 2026-10-15T00:00:00Z}
          - account: "300000000002"
            reservedInstances:
              - {id: 2b6f3c1e-7d1a-4e0f-9c55-0000000b0001, instanceType: c5.2xlarge, region: us-east-1, count: 4,
                 term: 1yr, paymentOption: No Upfront, start: 2026-04-01T00:00:00Z}
            savingsPlans:
              - {id: 7c2e9a4b-5f3d-4b8e-a1d2-0000000b0002, type: Compute, commitment: 2.50, term: 1yr,
                 paymentOption: Partial Upfront, start: 2026-02-01T00:00:00Z}
        moves:
          - {account: "200000000015", from: retail, to: data, at: 2026-10-16T00:00:00Z}
        profiles:
          storefront:
            diurnal: web
            weekendPercent: 110
            ec2:
              - {instanceType: m5.large, region: us-east-1, count: 8}
              - {instanceType: m5.2xlarge, region: us-east-1, count: 2}
              - {instanceType: c5.large, region: us-east-1, count: 4}
            services:
              - {service: s3-storage, quantity: 60}
              - {service: data-transfer-out, quantity: 45}
              - {service: load-balancer, quantity: 2}
          staging:
            diurnal: office
            weekendPercent: 30
            ec2:
              - {instanceType: m5.large, region: us-east-1, count: 2}
              - {instanceType: t3.medium, region: us-east-1, count: 2}
            services:
              - {service: ebs-gp3, quantity: 0.6}
          api:
            diurnal: web
            ec2:
              - {instanceType: c5.xlarge, region: us-east-1, count: 4}
              - {instanceType: m6i.large, region: us-east-1, count: 4}
            services:
              - {service: load-balancer, quantity: 1}
              - {service: nat-gateway, quantity: 1}
          search:
            diurnal: web
            ec2:
              - {instanceType: r5.xlarge, region: us-east-1, count: 4}
              - {instanceType: c5.xlarge, region: us-east-1, availabilityZone: us-east-1a, count: 2}
            services:
              - {service: ebs-gp3, quantity: 3}
          payments:
            ec2:
              - {instanceType: m5.xlarge, region: us-east-1, count: 4}
            services:
              - {service: rds-postgres, quantity: 2}
              - {service: kms, quantity: 20000}
          dev:
            diurnal: office
            weekendPercent: 20
            ec2:
              - {instanceType: t3.large, region: us-east-1, count: 2}
              - {instanceType: m5.large, region: us-east-1, count: 1}
            services:
              - {service: ebs-gp3, quantity: 0.2}
          database:
            ec2:
              - {instanceType: r5.xlarge, region: us-east-1, count: 3}
              - {instanceType: r5.large, region: us-east-1, count: 2}
            services:
              - {service: rds-mysql, quantity: 2}
              - {service: dynamodb, quantity: 1500}
          ml-inference:
            diurnal: web
            ec2:
              - {instanceType: c6g.large, region: us-east-1, count: 6}
              - {instanceType: m6g.large, region: us-west-2, count: 4}
            services:
              - {service: s3-requests, quantity: 50000}
          windows-app:
            diurnal: office
            ec2:
              - {instanceType: m5.large, region: us-east-1, platform: Windows, count: 3}
            services:
              - {service: ebs-gp3, quantity: 0.3}
          batch-etl:
            diurnal: batch
            ec2:
              - {instanceType: c5.2xlarge, region: us-east-1, count: 6}
              - {instanceType: m5.2xlarge, region: us-east-1, count: 3}
            services:
              - {service: s3-storage, quantity: 180}
              - {service: s3-requests, quantity: 200000}
          network:
            services:
              - {service: nat-gateway, quantity: 4}
              - {service: data-transfer-out, quantity: 90}
              - {service: load-balancer, quantity: 2}
          log-archive:
            services:
              - {service: s3-storage, quantity: 420}
              - {service: cloudwatch-logs, quantity: 6}
          security:
            ec2:
              - {instanceType: m5.large, region: us-east-1, count: 1}
            services:
              - {service: cloudtrail, quantity: 200000}
              - {service: guardduty, quantity: 3000000}
              - {service: kms, quantity: 50000}
          shared-services:
            ec2:
              - {instanceType: m5.large, region: us-east-1, count: 3}
              - {instanceType: t3.medium, region: us-east-1, count: 2}
            services:
              - {service: nat-gateway, quantity: 2}
              - {service: cloudtrail, quantity: 50000}
          data-lake:
            ec2:
              - {instanceType: m5.xlarge, region: us-east-1, count: 2}
            services:
              - {service: s3-storage, quantity: 1200}
              - {service: s3-requests, quantity: 400000}
              - {service: data-transfer-out, quantity: 12}
          ml-training:
            diurnal: batch
            ec2:
              - {instanceType: g4dn.xlarge, region: us-east-1, count: 3}
              - {instanceType: c5.4xlarge, region: us-east-1, count: 2}
            services:
              - {service: s3-storage, quantity: 240}
          streaming:
            ec2:
              - {instanceType: r6g.large, region: us-east-1, count: 4}
              - {instanceType: m5.large, region: us-east-1, count: 2}
            services:
              - {service: data-transfer-out, quantity: 8}
              - {service: cloudwatch-logs, quantity: 2}
        credits:
          - {account: "200000000003", amount: 1500, description: AWS Promotional Credit - Migration Acceleration Program}
          - {account: "300000000009", amount: 3000, description: AWS Credits - Machine Learning Research}
          - {account: "200000000015", amount: 300, description: AWS Activate Credits}
          - {account: "100000000005", amount: 250, description: AWS Service Level Agreement credit, late: true}
          - {account: "200000000005", amount: 400, description: Service credit for EC2 SLA event (us-east-1), late: true}
        """
}
