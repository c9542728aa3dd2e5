/// Why migrations could not be read or applied.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable { case directoryMissing, badFileName, duplicateVersion, changed, failed }
        private let base: Base
        public static let directoryMissing = Code(base: .directoryMissing)
        public static let badFileName = Code(base: .badFileName)
        public static let duplicateVersion = Code(base: .duplicateVersion)
        /// An applied migration's file no longer has the content that was applied.
        public static let changed = Code(base: .changed)
        /// A migration's SQL failed; nothing of it was applied.
        public static let failed = Code(base: .failed)
        public var description: String { "\(base)" }
    }

    public let code: Code
    public let message: String
    public let underlying: (any Error & Sendable)?

    init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}
