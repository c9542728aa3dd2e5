import AllotCore

/// The text formats of a configuration document: YAML (the file) and JSON (the HTTP API).
public struct ConfigurationFormat: Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Sendable, Hashable {
        case yaml, json
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    public static let yaml = ConfigurationFormat(.yaml)
    public static let json = ConfigurationFormat(.json)

    /// `yaml` or `json`.
    public var description: String { base.rawValue }

    /// The format a file name suggests: JSON for `.json`, YAML otherwise.
    public static func forFile(_ path: String) -> ConfigurationFormat {
        path.lowercased().hasSuffix(".json") ? .json : .yaml
    }

    /// Reads the text into a document tree.
    ///
    /// - Throws: ``ConfigurationError`` with code `syntax` (with line and column), or `malformed`.
    public func read(_ text: String) throws(ConfigurationError) -> ConfigValue {
        switch base {
        case .yaml: try YAMLConfigReader.read(text)
        case .json: try ConfigValue(json: text)
        }
    }

    /// Reads, decodes and validates a document: the configuration as it is stored (canonical tag keys).
    ///
    /// - Throws: ``ConfigurationError``: `syntax`, `malformed` (unknown keys, wrong types …) or `invalid` (every
    ///   validation issue), each issue with its path and source line.
    public func load(_ text: String) throws(ConfigurationError) -> AllotConfiguration {
        try AllotConfiguration.load(document: try read(text))
    }
}
