/// What kind of usage a line is, as far as commitments care.
///
/// The category decides eligibility (`reference/aws-billing-rules.md` §3.1–§3.2):
///
/// | Category | Reserved Instances | EC2 Instance SP | Compute SP | SageMaker SP |
/// |---|---|---|---|---|
/// | ``ec2Instance`` | yes (matching attributes) | yes (family + region) | yes | no |
/// | ``fargate``, ``lambda`` | no | no | yes | no |
/// | ``sageMakerInstance`` | no | no | no | yes |
/// | ``other`` | no | no | no | no |
///
/// Only EC2 Reserved Instances are modelled; RDS, ElastiCache and OpenSearch reservations are not.
public struct UsageCategory: Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable { case ec2Instance, fargate, lambda, sageMakerInstance, other }
    private let base: Base

    /// On-Demand EC2 instance hours (`BoxUsage`, `DedicatedUsage`, `HostUsage`).
    public static let ec2Instance = UsageCategory(base: .ec2Instance)
    /// Fargate vCPU and memory hours on ECS or EKS.
    public static let fargate = UsageCategory(base: .fargate)
    /// Lambda compute duration and provisioned concurrency.
    public static let lambda = UsageCategory(base: .lambda)
    /// SageMaker ML instance usage.
    public static let sageMakerInstance = UsageCategory(base: .sageMakerInstance)
    /// Anything no commitment applies to (storage, data transfer, Spot, requests, …).
    public static let other = UsageCategory(base: .other)

    private init(base: Base) {
        self.base = base
    }

    /// Infers the category from the CUR product code and usage type.
    ///
    /// A heuristic for callers that lack an explicit classification: `AmazonEC2` usage types containing
    /// `BoxUsage`, `DedicatedUsage` or `HostUsage`; `AmazonECS`/`AmazonEKS` usage types containing
    /// `Fargate`; `AWSLambda` usage types containing `Lambda-GB-Second` or `Lambda-Provisioned`;
    /// `AmazonSageMaker` usage types containing `ml.`. Everything else is ``other``.
    public static func inferred(productCode: String, usageType: String) -> UsageCategory {
        switch productCode {
        case "AmazonEC2":
            if usageType.contains("BoxUsage") || usageType.contains("DedicatedUsage") || usageType.contains("HostUsage") {
                return .ec2Instance
            }
        case "AmazonECS", "AmazonEKS":
            if usageType.contains("Fargate") { return .fargate }
        case "AWSLambda":
            if usageType.contains("Lambda-GB-Second") || usageType.contains("Lambda-Provisioned") { return .lambda }
        case "AmazonSageMaker":
            if usageType.contains("ml.") { return .sageMakerInstance }
        default:
            break
        }
        return .other
    }

    /// Whether Reserved Instances and EC2 Instance Savings Plans can apply.
    public var isEC2Instance: Bool { base == .ec2Instance }

    /// Whether Compute Savings Plans apply: EC2 instances, Fargate and Lambda.
    public var isComputeSavingsPlanEligible: Bool {
        base == .ec2Instance || base == .fargate || base == .lambda
    }

    /// Whether SageMaker Savings Plans apply.
    public var isSageMakerSavingsPlanEligible: Bool { base == .sageMakerInstance }

    public var description: String {
        switch base {
        case .ec2Instance: "ec2-instance"
        case .fargate: "fargate"
        case .lambda: "lambda"
        case .sageMakerInstance: "sagemaker-instance"
        case .other: "other"
        }
    }
}
