import CLibPQ
import Logging

/// Routes server notices and warnings (`NOTICE: relation "x" already exists, skipping`) to the logger instead of
/// libpq's default of printing them to stderr, and remembers whether the server announced that it is closing the
/// session.
///
/// `@unchecked Sendable` for the same reason as `PostgresConnection`: libpq calls `receive` synchronously inside a
/// libpq call on the connection, and `receivedFatal` is read only by the connection's owner, never concurrently.
final class NoticeSink: @unchecked Sendable {
    let logger: Logger
    /// Set when a FATAL message arrived while the connection was idle (libpq reports those as notices), e.g. from
    /// `pg_terminate_backend` or a server shutdown: the backend is exiting even if the socket is still open.
    private(set) var receivedFatal = false

    init(logger: Logger) {
        self.logger = logger
    }

    /// Registers this sink as the connection's notice receiver. libpq keeps an unretained pointer, so the
    /// connection object must keep the sink alive until `PQfinish` (it does: `PostgresConnection.noticeSink`).
    func install(on connection: OpaquePointer) {
        PQsetNoticeReceiver(connection, noticeReceiver, Unmanaged.passUnretained(self).toOpaque())
    }

    fileprivate func receive(_ result: OpaquePointer) {
        func field(_ code: UInt8) -> String? {
            PQresultErrorField(result, Int32(code)).map { String(cString: $0) }
        }
        let severity = field(UInt8(ascii: "V")) ?? "NOTICE"
        if severity == "FATAL" || severity == "PANIC" { receivedFatal = true }
        let message = field(UInt8(ascii: "M")) ?? ""
        var metadata: Logger.Metadata = ["postgres.severity": "\(severity)"]
        if let sqlState = field(UInt8(ascii: "C")) { metadata["postgres.sqlstate"] = "\(sqlState)" }
        if let detail = field(UInt8(ascii: "D")) { metadata["postgres.detail"] = "\(detail)" }
        let level: Logger.Level = ["WARNING", "FATAL", "PANIC"].contains(severity) ? .warning : .debug
        logger.log(level: level, "postgres \(severity.lowercased()): \(message)", metadata: metadata)
    }
}

/// A C function pointer cannot capture context; the sink arrives through libpq's `arg` pointer.
private let noticeReceiver: PQnoticeReceiver = { argument, result in
    guard let argument, let result else { return }
    Unmanaged<NoticeSink>.fromOpaque(argument).takeUnretainedValue().receive(result)
}
