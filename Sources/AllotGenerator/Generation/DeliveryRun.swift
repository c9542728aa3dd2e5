import AllotCore

/// Generates one delivery: one organization's CUR for one billing period.
///
/// Hour by hour it builds the organization's usage lines, applies its members' commitments with the
/// ``CommitmentEngine`` (never inventing coverage or utilization), and streams out the resulting
/// `Usage`, `DiscountedUsage`, `SavingsPlanCoveredUsage`, `SavingsPlanNegation` and
/// `SavingsPlanRecurringFee` rows; then the month-end rows (`RIFee`, upfront `Fee` and
/// `SavingsPlanUpfrontFee`, `EdpDiscount`, support `Fee`, `Credit`, `Tax`). Memory stays flat: only
/// one hour's lines and per-account sums are kept.
final class DeliveryRun {
    let plan: GenerationPlan
    let organization: ScenarioOrganization
    let period: ScenarioPeriod
    let options: GeneratorOptions
    let hours: HourTable
    let context: String
    var products: ProductCatalog
    var ledger: DeliveryLedger
    var engine = CommitmentEngine()
    let writer: DeliveryWriter
    let deliveryId: String
    let reportId: String
    let layout: CURLayout
    /// `bill/InvoiceId` of the monthly (anniversary) invoice.
    let anniversaryInvoice: [UInt8]
    /// The invoice of credits added after the month closed (`--restated`).
    let creditMemoInvoice: [UInt8]
    let sharing: SharingPreferences
    /// The On-Demand rate after EDP, per instance SKU index; nil without EDP.
    let netRates: [Amount?]
    var reservedInstanceTallies: [ReservedInstanceTally]
    var savingsPlanTallies: [SavingsPlanTally]
    var credits: [DeliverySummary.CreditLine] = []
    var supportFee: Amount?
    var taxTotal = Amount.zero
    let reservedInstanceIndex: [String: Int]
    let savingsPlanIndex: [String: Int]
    let progress: (@Sendable (GenerationProgress) -> Void)?

    // Per-hour working memory, kept between hours.
    var lines: [UsageLine] = []
    var lineSources: [LineSource] = []
    var negations: [NegationGroup] = []
    var negationIndex: [NegationGroup.Key: Int] = [:]
    var coveredPerPlan: [Amount] = []

    /// Where an engine usage line came from.
    struct LineSource {
        let account: AccountEntry
        let fleet: FleetPlan
        let slot: Int
        let zone: Int
    }

    init(
        plan: GenerationPlan, organization: ScenarioOrganization, period: ScenarioPeriod, options: GeneratorOptions,
        progress: (@Sendable (GenerationProgress) -> Void)?
    ) throws(GeneratorError) {
        self.plan = plan
        self.organization = organization
        self.period = period
        self.options = options
        self.progress = progress
        hours = HourTable(start: period.start, hours: period.hours)
        context = "\(organization.id) \(period.period)"
        products = plan.products
        ledger = DeliveryLedger(accountCount: plan.accounts.count)
        var random = plan.root.derived(organization.id, period.period.description)
        anniversaryInvoice = Array(DeterministicIdentifier.digits(&random, count: 10).utf8)
        creditMemoInvoice = Array(("CM" + DeterministicIdentifier.digits(&random, count: 8)).utf8)
        reportId = DeterministicIdentifier.hex(&random, count: 64)
        var version = random.derived(options.restated ? "restated" : "original")
        deliveryId = DeterministicIdentifier.uuid(&version)
        sharing = .allExcept(Set(organization.sharingOff))
        var rates: [Amount?] = []
        for sku in plan.skus {
            guard organization.hasDiscounts else {
                rates.append(nil)
                continue
            }
            do { rates.append(sku.onDemandRate - (try sku.onDemandRate.scaled(by: organization.edpPercent, over: 100))) } catch {
                throw .arithmetic(error)
            }
        }
        netRates = rates
        reservedInstanceTallies = Array(repeating: ReservedInstanceTally(), count: plan.reservedInstances.count)
        savingsPlanTallies = Array(repeating: SavingsPlanTally(), count: plan.savingsPlans.count)
        reservedInstanceIndex = Dictionary(
            plan.reservedInstances.enumerated().map { ($0.element.entry.arn, $0.offset) }, uniquingKeysWith: { first, _ in first })
        savingsPlanIndex = Dictionary(
            plan.savingsPlans.enumerated().map { ($0.element.entry.arn, $0.offset) }, uniquingKeysWith: { first, _ in first })
        layout = CURLayout(format: options.format, hasDiscounts: organization.hasDiscounts, tagKeys: plan.tagKeys)
        let location = DeliveryLocation(
            root: options.output, organization: organization.id, reportName: organization.reportName,
            period: period.period, format: options.format, deliveryId: deliveryId)
        let payerName = plan.accountsById[organization.payer]?.name ?? organization.name
        let encoder = RowEncoder(
            layout: layout, hours: hours, payer: organization.payer, payerName: payerName, period: period.period,
            taxType: organization.taxType)
        writer = DeliveryWriter(
            location: location, encoder: encoder, rowsPerFile: options.rowsPerFile, identitySeed: version.next(),
            compressionLevel: options.compressionLevel, compressInBackground: options.compressInBackground)
    }

    /// Generates the delivery and returns its summary.
    func run() throws(GeneratorError) -> DeliverySummary {
        for epoch in DeliveryEpoch.epochs(plan: plan, organization: organization.id, hours: hours) {
            for hour in epoch.from..<epoch.to {
                try generateHour(hour, epoch: epoch)
                if let progress, hour % 24 == 23 {
                    progress(GenerationProgress(organization: organization.id, period: period.period, hoursDone: hour + 1,
                                                hours: hours.hours, rows: writer.rowCount))
                }
            }
        }
        try writeReservedInstanceFees()
        try writeUpfrontFees()
        try writeDiscounts()
        try writeSupportFee()
        try applyCredits(late: false)
        try writeTax()
        if options.restated { try applyCredits(late: true) }
        let files = try writer.finish()
        let manifests = try ManifestWriter(
            location: writer.location, layout: layout, payer: organization.payer, bucket: organization.bucket,
            reportId: reportId
        ).write(files: files)
        return try summary(files: files, manifests: manifests)
    }

    /// Writes a row and adds it to the sums.
    func emit(_ row: borrowing CURRow) throws(GeneratorError) {
        try writer.write(row)
        ledger.add(row)
    }

    /// The boundary indices of the account's (first) stretch in the organization, for monthly rows.
    func stretch(of account: String) -> (start: Int, end: Int) {
        let stretches = plan.membership.stretches(
            of: account, in: organization.id, from: hours.start, to: hours.instant(hours.hours))
        guard let first = stretches.first else { return (0, hours.hours) }
        return (hours.index(of: first.from), hours.index(of: first.to))
    }

    /// A `bill/InvoiceId` for a purchase (an upfront fee), one per commitment.
    func purchaseInvoice(_ arn: String) -> [UInt8] {
        var random = plan.root.derived(organization.id, period.period.description, arn)
        return Array(DeterministicIdentifier.digits(&random, count: 10).utf8)
    }
}
