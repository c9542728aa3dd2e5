import AllotCore
import Testing

/// JSON documents (the HTTP API's form of `allot.yaml`): exact numbers, key order, paths in messages.
@Suite struct ConfigJSONTests {
    @Test func numbersKeepTheirTextAndKeysTheirOrder() throws {
        let value = try ConfigValue(json: #"{"b": 33.3350, "a": [1e2, -0, "x\u00e9\n"], "c": {"d": true, "e": null}}"#)
        #expect(value == .mapping([
            ConfigValue.Entry(key: "b", value: .number("33.3350"), line: 1),
            ConfigValue.Entry(
                key: "a", value: .list([.init(.number("1e2"), line: 1), .init(.number("-0"), line: 1), .init(.string("xé\n"), line: 1)]),
                line: 1),
            ConfigValue.Entry(
                key: "c", value: .mapping([.init(key: "d", value: .bool(true), line: 1), .init(key: "e", value: .null, line: 1)]), line: 1),
        ]))
        #expect(value.jsonText == #"{"b":33.3350,"a":[1e2,-0,"xé\n"],"c":{"d":true,"e":null}}"#)
    }

    @Test(arguments: [
        ("", "line 1, column 1: the document is empty"),
        ("{\"a\": 1,}", "line 1, column 9: expected a key in double quotes"),
        ("{\n  \"a\": 01\n}", "line 2, column 8: invalid number"),
        ("{\"a\": 1, \"a\": 2}", "line 1, column 10: duplicate key 'a'"),
        ("[1, 2", "line 1, column 6: expected ',' or ']'"),
        ("{\"a\": \"\\x\"}", "line 1, column 8: invalid escape '\\x'"),
        ("{\"a\": tru}", "line 1, column 7: unexpected character 't'"),
        ("{} []", "line 1, column 4: unexpected text after the JSON value"),
    ])
    func syntaxErrorsNameLineAndColumn(_ text: String, _ message: String) {
        let error = #expect(throws: ConfigurationError.self) { try ConfigValue(json: text) }
        #expect(error?.code == .syntax)
        #expect(error?.issues.map(\.description) == [message])
    }

    @Test func decodingNamesThePathOfEveryUnknownKey() {
        let json = """
            {"default-bu": "web", "business-units": [{"id": "web", "nmae": "Web", "children": [{"id": "x", "kids": []}]}],
             "rules": [{"bu": "web", "match": {"tagz": {}}}], "polices": {}}
            """
        let error = #expect(throws: ConfigurationError.self) { try AllotConfiguration(json: json) }
        #expect(error?.code == .malformed)
        #expect(error?.issues.map(\.description) == [
            "unknown key 'polices'",
            "business-units[0]: unknown key 'nmae'",
            "business-units[0].children[0]: unknown key 'kids'",
            "rules[0].match: unknown key 'tagz'",
        ])
        #expect(error?.issues.map(\.line) == [2, 1, 1, 2])
    }

    @Test(arguments: [
        (#"{"default-bu": "x", "policies": {"cost-basis": "amortised"}}"#,
         "policies.cost-basis: 'amortised' is not one of unblended, amortized, net-amortized"),
        (#"{"default-bu": "x", "policies": {"savings": {"mode": 3}}}"#,
         "policies.savings.mode: expected one of pass-through, retain-central, share, found the number 3"),
        (#"{"default-bu": "x", "policies": {"savings": {"share-percent": [50]}}}"#,
         "policies.savings.share-percent: expected a number, found a list"),
        (#"{"default-bu": "x", "shared-costs": [{"name": "s", "source": {}, "targets": {"all-with-spend": "yes"}, "method": "even"}]}"#,
         "shared-costs[0].targets.all-with-spend: expected true or false, found 'yes'"),
        (#"{"default-bu": "x", "version": 1.5}"#, "version: expected a whole number, found the number 1.5"),
        (#"{"default-bu": null}"#, "default-bu: expected text, found null"),
        (#"[]"#, "expected a mapping, found a list"),
        (#"{"default-bu": "x", "rules": [{"match": {"tags": {"team": "web"}}}]}"#,
         "rules[0].match.tags.team: expected a list, found 'web'"),
    ])
    func decodingErrorsNameTheirPath(_ json: String, _ message: String) {
        let error = #expect(throws: ConfigurationError.self) { try AllotConfiguration(json: json) }
        #expect(error?.code == .malformed)
        #expect(error?.issues.map(\.description) == [message])
    }

    @Test func fractionalPercentagesStayExact() throws {
        let json = """
            {"default-bu": "web", "business-units": [{"id": "web"}, {"id": "data"}],
             "policies": {"savings": {"mode": "share", "central-bu": "web", "share-percent": 12.5}},
             "shared-costs": [{"name": "s", "source": {"bus": ["web"]}, "targets": {"bus": ["web", "data"]}, "method": "fixed",
                               "percentages": {"web": 0.1, "data": "99.9"}}]}
            """
        let configuration = try AllotConfiguration.load(json: json)
        #expect(configuration.policies.savings.sharePercent == "12.5")
        #expect(configuration.sharedCosts[0].percentages == ["web": "0.1", "data": "99.9"])
        #expect(configuration.businessUnits.map(\.name) == ["web", "data"])
    }
}
