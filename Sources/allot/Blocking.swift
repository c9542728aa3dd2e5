import NIOPosix

/// Runs blocking work (processes, file system) off Swift's cooperative thread pool.
enum Blocking {
    static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
