import Foundation

/// The public CUR samples, read in place: `$ALLOT_REFERENCE_DATA`, else `../shared/reference-data`
/// beside the package root (found from this file). Never copied into the project.
enum ReferenceData {
    static let root: String = {
        if let override = ProcessInfo.processInfo.environment["ALLOT_REFERENCE_DATA"], !override.isEmpty {
            return override
        }
        // #filePath is <root>/Tests/AllotGeneratorTests/ReferenceData.swift.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference-data").path
    }()

    /// The header line of a CSV sample, split on commas (the sample headers hold no quoted names).
    static func csvHeader(_ relativePath: String) throws -> [String] {
        let text = try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
        let line = text.prefix { $0 != "\n" && $0 != "\r" }
        return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    /// The `category/name` columns of a legacy manifest sample.
    static func manifestColumns(_ relativePath: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relativePath))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let columns = object["columns"] as? [[String: Any]]
        else { throw TestFailure("\(relativePath) has no columns") }
        return columns.compactMap { column in
            guard let category = column["category"] as? String, let name = column["name"] as? String else { return nil }
            return category + "/" + name
        }
    }
}
