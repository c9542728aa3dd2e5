/// How to reach PostgreSQL and how many connections to keep.
///
/// `connectionString` is handed to libpq unchanged (`postgresql://user@host/db?sslmode=verify-full` or
/// `host=… dbname=…`), so TLS settings, `.pgpass`, service files and `PG*` environment variables work as
/// they do for `psql`.
public struct PostgresConfiguration: Sendable {
    /// A libpq connection string: a `postgresql://` URI or `key=value` pairs.
    public var connectionString: String
    /// Connects to this database instead of the one named in `connectionString` (tests use it to reach a
    /// freshly created database with otherwise identical settings).
    public var database: String?
    /// Connects as this role instead of the one named in `connectionString` (the migration role and the
    /// application's role reach one database with otherwise identical settings).
    public var user: String?
    /// The most connections the pool opens at once. At least 1.
    public var maxConnections: Int
    /// Reported to the server as `application_name` unless the connection string sets one.
    public var applicationName: String
    /// How long to wait for a connection to be established (libpq `connect_timeout`, whole seconds, at least 2
    /// as libpq requires) unless the connection string sets one.
    public var connectTimeout: Duration

    /// Creates a configuration; only the connection string is required.
    public init(
        connectionString: String,
        database: String? = nil,
        user: String? = nil,
        maxConnections: Int = 4,
        applicationName: String = "allot",
        connectTimeout: Duration = .seconds(10)
    ) {
        self.connectionString = connectionString
        self.database = database
        self.user = user
        self.maxConnections = maxConnections
        self.applicationName = applicationName
        self.connectTimeout = connectTimeout
    }

    /// Session settings every connection gets, because the text decoders rely on them: ISO dates in UTC,
    /// ISO 8601 intervals, and floats printed exactly.
    static let sessionOptions =
        "-c DateStyle=ISO -c TimeZone=UTC -c IntervalStyle=iso_8601 -c extra_float_digits=3"

    /// The keyword/value pairs for `PQconnectdbParams` with `expand_dbname = 1`.
    ///
    /// libpq processes the pairs in order and the last value of a keyword wins, so the order decides what the
    /// connection string may override: `application_name` and `connect_timeout` come before the expanded
    /// connection string (it may override them); the database and user overrides, `client_encoding` and the session
    /// settings come after it (the decoders depend on them). Any `options` in the connection string are kept,
    /// with ours appended so they win.
    func connectionParameters() -> [(keyword: String, value: String)] {
        let seconds = max(2, connectTimeout.components.seconds)
        var parameters: [(keyword: String, value: String)] = [
            ("application_name", applicationName),
            ("connect_timeout", String(seconds)),
            ("dbname", connectionString),
        ]
        if let database {
            parameters.append(("dbname", database))
        }
        if let user {
            parameters.append(("user", user))
        }
        parameters.append(("client_encoding", "UTF8"))
        if let userOptions = Self.option(named: "options", in: connectionString), !userOptions.isEmpty {
            parameters.append(("options", userOptions + " " + Self.sessionOptions))
        } else {
            parameters.append(("options", Self.sessionOptions))
        }
        return parameters
    }
}
