#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read with POSIX `read(2)` into the caller's buffer: no intermediate copies.
final class FileByteSource: ByteSource {
    let path: String
    private var descriptor: Int32
    private(set) var fileBytesRead: Int64 = 0

    init(path: String) throws(CURReadError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            let message = FileByteSource.errorText(code)
            if code == ENOENT { throw CURReadError(.fileNotFound, "file not found", file: path, underlying: message) }
            throw CURReadError(.io, "cannot open the file: \(message)", file: path, underlying: message)
        }
        descriptor = fd
    }

    deinit {
        close()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(CURReadError) -> Int {
        guard descriptor >= 0, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 {
                fileBytesRead += Int64(count)
                return count
            }
            let code = errno
            if code == EINTR { continue }
            let message = FileByteSource.errorText(code)
            throw CURReadError(.io, "cannot read the file: \(message)", file: path, underlying: message)
        }
    }

    /// Up to `count` bytes from the start of the file, without moving the read position.
    func peekStart(count: Int) throws(CURReadError) -> [UInt8] {
        guard descriptor >= 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { buffer in pread(descriptor, buffer.baseAddress, count, 0) }
        guard got >= 0 else {
            let message = FileByteSource.errorText(errno)
            throw CURReadError(.io, "cannot read the file: \(message)", file: path, underlying: message)
        }
        return Array(bytes.prefix(got))
    }

    func close() {
        if descriptor >= 0 {
            _ = systemClose(descriptor)
            descriptor = -1
        }
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}

// The C functions under names that do not clash with the protocol's methods.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemClose(_ fd: Int32) -> Int32 {
    close(fd)
}
