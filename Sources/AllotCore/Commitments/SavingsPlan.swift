/// A Savings Plan active during the hour: a $/hour commitment, used or lost each hour.
///
/// Application (`reference/aws-billing-rules.md` §3.2): after all Reserved Instances, EC2 Instance
/// plans are applied, then Compute plans (SageMaker plans cover only SageMaker usage). Each plan
/// covers first its owner's usage, then the rest of the organization, always the usage with the
/// highest savings percentage (`1 − rate ÷ On-Demand rate`) first, ties to the lowest rate. Covered
/// usage costs `quantity × rate`; the sum of that over the hour is the used commitment
/// (`savings_plan_used_commitment`, §1.5), the rest is unused.
public struct SavingsPlan: Sendable, Equatable, Identifiable {
    /// The Savings Plan ARN or ID, unique among the hour's commitments.
    public var id: String
    /// The purchasing account.
    public var owner: String
    /// Compute, EC2 Instance (family and Region) or SageMaker.
    public var kind: Kind
    /// The commitment for one hour, amortized upfront plus recurring
    /// (`savings_plan_total_commitment_to_date` of the hour).
    public var hourlyCommitment: Amount
    /// The rate per unit of each eligible usage key.
    public var rates: SavingsPlanRates

    public init(id: String, owner: String, kind: Kind, hourlyCommitment: Amount, rates: SavingsPlanRates) {
        self.id = id
        self.owner = owner
        self.kind = kind
        self.hourlyCommitment = hourlyCommitment
        self.rates = rates
    }
}

extension SavingsPlan {
    /// The plan type, which decides eligibility and application order.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case ec2Instance(family: String, region: String)
            case compute
            case sageMaker
        }

        private let base: Base

        private init(base: Base) {
            self.base = base
        }

        /// Covers EC2 instances of any family, size, Region, platform or tenancy; Fargate; Lambda.
        public static let compute = Kind(base: .compute)
        /// Covers SageMaker ML instance usage only.
        public static let sageMaker = Kind(base: .sageMaker)

        /// Covers one instance family in one Region, any size, platform, tenancy or Availability Zone.
        public static func ec2Instance(family: String, region: String) -> Kind {
            Kind(base: .ec2Instance(family: family, region: region))
        }

        /// The family of an EC2 Instance plan; nil for other kinds.
        public var instanceFamily: String? {
            if case .ec2Instance(let family, _) = base { return family }
            return nil
        }

        /// The Region of an EC2 Instance plan; nil for other kinds.
        public var region: String? {
            if case .ec2Instance(_, let region) = base { return region }
            return nil
        }

        /// Whether this is a SageMaker plan.
        public var isSageMaker: Bool { base == .sageMaker }

        /// The CUR `savings_plan_offering_type` value.
        public var offeringType: String {
            switch base {
            case .ec2Instance: "EC2InstanceSavingsPlans"
            case .compute: "ComputeSavingsPlans"
            case .sageMaker: "SageMakerSavingsPlans"
            }
        }

        /// Application order of the types: EC2 Instance (0), Compute (1), SageMaker (2).
        var applicationRank: Int {
            switch base {
            case .ec2Instance: 0
            case .compute: 1
            case .sageMaker: 2
            }
        }

        public var description: String {
            switch base {
            case .ec2Instance(let family, let region): "EC2 Instance (\(family), \(region))"
            case .compute: "Compute"
            case .sageMaker: "SageMaker"
            }
        }
    }
}
