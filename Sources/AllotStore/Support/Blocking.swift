import NIOPosix

/// Runs blocking work (file reading, gunzip, parsing, child processes) on NIO's blocking thread pool,
/// never on Swift's cooperative pool.
public enum Blocking {
    public static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
