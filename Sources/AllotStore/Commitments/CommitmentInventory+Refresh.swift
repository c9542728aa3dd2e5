import AllotCore
import Postgres

extension CommitmentInventory {
    /// The line item types that name a commitment: its fees (sitting in the owner account) and the usage it covers.
    static let feeTypes = "'RIFee', 'Fee', 'SavingsPlanRecurringFee', 'SavingsPlanUpfrontFee'"
    static let coveredTypes = "'DiscountedUsage', 'SavingsPlanCoveredUsage'"

    /// Rewrites the inventory for a delivery being swapped in, inside its load transaction: records what the
    /// delivery's lines say of each commitment they name, drops what the superseded delivery said, and merges the
    /// observations again for every ARN either names. Set-based, over the delivery's own table only.
    static func refresh(
        delivery: Int, organization: String, period: BillingPeriod, superseding previous: Int?, on connection: PostgresConnection
    ) async throws {
        try await connection.execute(observe(table: LineItemPartitions.deliveryTable(delivery)), [delivery, organization, period])
        let touched = [delivery] + (previous.map { [$0] } ?? [])
        try await connection.execute(
            "DELETE FROM commitments WHERE arn IN (SELECT arn FROM commitment_observations WHERE delivery_id = ANY($1::bigint[]))",
            [touched])
        try await connection.execute(merge, [touched, previous])
        if let previous {
            try await connection.execute("DELETE FROM commitment_observations WHERE delivery_id = $1", [previous])
        }
    }

    /// One observation per ARN named by the delivery table's fee and covered-usage lines (`reference/aws-billing-rules.md`
    /// §1.4, §1.5). Attributes of the commitment itself are read from its fee lines where covered lines describe the
    /// consuming usage instead (an RI's instance type, platform, tenancy); the others from any line naming it.
    /// `table` is built from a delivery id, never from input.
    private static func observe(table: String) -> String {
        """
        INSERT INTO commitment_observations (
            delivery_id, arn, org_id, billing_period, during, kind, owner_account_id, product_code, region,
            availability_zone, instance_type, instance_type_family, platform, tenancy, number_of_reservations,
            normalized_units, hourly_commitment, term, payment_option, starts, ends, upfront_value, fee_rows, covered_rows)
        SELECT $1, commitment_arn, $2, $3::date,
            tstzrange(min(usage_start), max(coalesce(usage_end, usage_start + interval '1 hour')), '[)'),
            CASE WHEN min(commitment_kind) = 'ri' THEN
                CASE lower(min(offering_class)) WHEN 'standard' THEN 'standard-ri' WHEN 'convertible' THEN 'convertible-ri' ELSE 'ri' END
            ELSE
                CASE WHEN min(sp_offering_type) ILIKE 'compute%' THEN 'compute-sp'
                     WHEN min(sp_offering_type) ILIKE 'ec2instance%' THEN 'ec2-instance-sp'
                     WHEN min(sp_offering_type) ILIKE 'sagemaker%' THEN 'sagemaker-sp'
                     WHEN min(sp_offering_type) ILIKE 'database%' THEN 'database-sp'
                     ELSE 'sp' END
            END,
            min(commitment_owner_account_id),
            coalesce(min(product_code) FILTER (WHERE fee), min(product_code)),
            CASE WHEN min(commitment_kind) = 'ri'
                THEN coalesce(nullif(split_part(min(commitment_arn), ':', 4), ''), min(region) FILTER (WHERE fee))
                ELSE min(sp_region) END,
            min(ri_availability_zone),
            min(instance_type) FILTER (WHERE fee AND commitment_kind = 'ri'),
            coalesce(min(sp_instance_type_family), min(instance_type_family) FILTER (WHERE fee AND commitment_kind = 'ri')),
            min(operating_system) FILTER (WHERE fee AND commitment_kind = 'ri'),
            min(tenancy) FILTER (WHERE fee AND commitment_kind = 'ri'),
            max(ri_number_of_reservations),
            trim_scale(max(ri_total_reserved_normalized_units / nullif(ri_units_per_reservation, 0))
                FILTER (WHERE line_item_type = 'RIFee')),
            max(sp_total_commitment_to_date) FILTER (WHERE line_item_type = 'SavingsPlanRecurringFee'),
            coalesce(min(sp_purchase_term), min(lease_contract_length)),
            coalesce(min(sp_payment_option), min(purchase_option)),
            coalesce(min(ri_start), min(sp_start)),
            coalesce(max(ri_end), max(sp_end)),
            coalesce(max(ri_upfront_value),
                sum(unblended_cost) FILTER (WHERE line_item_type IN ('Fee', 'SavingsPlanUpfrontFee'))),
            count(*) FILTER (WHERE fee),
            count(*) FILTER (WHERE NOT fee)
        FROM (
            SELECT *, line_item_type IN (\(feeTypes)) AS fee FROM \(table)
            WHERE commitment_arn IS NOT NULL AND line_item_type IN (\(feeTypes), \(coveredTypes))
        ) AS lines
        GROUP BY commitment_arn
        """
    }

