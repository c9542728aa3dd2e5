import AllotCUR
import AllotCore
import AllotGenerator
import Foundation

/// A generation into a scratch folder, and ways to read its deliveries back with ``CURReader``.
struct GeneratedRun: Sendable {
    let directory: String
    let summary: GenerationSummary

    /// Generates `preset` into a new scratch folder.
    static func generate(
        _ preset: ScenarioPreset, format: DeliveryFormat = .legacyCSV, seed: UInt64? = nil, restated: Bool = false,
        rowsPerFile: Int = 1_000_000
    ) throws -> GeneratedRun {
        let directory = try scratchDirectory()
        let options = GeneratorOptions(
            output: directory, format: format, seed: seed, restated: restated, rowsPerFile: rowsPerFile)
        let summary = try CURGenerator(scenario: try preset.scenario(), options: options).generate()
        return GeneratedRun(directory: directory, summary: summary)
    }

    /// The small preset, generated once per test process.
    static let small = Result { try generate(.small) }
    /// The small preset, restated.
    static let smallRestated = Result { try generate(.small, restated: true) }
    /// The demo preset, generated once per test process.
    static let demo = Result { try generate(.demo) }

    /// The delivery of an organization (the first period).
    func delivery(_ organization: String) throws -> DeliverySummary {
        guard let delivery = summary.deliveries.first(where: { $0.organization == organization }) else {
            throw TestFailure("no delivery for \(organization)")
        }
        return delivery
    }

    /// The manifest a reader is pointed at: the date-range one (legacy) or the metadata one (CUR 2.0).
    func manifestPath(_ delivery: DeliverySummary) throws -> String {
        guard let key = delivery.manifests.last else { throw TestFailure("no manifest for \(delivery.organization)") }
        return directory + "/" + key
    }

    /// Every row of a delivery, read through its manifest.
    func items(_ delivery: DeliverySummary) throws -> [LineItem] {
        try CURReader(delivery: CURDelivery.resolve(manifestPath(delivery))).readAll()
    }

    /// Every row of an organization's delivery.
    func items(_ organization: String) throws -> [LineItem] {
        try items(delivery(organization))
    }

    /// Every file under the folder, relative path → bytes.
    func files() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return result
        }
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.path.dropFirst(root.path.count))
            result[relative] = try Data(contentsOf: url)
        }
        return result
    }

    static func scratchDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("allot-generator-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// A failed precondition of a test, with a message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Amount {
    /// Parses a literal the test knows to be valid.
    static func of(_ text: String) -> Amount {
        (try? Amount(parsing: text)) ?? Amount(units: Int128.min)
    }
}
