/// The example of `docs/configuration.md` (§ Shape), verbatim: a complete, valid document.
enum ConfigExample {
    static let yaml = """
        version: 1                     # format version of this file (always 1 for now)
        currency: USD                  # currency of the invoices (default USD)

        organizations:                 # one AWS Organization = one payer account
          - id: mgmt                   # [a-z0-9][a-z0-9_.-]*, used everywhere else
            name: Management
            payer: "111111111111"      # payer (management) account id, as a string
            customer: acme             # the legal customer; commitments move only between orgs of one customer
          - { id: workload-a, name: Workload A, payer: "222222222222", customer: acme }
          - { id: workload-b, name: Workload B, payer: "444444444444", customer: acme }

        accounts:                      # optional: names and kinds of accounts (CUR 2.0 also supplies names)
          - id: "111111111112"
            name: sec-tooling
            kind: shared               # workload | holding | shared | management | sandbox (default workload)

        account-patterns:              # optional: kinds for accounts by name glob (first match wins)
          - name: "sandbox-*"
            kind: sandbox

        holding-accounts:              # accounts that own RIs / Savings Plans
          - account: "333333333333"
            bu: finops                 # the BU that owns its commitments (unused commitment goes here by default)
            history:                   # declared organization membership; optional; intervals must not overlap
              - org: workload-a
                from: 2026-01-01       # date or RFC 3339 instant; inclusive
                to: 2026-10-15T00:00:00Z   # exclusive; omit for "until further notice"
              - org: workload-b
                from: 2026-10-15T00:00:00Z

        business-units:                # a tree of any depth: department → bureau → team
          - id: engineering            # [a-z0-9][a-z0-9_-]*, unique in the whole tree
            name: Engineering
            children:
              - id: platform
                name: Platform
                children:
                  - { id: web, name: Web }
                  - { id: data, name: Data }
          - { id: security, name: Security }
          - { id: finops, name: FinOps }
          - { id: unallocated, name: Unallocated }

        default-bu: unallocated        # catches every line no rule matches (required)

        rules:                         # ordered; the first rule whose match holds wins
          - name: security tooling     # optional; shown in ledgers
            match:                     # all given conditions must hold (AND); lists mean any of (OR)
              accounts: ["111111111112"]
              account-name: "sec-*"    # glob on the account name (* and ?)
              orgs: [mgmt]
              tags: { user_team: [security, secops] }      # canonical tag keys (see below)
              cost-categories: { bu: [security] }
              product-codes: [AmazonGuardDuty]
              line-item-types: [Usage]
            bu: security               # the target BU …
          - name: by cost centre
            match: { orgs: [workload-a, workload-b] }
            bu-from-tag:               # … or the BU named by a tag's value
              tag: user_cost_center
              values: { CC-100: web, CC-200: data }
              # lines whose tag is absent or not in `values` fall through to the next rule

        policies:
          cost-basis: amortized        # unblended | amortized (default) | net-amortized
          unused-commitment: owner     # owner (default): the holding account's BU
                                       # consumers: spread over the BUs that used that commitment, pro rata
                                       #            to their covered cost (unused with no consumer stays with owner)
          savings:
            mode: pass-through         # pass-through (default) | retain-central | share
            central-bu: finops         # required for retain-central and share
            share-percent: 50          # for share: the % of each saving that goes to the central BU
          credits:
            mode: as-billed            # as-billed (default) | pooled-per-org | pooled | directed
            bu: finops                 # for directed

        shared-costs:                  # re-allocate shared costs; applied after direct mapping, in order
          - name: security             # unique; ledger category shared:<name>
            source:                    # lines matching any of these (after direct mapping)
              accounts: ["111111111112"]
              bus: [security]
              product-codes: [AWSSupportEnterprise]
              line-item-types: [Tax]
            targets:                   # exactly one of:
              bus: [web, data]         #   these BUs
              # all-with-spend: true   #   every BU with direct spend in the period
              # orgs: [workload-a, workload-b]   # every BU with direct spend in these orgs (across orgs too)
            method: fixed              # even | proportional (to each target's direct cost on the cost basis) | fixed
            percentages: { web: 60, data: 40 }   # fixed only; keys are the targets; must sum to exactly 100
        """
}
