/// Why a ``GzipWriter`` could not write its file.
public struct CURWriteError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case io, compression, finished
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The operating system refused to create, write or close the file.
        public static let io = Code(.io)
        /// zlib reported an error.
        public static let compression = Code(.compression)
        /// A write after ``GzipWriter/finish()``.
        public static let finished = Code(.finished)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// A one-line human message.
    public let message: String
    /// The file concerned.
    public let file: String

    public var description: String { "\(file): \(message)" }
}
