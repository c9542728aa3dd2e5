-- The commitment inventory: every Reserved Instance and Savings Plan the current deliveries show.
--
-- Each delivery's load transaction writes what that delivery says of each commitment it names (its fee rows: RIFee,
-- Fee with an ARN, SavingsPlanRecurringFee, SavingsPlanUpfrontFee; and the usage they cover: DiscountedUsage,
-- SavingsPlanCoveredUsage) into `commitment_observations`, one row per (delivery, ARN), and deletes the row of the
-- delivery it supersedes. `commitments` is the merge of the observations, one row per ARN, rewritten for the ARNs
-- the swap touched: each field is the newest billing period's value that is not NULL. NULL where no delivery says.
-- Amounts and units are numeric, as the CUR writes them.

CREATE TABLE commitment_observations (
    delivery_id                     bigint NOT NULL REFERENCES cur_deliveries (id),
    arn                             text NOT NULL,
    org_id                          text NOT NULL REFERENCES organizations (id),
    billing_period                  date NOT NULL,
    -- The hours of the delivery's lines that name the ARN: from the first line's start to the last line's end.
    during                          tstzrange NOT NULL CHECK (NOT isempty(during)),
    kind                            text NOT NULL,
    owner_account_id                text,
    product_code                    text,
    region                          text,
    availability_zone               text,
    instance_type                   text,
    instance_type_family            text,
    platform                        text,
    tenancy                         text,
    number_of_reservations          numeric,
    normalized_units                numeric,
    hourly_commitment               numeric,
    term                            text,
    payment_option                  text,
    starts                          timestamptz,
    ends                            timestamptz,
    upfront_value                   numeric,
    fee_rows                        bigint NOT NULL,
    covered_rows                    bigint NOT NULL,
    PRIMARY KEY (delivery_id, arn)
);
CREATE INDEX commitment_observations_by_arn ON commitment_observations (arn, billing_period);

CREATE TABLE commitments (
    arn                             text PRIMARY KEY,
    -- standard-ri, convertible-ri, ri (offering class not given), compute-sp, ec2-instance-sp, sagemaker-sp,
    -- database-sp, sp (offering type not given or unknown).
    kind                            text NOT NULL,
    owner_account_id                text,
    product_code                    text,
    region                          text,
    -- NULL for a regional RI and for every Savings Plan.
    availability_zone               text,
    instance_type                   text,
    instance_type_family            text,
    platform                        text,
    tenancy                         text,
    -- Whether a regional Linux/UNIX shared-tenancy EC2 RI (size flexible); false for a zonal or other RI, NULL for SPs
    -- and where the CUR does not say.
    size_flexible                   boolean,
    number_of_reservations          numeric,
    -- Normalized units per hour, all reservations together: an RIFee's total reserved normalized units divided by its
    -- units per reservation (hours), i.e. count × normalization factor.
    normalized_units                numeric,
    hourly_commitment               numeric,
    term                            text,
    payment_option                  text,
    starts                          timestamptz,
    ends                            timestamptz,
    upfront_value                   numeric,
    -- The billing period the newest observation belongs to.
    last_period                     date NOT NULL
);
CREATE INDEX commitments_by_owner ON commitments (owner_account_id);
