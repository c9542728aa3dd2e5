extension AllotConfiguration {
    /// Decodes a document read from YAML or JSON, checking its shape only: unknown keys at any level, missing
    /// required keys, wrong types, words that are not among a key's choices.
    ///
    /// - Throws: ``ConfigurationError`` with code `malformed`, issues naming paths and lines.
    public init(document: ConfigValue) throws(ConfigurationError) {
        do {
            self = try ConfigValueDecoder.decode(AllotConfiguration.self, from: document)
        } catch {
            throw ConfigurationError(error.code, issues: error.issues.located(in: document))
        }
    }

    /// Decodes a JSON document (the same format as the YAML file; see ``init(document:)``).
    public init(json text: String) throws(ConfigurationError) {
        try self.init(document: try ConfigValue(json: text))
    }

    /// Decodes and validates a document and returns the configuration as it is stored: canonical tag keys.
    ///
    /// - Throws: ``ConfigurationError``, each issue with its source line: `malformed` for a decoding problem
    ///   (alone), or for unknown keys (with every validation issue, in document order); else `invalid` with
    ///   every validation issue.
    public static func load(document: ConfigValue) throws(ConfigurationError) -> AllotConfiguration {
        let configuration: AllotConfiguration
        let unknownKeys: [ConfigIssue]
        do {
            (configuration, unknownKeys) = try ConfigValueDecoder.decodeListingUnknownKeys(AllotConfiguration.self, from: document)
        } catch {
            throw ConfigurationError(error.code, issues: error.issues.located(in: document))
        }
        let issues = configuration.validationIssues()
        guard unknownKeys.isEmpty else {
            // Both kinds together, in document order (the sort is stable; issues without a line go last).
            let all = (unknownKeys + issues).located(in: document).enumerated()
                .sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }.map(\.element)
            throw ConfigurationError(.malformed, issues: all)
        }
        guard issues.isEmpty else { throw ConfigurationError(.invalid, issues: issues.located(in: document)) }
        return configuration.canonicalized()
    }

    /// Decodes and validates a JSON document; see ``load(document:)``.
    public static func load(json text: String) throws(ConfigurationError) -> AllotConfiguration {
        try load(document: try ConfigValue(json: text))
    }
}