    /// The merge of the remaining observations of the ARNs the deliveries `$1` name, leaving out `$2` (the superseded
    /// delivery, whose observations are deleted next): per field, the newest billing period's non-NULL value.
    private static let merge = """
        INSERT INTO commitments (
            arn, kind, owner_account_id, product_code, region, availability_zone, instance_type, instance_type_family,
            platform, tenancy, size_flexible, number_of_reservations, normalized_units, hourly_commitment, term,
            payment_option, starts, ends, upfront_value, last_period)
        SELECT arn, kind, owner_account_id, product_code, region, availability_zone, instance_type, instance_type_family,
            platform, tenancy,
            CASE WHEN kind NOT IN ('standard-ri', 'convertible-ri', 'ri') OR product_code IS DISTINCT FROM 'AmazonEC2' THEN NULL
                 WHEN availability_zone IS NOT NULL THEN false
                 WHEN platform IS NULL OR tenancy IS NULL THEN NULL
                 ELSE platform IN ('Linux', 'Linux/UNIX') AND tenancy IN ('Shared', 'default') END,
            number_of_reservations, normalized_units, hourly_commitment, term, payment_option, starts, ends, upfront_value,
            last_period
        FROM (
            SELECT arn,
                coalesce((array_agg(kind ORDER BY billing_period DESC) FILTER (WHERE kind NOT IN ('ri', 'sp')))[1], min(kind)) AS kind,
                (array_agg(owner_account_id ORDER BY billing_period DESC) FILTER (WHERE owner_account_id IS NOT NULL))[1] AS owner_account_id,
                (array_agg(product_code ORDER BY billing_period DESC) FILTER (WHERE product_code IS NOT NULL))[1] AS product_code,
                (array_agg(region ORDER BY billing_period DESC) FILTER (WHERE region IS NOT NULL))[1] AS region,
                (array_agg(availability_zone ORDER BY billing_period DESC) FILTER (WHERE availability_zone IS NOT NULL))[1] AS availability_zone,
                (array_agg(instance_type ORDER BY billing_period DESC) FILTER (WHERE instance_type IS NOT NULL))[1] AS instance_type,
                (array_agg(instance_type_family ORDER BY billing_period DESC)
                    FILTER (WHERE instance_type_family IS NOT NULL))[1] AS instance_type_family,
                (array_agg(platform ORDER BY billing_period DESC) FILTER (WHERE platform IS NOT NULL))[1] AS platform,
                (array_agg(tenancy ORDER BY billing_period DESC) FILTER (WHERE tenancy IS NOT NULL))[1] AS tenancy,
                (array_agg(number_of_reservations ORDER BY billing_period DESC)
                    FILTER (WHERE number_of_reservations IS NOT NULL))[1] AS number_of_reservations,
                (array_agg(normalized_units ORDER BY billing_period DESC) FILTER (WHERE normalized_units IS NOT NULL))[1] AS normalized_units,
                (array_agg(hourly_commitment ORDER BY billing_period DESC) FILTER (WHERE hourly_commitment IS NOT NULL))[1] AS hourly_commitment,
                (array_agg(term ORDER BY billing_period DESC) FILTER (WHERE term IS NOT NULL))[1] AS term,
                (array_agg(payment_option ORDER BY billing_period DESC) FILTER (WHERE payment_option IS NOT NULL))[1] AS payment_option,
                (array_agg(starts ORDER BY billing_period DESC) FILTER (WHERE starts IS NOT NULL))[1] AS starts,
                (array_agg(ends ORDER BY billing_period DESC) FILTER (WHERE ends IS NOT NULL))[1] AS ends,
                (array_agg(upfront_value ORDER BY billing_period DESC) FILTER (WHERE upfront_value IS NOT NULL))[1] AS upfront_value,
                max(billing_period) AS last_period
            FROM commitment_observations
            WHERE arn IN (SELECT arn FROM commitment_observations WHERE delivery_id = ANY($1::bigint[]))
                AND delivery_id IS DISTINCT FROM $2::bigint
            GROUP BY arn
        ) AS merged
        """
}
