import AllotCore
import AllotStore
import ArgumentParser

/// `allot commitments list|show`: the RIs and Savings Plans the ingested deliveries show.
struct CommitmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitments",
        abstract: "The inventory of Reserved Instances and Savings Plans, and the organizations they sat in.",
        discussion: """
            Every ingest rewrites the inventory from the delivery's fee and covered-usage lines; a superseded \
            delivery's contribution goes with it. `show` puts the observed organization intervals next to the \
            owner's declared holding-account history and reports observed hours outside it.
            """,
        subcommands: [CommitmentsListCommand.self, CommitmentsShowCommand.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }
}

/// `allot commitments list [--org O] [--period P] [--format table|csv|json]`.
struct CommitmentsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the commitments, by ARN.")

    @OptionGroup var options: GlobalOptions
    @Option(help: "Only commitments a delivery of this organization shows.") var org: String?
    @Option(help: "Only commitments a delivery of this billing period (YYYY-MM) shows.") var period: String?
    @Option(help: "table, csv or json.") var format: CommitmentsCommand.Format = .table

    func run() async throws {
        let billingPeriod = try period.map(InvoiceCommand.period)
        let (commitments, inconsistencies) = try await options.withClient(maxConnections: 1) { client, _ in
            let inventory = CommitmentInventory(client: client)
            return (try await inventory.list(organization: org, period: billingPeriod), try await inventory.inconsistencies())
        }
        let inconsistent = Dictionary(grouping: inconsistencies, by: \.arn).mapValues { $0.compactMap(\.hours).reduce(0, +) }
        switch format {
        case .json:
            print(try JSONOutput.encode(commitments))
        case .csv:
            print(CommitmentsListCommand.csvColumns.joined(separator: ","))
            for commitment in commitments {
                print(Self.csvCells(commitment, inconsistentHours: inconsistent[commitment.arn] ?? 0).map(InvoiceCSV.field).joined(separator: ","))
            }
        case .table:
            print(
                [TextLayout.pad("ARN", 40), TextLayout.pad("kind", 15), TextLayout.pad("owner", 12), TextLayout.pad("scope", 12),
                 TextLayout.pad("type/family", 12), TextLayout.right("count/$/h", 10), TextLayout.pad("term", 4),
                 TextLayout.pad("payment", 15), TextLayout.pad("ends", 10), "orgs"].joined(separator: "  "))
            for commitment in commitments {
                let size = commitment.numberOfReservations ?? commitment.hourlyCommitment
                let issue = inconsistent[commitment.arn].map { "  (\($0) h outside the declared history)" } ?? ""
                print(
                    [TextLayout.pad(Self.shortened(commitment.arn), 40), TextLayout.pad(commitment.kind, 15),
                     TextLayout.pad(commitment.ownerAccountId ?? "-", 12),
                     TextLayout.pad(commitment.availabilityZone ?? commitment.region ?? "-", 12),
                     TextLayout.pad(commitment.instanceType ?? commitment.instanceTypeFamily ?? "-", 12),
                     TextLayout.right(size?.description ?? "-", 10), TextLayout.pad(commitment.term ?? "-", 4),
                     TextLayout.pad(commitment.paymentOption ?? "-", 15),
                     TextLayout.pad(commitment.ends.map { String($0.description.prefix(10)) } ?? "-", 10),
                     commitment.organizations.joined(separator: ",") + issue].joined(separator: "  "))
            }
        }
    }

    /// The ARN's resource part when the whole does not fit a table column (`show` prints it whole).
    static func shortened(_ arn: String) -> String {
        arn.count <= 40 ? arn : "…" + arn.suffix(39)
    }

    static let csvColumns = [
        "arn", "kind", "owner_account_id", "product_code", "region", "availability_zone", "instance_type",
        "instance_type_family", "platform", "tenancy", "size_flexible", "number_of_reservations", "normalized_units",
        "hourly_commitment", "term", "payment_option", "starts", "ends", "upfront_value", "last_period", "organizations",
        "inconsistent_hours",
    ]

    static func csvCells(_ commitment: CommitmentRecord, inconsistentHours: Int) -> [InvoiceCSV.Cell] {
        func text(_ value: String?) -> InvoiceCSV.Cell { value.map { .text($0) } ?? .empty }
        func number(_ value: Amount?) -> InvoiceCSV.Cell { value.map { .number($0.description) } ?? .empty }
        return [
            text(commitment.arn), text(commitment.kind), text(commitment.ownerAccountId), text(commitment.productCode),
            text(commitment.region), text(commitment.availabilityZone), text(commitment.instanceType),
            text(commitment.instanceTypeFamily), text(commitment.platform), text(commitment.tenancy),
            text(commitment.sizeFlexible.map { $0 ? "true" : "false" }), number(commitment.numberOfReservations),
            number(commitment.normalizedUnits), number(commitment.hourlyCommitment), text(commitment.term),
            text(commitment.paymentOption), text(commitment.starts?.description), text(commitment.ends?.description),
            number(commitment.upfrontValue), text(commitment.lastPeriod.description),
            text(commitment.organizations.joined(separator: " ")), .number(String(inconsistentHours)),
        ]
    }
}

/// `allot commitments show ARN [--format table|json]`.
struct CommitmentsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one commitment: its fields, observed and declared organization intervals, inconsistencies.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The commitment's ARN, as the CUR spells it.") var arn: String
    @Option(help: "table or json.") var format: CommitmentsCommand.Format = .table

    func validate() throws {
        if format == .csv { throw ValidationError("--format: table or json (csv is for `allot commitments list`)") }
    }

    func run() async throws {
        let found = try await options.withClient(maxConnections: 1) { client, _ in
            try await CommitmentInventory(client: client).detail(arn: arn)
        }
        guard let detail = found else {
            throw CommandLineError(description: "no ingested delivery shows commitment \(arn); see `allot commitments list`")
        }
        if format == .json {
            print(try JSONOutput.encode(detail))
            return
        }
        let commitment = detail.commitment
        let fields: [(String, String?)] = [
            ("arn", commitment.arn), ("kind", commitment.kind), ("owner", commitment.ownerAccountId),
            ("product", commitment.productCode), ("region", commitment.region), ("availability zone", commitment.availabilityZone),
            ("instance type", commitment.instanceType), ("instance family", commitment.instanceTypeFamily),
            ("platform", commitment.platform), ("tenancy", commitment.tenancy),
            ("size flexible", commitment.sizeFlexible.map { $0 ? "yes" : "no" }),
            ("reservations", commitment.numberOfReservations?.description),
            ("normalized units/h", commitment.normalizedUnits?.description),
            ("commitment $/h", commitment.hourlyCommitment?.description), ("term", commitment.term),
            ("payment option", commitment.paymentOption), ("starts", commitment.starts?.description),
            ("ends", commitment.ends?.description), ("upfront value", commitment.upfrontValue?.description),
            ("last period", commitment.lastPeriod.description),
        ]
        for (label, value) in fields { print("\(TextLayout.pad(label, 20))  \(value ?? "-")") }
        for (title, intervals) in [
            ("observed in", detail.observed), ("declared (owner's history)", detail.declared),
            ("inconsistencies (observed outside the declared history)", detail.inconsistencies),
        ] {
            print("")
            print(title + (intervals.isEmpty ? ": none" : ":"))
            for interval in intervals {
                print("  \(TextLayout.pad(interval.organization, 16))  \(interval.span)" + (interval.hours.map { "  (\($0) h)" } ?? ""))
            }
        }
    }
}
