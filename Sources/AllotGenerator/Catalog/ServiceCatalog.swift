import AllotCore

/// The non-EC2-instance services a profile can use, priced as in us-east-1's public price list.
///
/// Each becomes plain `Usage` (no commitment applies: §3.1 models EC2 RIs only, and none of these
/// are Savings Plan eligible). Rates scale by the Region's price level like instances do.
struct ServiceCatalog {
    /// One priced service usage.
    struct Service: Sendable {
        /// The scenario's name for it: `s3-storage`.
        let name: String
        let productCode: String
        let productName: String
        /// The usage type without the Region prefix: `TimedStorage-ByteHrs`.
        let usageType: String
        let operation: String
        /// `pricing/unit`: `GB-Mo`, `Hrs`, `Requests`, `GB`.
        let unit: String
        /// The public rate per unit in us-east-1.
        let rate: String
        let productFamily: String
        /// Product attributes beyond the common ones: (legacy key, value).
        let attributes: [(String, String)]
        /// The resource id shape: `bucket`, `volume`, `database`, `gateway`, `loadBalancer`, `table`, or empty.
        let resource: String
        /// `$0.023 per GB-Mo` style text before the Region.
        var pricePhrase: String { "$\(rate) per \(unit)" }
    }

    static let services: [Service] = [
        Service(
            name: "s3-storage", productCode: "AmazonS3", productName: "Amazon Simple Storage Service",
            usageType: "TimedStorage-ByteHrs", operation: "StandardStorage", unit: "GB-Mo", rate: "0.023",
            productFamily: "Storage", attributes: [("storageClass", "General Purpose"), ("volumeType", "Standard")],
            resource: "bucket"),
        Service(
            name: "s3-requests", productCode: "AmazonS3", productName: "Amazon Simple Storage Service",
            usageType: "Requests-Tier1", operation: "PutObject", unit: "Requests", rate: "0.000005",
            productFamily: "API Request", attributes: [("group", "S3-API-Tier1")], resource: "bucket"),
        Service(
            name: "ebs-gp3", productCode: "AmazonEC2", productName: "Amazon Elastic Compute Cloud",
            usageType: "EBS:VolumeUsage.gp3", operation: "CreateVolume-Gp3", unit: "GB-Mo", rate: "0.08",
            productFamily: "Storage", attributes: [("volumeApiName", "gp3"), ("volumeType", "General Purpose"),
                                                   ("storageMedia", "SSD-backed")], resource: "volume"),
        Service(
            name: "data-transfer-out", productCode: "AWSDataTransfer", productName: "AWS Data Transfer",
            usageType: "DataTransfer-Out-Bytes", operation: "", unit: "GB", rate: "0.09", productFamily: "Data Transfer",
            attributes: [("fromLocationType", "AWS Region"), ("toLocation", "External"),
                         ("toLocationType", "Other"), ("transferType", "AWS Outbound")], resource: ""),
        Service(
            name: "rds-postgres", productCode: "AmazonRDS", productName: "Amazon Relational Database Service",
            usageType: "InstanceUsage:db.r5.large", operation: "CreateDBInstance:0014", unit: "Hrs", rate: "0.25",
            productFamily: "Database Instance", attributes: [("databaseEngine", "PostgreSQL"),
                                                             ("deploymentOption", "Single-AZ"), ("instanceType", "db.r5.large"),
                                                             ("vcpu", "2"), ("memory", "16 GiB")], resource: "database"),
        Service(
            name: "rds-mysql", productCode: "AmazonRDS", productName: "Amazon Relational Database Service",
            usageType: "Multi-AZUsage:db.m5.large", operation: "CreateDBInstance:0002", unit: "Hrs", rate: "0.342",
            productFamily: "Database Instance", attributes: [("databaseEngine", "MySQL"),
                                                             ("deploymentOption", "Multi-AZ"), ("instanceType", "db.m5.large"),
                                                             ("vcpu", "2"), ("memory", "8 GiB")], resource: "database"),
        Service(
            name: "dynamodb", productCode: "AmazonDynamoDB", productName: "Amazon DynamoDB",
            usageType: "ReadCapacityUnit-Hrs", operation: "CommittedThroughput", unit: "ReadCapacityUnit-Hrs",
            rate: "0.00013", productFamily: "Provisioned IOPS", attributes: [("group", "DDB-ReadUnits")], resource: "table"),
        Service(
            name: "nat-gateway", productCode: "AmazonEC2", productName: "Amazon Elastic Compute Cloud",
            usageType: "NatGateway-Hours", operation: "NatGateway", unit: "Hrs", rate: "0.045", productFamily: "NAT Gateway",
            attributes: [("group", "NGW:NatGateway")], resource: "gateway"),
        Service(
            name: "load-balancer", productCode: "AWSELB", productName: "Elastic Load Balancing",
            usageType: "LoadBalancerUsage", operation: "LoadBalancing:Application", unit: "Hrs", rate: "0.0225",
            productFamily: "Load Balancer-Application", attributes: [("groupDescription", "LoadBalancer hourly usage by Application Load Balancer")],
            resource: "loadBalancer"),
        Service(
            name: "cloudwatch-logs", productCode: "AmazonCloudWatch", productName: "AmazonCloudWatch",
            usageType: "DataProcessing-Bytes", operation: "PutLogEvents", unit: "GB", rate: "0.5",
            productFamily: "Data Payload", attributes: [("group", "Ingested Logs")], resource: ""),
        Service(
            name: "cloudtrail", productCode: "AWSCloudTrail", productName: "AWS CloudTrail",
            usageType: "PaidEventsRecorded", operation: "None", unit: "Events", rate: "0.00002",
            productFamily: "Management Tools - AWS CloudTrail Paid Events Recorded", attributes: [], resource: ""),
        Service(
            name: "kms", productCode: "awskms", productName: "AWS Key Management Service",
            usageType: "KMS-Requests", operation: "Decrypt", unit: "Requests", rate: "0.000003",
            productFamily: "Encryption Key", attributes: [], resource: ""),
        Service(
            name: "guardduty", productCode: "AmazonGuardDuty", productName: "Amazon GuardDuty",
            usageType: "PaidEventsAnalyzed", operation: "", unit: "Events", rate: "0.000004",
            productFamily: "Security Services", attributes: [("group", "CloudTrail Management Events")], resource: ""),
    ]

    private static let byName = Dictionary(uniqueKeysWithValues: services.map { ($0.name, $0) })

    /// The service named `name`, or nil.
    static func service(_ name: String) -> Service? {
        byName[name]
    }

    /// Every service name, for messages.
    static var names: String { services.map(\.name).joined(separator: ", ") }
}
