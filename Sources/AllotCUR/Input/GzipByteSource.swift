import CZlib

/// Streaming gzip decompression of a file, in chunks, with zlib.
///
/// Concatenated gzip members (what `cat a.gz b.gz` produces) are read as one stream. A stream that
/// ends before its last member is complete is a ``CURReadError/Code/truncatedGzip`` error; corrupt
/// data (including non-gzip bytes after a member) is ``CURReadError/Code/corruptGzip``.
final class GzipByteSource: ByteSource {
    private let file: FileByteSource
    private var stream = z_stream()
    private let input: UnsafeMutableRawBufferPointer
    private var inputExhausted = false
    private var memberEnded = false
    private var finished = false
    private var initialized = false

    /// Bytes to read from the file per call: large enough that syscalls do not matter.
    static let inputChunkSize = 256 * 1024

    init(file: FileByteSource) throws(CURReadError) {
        self.file = file
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: GzipByteSource.inputChunkSize, alignment: 16)
        // 15 + 32: the largest window, and detect the gzip (or zlib) header automatically.
        let status = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw CURReadError(.io, "cannot start gzip decompression (zlib status \(status))", file: file.path)
        }
        initialized = true
    }

    deinit {
        if initialized { inflateEnd(&stream) }
        input.deallocate()
    }

    var fileBytesRead: Int64 { file.fileBytesRead }

    func close() {
        file.close()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(CURReadError) -> Int {
        guard !finished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        stream.next_out = base.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(clamping: buffer.count)
        let requested = Int(stream.avail_out)
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && !inputExhausted {
                try refillInput()
            }
            if memberEnded {
                // Between members: the end of the input ends the stream, anything else starts a member.
                if stream.avail_in == 0 && inputExhausted {
                    finished = true
                    break
                }
                inflateReset(&stream)
                memberEnded = false
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                memberEnded = true
            case Z_BUF_ERROR where stream.avail_in == 0 && inputExhausted:
                throw CURReadError(.truncatedGzip, "truncated gzip stream", file: file.path)
            case Z_BUF_ERROR:
                continue
            case Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR:
                let detail = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw CURReadError(.corruptGzip, "corrupt gzip stream: \(detail)", file: file.path, underlying: detail)
            default:
                throw CURReadError(.io, "gzip decompression failed (zlib status \(status))", file: file.path)
            }
        }
        return requested - Int(stream.avail_out)
    }

    private func refillInput() throws(CURReadError) {
        let count = try file.read(into: input)
        if count == 0 {
            inputExhausted = true
        }
        stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_in = UInt32(count)
    }
}
