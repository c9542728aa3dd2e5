/// Why the embedded PostgreSQL cluster could not be set up, started or stopped.
public struct EmbeddedClusterError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable { case missingBinaries, initFailed, startFailed, stopFailed, permission }
        private let base: Base
        public static let missingBinaries = Code(base: .missingBinaries)
        public static let initFailed = Code(base: .initFailed)
        public static let startFailed = Code(base: .startFailed)
        public static let stopFailed = Code(base: .stopFailed)
        public static let permission = Code(base: .permission)
        public var description: String { "\(base)" }
    }

    public let code: Code
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "embedded database: \(message)" }
}

/// What `allot db status` reports.
public struct EmbeddedClusterStatus: Sendable, Codable {
    public var initialized: Bool
    public var running: Bool
    public var dataDirectory: String
    public var socketDirectory: String
    public var binaries: String
}
