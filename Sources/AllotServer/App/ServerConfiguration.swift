import AllotStore

/// Everything `allot serve` is configured with. Every field has a default; the executable fills in flags and the
/// environment, tests what they need.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; `127.0.0.1` by default, so that nothing is exposed by accident.
    public var host: String
    /// The port; 0 lets the system choose (``buildApplication(configuration:client:metrics:logger:onServerRunning:)``
    /// reports the one it got).
    public var port: Int
    /// The directory under which `POST /v1/deliveries` may name files, directories and manifests; nil refuses
    /// every path (uploads still work).
    public var importRoot: String?
    /// Where uploads are streamed before they are ingested; each upload's file is removed when its ingest ends.
    public var spoolDirectory: String
    /// The largest CUR file an upload may be; larger ones are refused with 413 as soon as they pass it.
    public var maxUploadBytes: Int64
    /// The largest JSON or YAML body (a configuration document, an import request).
    public var maxDocumentBytes: Int
    /// How long `POST /v1/deliveries` waits for its ingest before answering 202 and letting it go on.
    public var answerWithin: Duration
    /// How long an authenticated token is trusted without asking the database again; a revoked token keeps
    /// working at most this long. Zero asks every time.
    public var tokenCacheTime: Duration
    /// The migrations the database must have for `/readyz` to answer ready.
    public var migrations: [Migration]
    /// The `Server` header.
    public var serverName: String
    /// How long a connection may take to send the complete head of its next request, from its opening or its last
    /// response; longer, and it is closed (``SlowClientGuard``).
    public var requestHeadTimeout: Duration
    /// The slowest a request body may arrive: at least `bytes` in every window of `per` in which the server waits
    /// for it; slower, and the connection is closed.
    public var minimumUploadRate: (bytes: Int, per: Duration)

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        importRoot: String? = nil,
        spoolDirectory: String = ServerConfiguration.defaultSpoolDirectory,
        maxUploadBytes: Int64 = 4 << 30,
        maxDocumentBytes: Int = 4 << 20,
        answerWithin: Duration = .seconds(10),
        tokenCacheTime: Duration = .seconds(10),
        migrations: [Migration] = [],
        serverName: String = "allot",
        requestHeadTimeout: Duration = .seconds(30),
        minimumUploadRate: (bytes: Int, per: Duration) = (1024, .seconds(10))
    ) {
        self.host = host
        self.port = port
        self.importRoot = importRoot
        self.spoolDirectory = spoolDirectory
        self.maxUploadBytes = maxUploadBytes
        self.maxDocumentBytes = maxDocumentBytes
        self.answerWithin = answerWithin
        self.tokenCacheTime = tokenCacheTime
        self.migrations = migrations
        self.serverName = serverName
        self.requestHeadTimeout = requestHeadTimeout
        self.minimumUploadRate = minimumUploadRate
    }

    /// `/tmp/allot-spool`; `allot serve` uses `<data dir>/spool` instead.
    public static let defaultSpoolDirectory = "/tmp/allot-spool"
}
