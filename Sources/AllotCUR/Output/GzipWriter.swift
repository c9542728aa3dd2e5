import CZlib
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a gzip file, streaming, with deterministic output: the same bytes in give the same file
/// (with the same zlib), because the header carries no name and modification time 0, the OS byte is
/// fixed (3, Unix), and the level and strategy are fixed.
///
/// `@unchecked Sendable`: the zlib stream and file descriptor are touched only under `lock`.
public final class GzipWriter: @unchecked Sendable {
    /// The file being written.
    public let path: String
    private let lock = NSLock()
    private var stream = z_stream()
    private var header = gz_header()
    private var descriptor: Int32
    private let output: UnsafeMutableRawBufferPointer
    private var finished = false
    private var initialized = false
    /// Uncompressed bytes written so far.
    public private(set) var bytesIn: Int64 = 0

    /// Creates (or truncates) the file. `level` is zlib's 1…9; 6 is gzip's default.
    public init(path: String, level: Int32 = 6) throws(CURWriteError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        guard descriptor >= 0 else {
            let message = FileByteSource.errorText(errno)
            output.deallocate()
            throw CURWriteError(code: .io, message: "cannot create the file: \(message)", file: path)
        }
        // 15 + 16: the largest window, with a gzip (not zlib) wrapper.
        let status = deflateInit2_(
            &stream, min(max(level, 1), 9), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            _ = systemClose(descriptor)
            output.deallocate()
            throw CURWriteError(
                code: .compression, message: "cannot start compression (zlib status \(status))", file: path)
        }
        initialized = true
        header.time = 0
        header.os = 3
        deflateSetHeader(&stream, &header)
    }

    deinit {
        if initialized { deflateEnd(&stream) }
        if descriptor >= 0 { _ = systemClose(descriptor) }
        output.deallocate()
    }

    /// Compresses and writes `bytes`.
    public func write(_ bytes: [UInt8]) throws(CURWriteError) {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(CURWriteError) in try write(raw) } }
        try result.get()
    }

    /// Compresses and writes `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(CURWriteError) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else {
            throw CURWriteError(code: .finished, message: "the gzip file is already finished", file: path)
        }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = UInt32(bytes.count)
        bytesIn += Int64(bytes.count)
        try pump(flush: Z_NO_FLUSH)
    }

    /// Writes the gzip trailer and closes the file. Idempotent.
    public func finish() throws(CURWriteError) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        stream.next_in = nil
        stream.avail_in = 0
        try pump(flush: Z_FINISH)
        let status = systemClose(descriptor)
        descriptor = -1
        if status != 0 {
            let message = FileByteSource.errorText(errno)
            throw CURWriteError(code: .io, message: "cannot close the file: \(message)", file: path)
        }
    }

    /// Runs deflate until the input is consumed (or, finishing, until the stream ends).
    private func pump(flush: Int32) throws(CURWriteError) {
        while true {
            stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = UInt32(output.count)
            let status = deflate(&stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw CURWriteError(
                    code: .compression, message: "compression failed (zlib status \(status))", file: path)
            }
            let produced = output.count - Int(stream.avail_out)
            try writeAll(produced)
            if flush == Z_FINISH {
                if status == Z_STREAM_END { return }
            } else if stream.avail_in == 0 && stream.avail_out > 0 {
                return
            }
        }
    }

    private func writeAll(_ count: Int) throws(CURWriteError) {
        guard let base = output.baseAddress else { return }
        var written = 0
        while written < count {
            let result = systemWrite(descriptor, base + written, count - written)
            if result < 0 {
                if errno == EINTR { continue }
                let message = FileByteSource.errorText(errno)
                throw CURWriteError(code: .io, message: "cannot write the file: \(message)", file: path)
            }
            written += result
        }
    }
}

// The C functions under names that do not clash with the writer's methods.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

private func systemClose(_ fd: Int32) -> Int32 {
    close(fd)
}
