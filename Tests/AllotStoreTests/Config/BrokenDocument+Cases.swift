extension BrokenDocument {
    /// Shape problems: found while decoding (unknown keys at any level, keywords, types, missing keys).
    static let malformed: [BrokenDocument] = [
        BrokenDocument(
            name: "unknown key in a rule's match",
            yaml: document("rules:\n  - name: typo\n    match: { tagz: { user_team: [web] } }\n    bu: web\n"),
            issues: ["rules[0].match: unknown key 'tagz'"]),
        BrokenDocument(
            name: "unknown keys everywhere, all reported with what validation finds",
            yaml: document("rule: []\npolicies: { savings: { mode: share, centre-bu: finops, share-percent: 50 } }\n"),
            issues: [
                "unknown key 'rule'", "policies.savings: unknown key 'centre-bu'",
                "policies.savings.central-bu: required for mode share",
            ]),
        BrokenDocument(
            name: "cost basis not one of the choices",
            yaml: document("policies: { cost-basis: amortised }\n"),
            issues: ["policies.cost-basis: 'amortised' is not one of unblended, amortized, net-amortized"]),
        BrokenDocument(
            name: "account kind not one of the choices",
            yaml: document("accounts:\n  - { id: \"111111111112\", kind: shard }\n"),
            issues: ["accounts[0].kind: 'shard' is not one of workload, holding, shared, management, sandbox"]),
        BrokenDocument(
            name: "missing required key",
            yaml: document("shared-costs:\n  - { name: support, source: { line-item-types: [Fee] }, targets: { bus: [web] } }\n"),
            issues: ["shared-costs[0]: missing key 'method'"]),
        BrokenDocument(
            name: "missing default BU",
            yaml: "business-units: [{ id: web, name: Web }]\n",
            issues: ["missing key 'default-bu'"]),
        BrokenDocument(
            name: "a mapping where a list belongs",
            yaml: document(organizations: "  { id: mgmt, name: Management, payer: \"111111111111\" }\n"),
            issues: ["organizations: expected a list, found a mapping"]),
        BrokenDocument(
            name: "a list where text belongs",
            yaml: document("rules:\n  - { match: { account-name: [a, b] }, bu: web }\n"),
            issues: ["rules[0].match.account-name: expected text, found a list"]),
        BrokenDocument(
            name: "version that is not a whole number",
            yaml: "version: one\n" + document(),
            issues: ["version: expected a whole number, found 'one'"]),
    ]

    /// Content problems: found by validation, every one of them.
    static let invalid: [BrokenDocument] = [
        BrokenDocument(
            name: "unknown BU",
            yaml: document("rules:\n  - { match: { orgs: [mgmt] }, bu: ops }\n"),
            issues: ["rules[0].bu: unknown BU 'ops'"]),
        BrokenDocument(
            name: "both bu and bu-from-tag, and neither",
            yaml: document(
                """
                rules:
                  - { bu: web, bu-from-tag: { tag: user_team, values: { w: web } } }
                  - { match: { orgs: [mgmt] } }

                """),
            issues: [
                "rules[0]: has both bu and bu-from-tag; give exactly one",
                "rules[1]: has neither bu nor bu-from-tag; give exactly one",
            ]),
        BrokenDocument(
            name: "overlapping history",
            yaml: document(
                """
                holding-accounts:
                  - account: "333333333333"
                    bu: finops
                    history:
                      - { org: mgmt, from: 2026-01-01, to: 2026-06-01 }
                      - { org: workload-a, from: "2026-05-15T00:00:00Z" }

                """),
            issues: ["holding-accounts[0].history[1]: overlaps history[0] (mgmt from 2026-01-01 to 2026-06-01)"]),
        BrokenDocument(
            name: "fixed percentages summing to 99",
            yaml: sharedCost("    targets: { bus: [web, data] }\n    method: fixed\n    percentages: { web: 60, data: 39 }\n"),
            issues: ["shared-costs[0].percentages: sum to 99, must be exactly 100"]),
        BrokenDocument(
            name: "fixed percentages summing to 99.99 (exact decimals)",
            yaml: sharedCost("    targets: { bus: [web, data] }\n    method: fixed\n    percentages: { web: 33.33, data: 66.66 }\n"),
            issues: ["shared-costs[0].percentages: sum to 99.99, must be exactly 100"]),
        BrokenDocument(
            name: "fixed percentages over other BUs than the targets",
            yaml: sharedCost(
                "    targets: { bus: [web, data] }\n    method: fixed\n    percentages: { web: sixty, finops: 40, ops: 0, data: -1 }\n"),
            issues: [
                "shared-costs[0].percentages.data: -1 is not in [0, 100]",
                "shared-costs[0].percentages.finops: 'finops' is not a target",
                "shared-costs[0].percentages.ops: unknown BU 'ops'",
                "shared-costs[0].percentages.web: 'sixty' is not a number",
            ]),
        BrokenDocument(
            name: "percentages missing a target, or given for another method",
            yaml: document(
                """
                shared-costs:
                  - { name: a, source: { bus: [finops] }, targets: { bus: [web, data] }, method: fixed, percentages: { web: 100 } }
                  - { name: b, source: { bus: [finops] }, targets: { all-with-spend: true }, method: even, percentages: { web: 100 } }
                  - { name: c, source: { bus: [finops] }, targets: { orgs: [mgmt] }, method: fixed, percentages: { web: 100 } }
                  - { name: a, source: { bus: [finops] }, targets: { orgs: [mgmt] }, method: fixed }

                """),
            issues: [
                "shared-costs[0].percentages: no percentage for target 'data'",
                "shared-costs[1].percentages: only used by method fixed",
                "shared-costs[2].targets: method fixed needs targets.bus (the percentages are per target BU)",
                "shared-costs[3].name: duplicate shared cost 'a' (also shared-costs[0])",
                "shared-costs[3].percentages: required for method fixed",
            ]),
        BrokenDocument(
            name: "targets and sources",
            yaml: document(
                """
                shared-costs:
                  - { name: x, source: {}, targets: { bus: [web, web, ops], orgs: [nowhere] }, method: even }
                  - name: y
                    source: { accounts: ["12ab"], bus: [], line-item-types: [Tax, Usgae] }
                    targets: { all-with-spend: false }
                    method: proportional

                """),
            issues: [
                "shared-costs[0].source: give at least one of accounts, bus, product-codes, line-item-types",
                "shared-costs[0].targets: give exactly one of bus, all-with-spend, orgs",
                "shared-costs[0].targets.bus[2]: unknown BU 'ops'",
                "shared-costs[0].targets.bus[1]: 'web' is listed twice",
                "shared-costs[0].targets.orgs[0]: unknown organization 'nowhere'",
                "shared-costs[1].source.accounts[0]: '12ab' is not an account id (digits)",
                "shared-costs[1].source.bus: an empty list matches nothing; leave the key out instead",
                "shared-costs[1].source.line-item-types[1]: 'Usgae' is not a line item type (Usage, DiscountedUsage, RIFee, "
                    + "Fee, SavingsPlanCoveredUsage, SavingsPlanNegation, SavingsPlanRecurringFee, SavingsPlanUpfrontFee, "
                    + "Credit, Refund, Tax, EdpDiscount, PrivateRateDiscount, BundledDiscount, RiVolumeDiscount, SppDiscount, "
                    + "DistributorDiscount)",
                "shared-costs[1].targets: give exactly one of bus, all-with-spend, orgs",
            ]),
        BrokenDocument(
            name: "header and organizations",
            yaml: "version: 2\ncurrency: usd\n"
                + document(
                    organizations: """
                          - { id: Mgmt, name: Management, payer: "1111-1111", customer: acme }
                          - { id: workload-a, name: A, payer: "222222222222" }
                          - { id: workload-a, name: "", payer: "222222222222" }
                          - { id: mgmt, name: M, payer: "111111111111", customer: " " }

                        """),
            issues: [
                "version: unsupported format version 2; this Allot reads version 1",
                "currency: 'usd' is not a currency code (three capital letters, ISO 4217)",
                "organizations[0].id: 'Mgmt' is not a valid organization id ([a-z0-9][a-z0-9_.-]{0,62})",
                "organizations[0].payer: '1111-1111' is not an account id (digits)",
                "organizations[2].id: duplicate organization 'workload-a' (also organizations[1])",
                "organizations[2].name: must not be empty",
                "organizations[2].payer: account 222222222222 is also the payer of organization 'workload-a'",
                "organizations[3].customer: must not be empty",
            ]),
        BrokenDocument(
            name: "BU tree",
            yaml: document(
                businessUnits: """
                      - id: engineering
                        name: Engineering
                        children:
                          - { id: Web, name: Web }
                          - id: data
                            name: Data
                            children: [{ id: engineering, name: Again }]
                      - { id: data, name: "" }

                    """),
            issues: [
                "business-units[0].children[0].id: 'Web' is not a valid BU id ([a-z0-9][a-z0-9_-]*)",
                "business-units[0].children[1].children[0].id: duplicate BU 'engineering' (also business-units[0])",
                "business-units[1].id: duplicate BU 'data' (also business-units[0].children[1])",
                "business-units[1].name: must not be empty",
                "default-bu: unknown BU 'unallocated'",
            ]),
        BrokenDocument(
            name: "accounts, patterns and holding accounts",
            yaml: document(
                """
                accounts:
                  - { id: "111111111112", name: sec }
                  - { id: "111111111112" }
                  - { id: "abc" }
                account-patterns:
                  - { name: "sandbox-[0-9]*", kind: sandbox }
                  - { name: "", kind: sandbox }
                holding-accounts:
                  - account: "333333333333"
                    bu: ops
                    history:
                      - { org: elsewhere, from: 2026-13-01 }
                      - { org: mgmt, from: "2026-03-01T00:00:00", to: 2026-02-01 }
                      - { org: mgmt, from: 2026-03-01, to: 2026-02-01 }
                  - { account: "333333333333", bu: finops }

                """),
            issues: [
                "accounts[1].id: duplicate account 111111111112 (also accounts[0])",
                "accounts[2].id: 'abc' is not an account id (digits)",
                "account-patterns[0].name: 'sandbox-[0-9]*' is not a valid glob: '[' is not supported (only * and ? are special)",
                "account-patterns[1].name: an empty pattern matches no name",
                "holding-accounts[0].bu: unknown BU 'ops'",
                "holding-accounts[0].history[0].org: unknown organization 'elsewhere'",
                "holding-accounts[0].history[0].from: '2026-13-01' is not a date (YYYY-MM-DD) or an RFC 3339 instant (2026-10-15T00:00:00Z)",
                "holding-accounts[0].history[1].from: '2026-03-01T00:00:00' is not a date (YYYY-MM-DD) or an RFC 3339 instant (2026-10-15T00:00:00Z)",
                "holding-accounts[0].history[2].to: must be after from (2026-03-01)",
                "holding-accounts[1].account: duplicate holding account 333333333333 (also holding-accounts[0])",
            ]),
        BrokenDocument(
            name: "rule matches",
            yaml: document(
                """
                rules:
                  - match:
                      accounts: ["12ab", "111111111111", "111111111111"]
                      account-name: "{a,b}"
                      orgs: [nowhere]
                      tags: { "user:team": [a], user_team: [b], ":::": [c], empty: [] }
                      cost-categories: {}
                      product-codes: [""]
                      line-item-types: []
                    bu-from-tag: { tag: "/", values: {} }
                  - { name: "", match: { orgs: [] }, bu-from-tag: { tag: user_team, values: { x: nope, y: web } } }

                """),
            issues: [
                "rules[0].match.accounts[0]: '12ab' is not an account id (digits)",
                "rules[0].match.accounts[2]: '111111111111' is listed twice",
                "rules[0].match.account-name: '{a,b}' is not a valid glob: '{' is not supported (only * and ? are special)",
                "rules[0].match.orgs[0]: unknown organization 'nowhere'",
                "rules[0].match.tags[\":::\"]: ':::' is not a tag key",
                "rules[0].match.tags.empty: an empty list matches nothing; leave the key out instead",
                "rules[0].match.tags.user_team: 'user_team' and 'user:team' are the same tag key (user_team)",
                "rules[0].match.cost-categories: an empty map matches nothing; leave the key out instead",
                "rules[0].match.product-codes[0]: must not be empty",
                "rules[0].match.line-item-types: an empty list matches nothing; leave the key out instead",
                "rules[0].bu-from-tag.tag: '/' is not a tag key",
                "rules[0].bu-from-tag.values: map at least one tag value to a BU",
                "rules[1].name: must not be empty",
                "rules[1].match.orgs: an empty list matches nothing; leave the key out instead",
                "rules[1].bu-from-tag.values.x: unknown BU 'nope'",
            ]),
        BrokenDocument(
            name: "policies",
            yaml: document(
                """
                policies:
                  savings: { mode: share, share-percent: 0 }
                  credits: { mode: directed }

                """),
            issues: [
                "policies.savings.central-bu: required for mode share",
                "policies.savings.share-percent: 0 is not in (0, 100]",
                "policies.credits.bu: required for mode directed",
            ]),
        BrokenDocument(
            name: "policies naming unknown BUs",
            yaml: document("policies: { savings: { mode: retain-central, central-bu: ops, share-percent: 100.5 }, credits: { bu: fin } }\n"),
            issues: [
                "policies.savings.central-bu: unknown BU 'ops'",
                "policies.savings.share-percent: 100.5 is not in (0, 100]",
                "policies.credits.bu: unknown BU 'fin'",
            ]),
    ]
}
