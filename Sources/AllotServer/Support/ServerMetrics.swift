import Postgres
import Prometheus

/// The server's Prometheus metrics, in a registry of its own (so that tests can each have one; `allot serve`
/// also bootstraps swift-metrics with it, so metrics of libraries end up in the same exposition).
///
/// - `allot_http_requests_total{method,route,status}` and `allot_http_request_duration_seconds{method,route,status}`;
///   `route` is the OpenAPI path template, `unmatched` for unknown paths (so labels stay few).
/// - `allot_ingests_total{outcome}`, `allot_ingest_rows_total`, `allot_ingest_duration_seconds{outcome}`.
/// - `allot_db_pool_connections{state="in_use"|"idle"}`, `allot_db_pool_waiting`, `allot_db_pool_max_connections`,
///   read from the pool when scraped.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry

    private static let requestBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
    ]
    private static let ingestBuckets: [Duration] = [
        .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(15), .seconds(60), .seconds(300), .seconds(900),
    ]

    // MetricNameDescriptor is not Sendable, so these are made when needed rather than stored.
    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "allot", metricName: "http_requests", unitName: "total", helpText: "HTTP requests answered.")
    }
    private static var requestDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "allot", metricName: "http_request_duration", unitName: "seconds",
            helpText: "Time from the request head to the response head.")
    }
    private static var ingests: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "allot", metricName: "ingests", unitName: "total", helpText: "Ingests through the API, by outcome.")
    }
    private static var ingestRows: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "allot", metricName: "ingest_rows", unitName: "total", helpText: "Line items loaded through the API.")
    }
    private static var ingestDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "allot", metricName: "ingest_duration", unitName: "seconds", helpText: "Time an ingest took, by outcome.")
    }

    private let poolInUse: Gauge
    private let poolIdle: Gauge
    private let poolWaiting: Gauge
    private let poolMax: Gauge

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        let connections = MetricNameDescriptor(
            namespace: "allot", subsystem: "db_pool", metricName: "connections", unitName: "",
            helpText: "Database connections by state.")
        poolInUse = registry.makeGauge(descriptor: connections, labels: [("state", "in_use")])
        poolIdle = registry.makeGauge(descriptor: connections, labels: [("state", "idle")])
        poolWaiting = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "allot", subsystem: "db_pool", metricName: "waiting", unitName: "",
                helpText: "Tasks waiting for a database connection."))
        poolMax = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "allot", subsystem: "db_pool", metricName: "max_connections", unitName: "",
                helpText: "The pool's bound."))
    }

    /// Counts one answered request.
    public func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.requestDuration, labels: labels, buckets: Self.requestBuckets)
            .record(duration)
    }

    /// Counts one finished ingest: `ingested`, `unchanged` or `failed`.
    public func recordIngest(outcome: String, rows: Int, duration: Duration) {
        registry.makeCounter(descriptor: Self.ingests, labels: [("outcome", outcome)]).increment()
        if rows > 0 { registry.makeCounter(descriptor: Self.ingestRows).increment(by: Int64(rows)) }
        registry.makeDurationHistogram(descriptor: Self.ingestDuration, labels: [("outcome", outcome)], buckets: Self.ingestBuckets)
            .record(duration)
    }

    /// The exposition text, with the pool's occupancy as it is now.
    public func exposition(pool: PostgresClient.Statistics) -> String {
        poolInUse.set(Int64(pool.inUse))
        poolIdle.set(Int64(pool.idle))
        poolWaiting.set(Int64(pool.waiting))
        poolMax.set(Int64(pool.maxConnections))
        return registry.emitToString()
    }
}
