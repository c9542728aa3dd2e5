/// A stream of bytes the CSV scanner pulls from: a plain file or a gzip decoder over one.
protocol ByteSource: AnyObject {
    /// Fills the front of `buffer`; returns the number of bytes written, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(CURReadError) -> Int
    /// Bytes read from the underlying file so far (compressed bytes for gzip).
    var fileBytesRead: Int64 { get }
    /// Releases the file descriptor; further reads return 0.
    func close()
}
