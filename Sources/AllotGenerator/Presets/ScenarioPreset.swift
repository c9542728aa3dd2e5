/// The built-in scenarios: `small` for tests, `demo` for the tour, `bench` for measurements.
public struct ScenarioPreset: Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable {
        case small, demo
        case bench(rows: Int)
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// Two organizations, ten accounts, one day (2026-10-01): every line item type, a workload account
    /// and a holding account moving between the organizations, EDP, tax, support and credits. For tests.
    public static let small = ScenarioPreset(.small)
    /// Three organizations (`mgmt`, `retail`, `data`) of customer `acme`, about fifty accounts, October
    /// 2026: a holding account with RIs and SPs, a mid-month mover, credits, EDP, tax, support, tags.
    /// Documented in `docs/demo-scenario.md`.
    public static let demo = ScenarioPreset(.demo)

    /// One organization sized to about `rows` rows for October 2026, with realistic width (40
    /// accounts, RIs and SPs, EDP, tax, tags). The ingest and allocation benchmarks use 1,000,000.
    public static func bench(rows: Int) -> ScenarioPreset {
        ScenarioPreset(.bench(rows: max(rows, 1)))
    }

    /// The names `allot generate --preset` accepts.
    public static let names = ["small", "demo", "bench"]

    /// The preset called `name` (`bench` sized to `rows`, default 1,000,000); nil for an unknown name.
    public static func named(_ name: String, rows: Int? = nil) -> ScenarioPreset? {
        switch name.lowercased() {
        case "small": .small
        case "demo": .demo
        case "bench": .bench(rows: rows ?? 1_000_000)
        default: nil
        }
    }

    /// Whether the preset's size follows `--rows`.
    public var isSizedByRows: Bool {
        if case .bench = base { return true }
        return false
    }

    /// The scenario as YAML: a starting point for one's own (`allot generate --preset demo --print-scenario`).
    public var yaml: String {
        switch base {
        case .small: SmallPreset.yaml
        case .demo: DemoPreset.yaml
        case .bench(let rows): BenchPreset.yaml(rows: rows)
        }
    }

    /// The scenario, read from ``yaml``.
    public func scenario() throws(ScenarioError) -> Scenario {
        try ScenarioReader.read(yaml: yaml, file: "preset \(self)")
    }

    public var description: String {
        switch base {
        case .small: "small"
        case .demo: "demo"
        case .bench(let rows): "bench (\(rows) rows)"
        }
    }
}
