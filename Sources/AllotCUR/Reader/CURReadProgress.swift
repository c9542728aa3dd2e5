/// How far a ``CURReader`` has got.
public struct CURReadProgress: Sendable, Hashable {
    /// Bytes read from disk so far, over all files (compressed bytes for gzip files).
    public var bytesRead: Int64
    /// The size of all files of the delivery on disk: the total for ``bytesRead``.
    public var totalBytes: Int64
    /// Uncompressed CSV bytes parsed so far.
    public var uncompressedBytes: Int64
    /// Rows read so far (returned, or rejected with a problem), over all files.
    public var rows: Int
    /// Files finished so far.
    public var filesCompleted: Int
    /// The file being read, if any.
    public var currentFile: String?

    /// ``bytesRead`` ÷ ``totalBytes``, 0…1.
    public var fractionCompleted: Double {
        totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0
    }
}
