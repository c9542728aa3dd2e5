import AllotStore
import Foundation
import OpenAPIRuntime

/// Streams uploaded CUR files to disk: at most one buffer (1 MiB) of a body is in memory at a time, and reading
/// stops as soon as the body passes the size limit.
struct UploadSpool: Sendable {
    /// How the upload says it is compressed.
    enum Compression: Sendable {
        case gzip
        case none
        /// Decided by the file's first bytes (gzip's magic number `1f 8b`).
        case detect
    }

    let directory: String
    let maxBytes: Int64

    private static let flushBytes = 1 << 20

    /// Writes `body` to `<directory>/<uuid>/upload.csv` (`.csv.gz` for gzip).
    ///
    /// - Throws: ``APIProblem`` 413 when the body is (or says it is) larger than `maxBytes` — nothing is left on
    ///   disk then — or 400 for an empty body.
    func receive(_ body: HTTPBody, compression: Compression) async throws -> SpooledUpload {
        if case .known(let length) = body.length, length > maxBytes {
            throw APIProblem.tooLarge(limit: maxBytes)
        }
        let uploadDirectory = directory + "/" + UUID().uuidString.lowercased()
        let partPath = uploadDirectory + "/upload.part"
        let handle = try await Blocking.run { () throws -> FileHandle in
            try FileManager.default.createDirectory(atPath: uploadDirectory, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: partPath, contents: nil),
                let handle = FileHandle(forWritingAtPath: partPath)
            else {
                throw SpoolError(path: partPath)
            }
            return handle
        }
        var written: Int64 = 0
        var pending: [UInt8] = []
        var head: [UInt8] = []
        do {
            for try await chunk in body {
                written += Int64(chunk.count)
                if written > maxBytes { throw APIProblem.tooLarge(limit: maxBytes) }
                if head.count < 2 { head += chunk.prefix(2 - head.count) }
                pending += chunk
                if pending.count >= Self.flushBytes {
                    let data = Data(pending)
                    pending.removeAll(keepingCapacity: true)
                    try await Blocking.run { try handle.write(contentsOf: data) }
                }
            }
            let data = Data(pending)
            try await Blocking.run {
                try handle.write(contentsOf: data)
                try handle.close()
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: uploadDirectory)
            throw error
        }
        guard written > 0 else {
            try? FileManager.default.removeItem(atPath: uploadDirectory)
            throw APIProblem.badRequest("the body is empty: send one CUR file (CSV or gzip)")
        }
        let isGzip: Bool
        switch compression {
        case .gzip: isGzip = true
        case .none: isGzip = false
        case .detect: isGzip = head == [0x1f, 0x8b]
        }
        let path = uploadDirectory + (isGzip ? "/upload.csv.gz" : "/upload.csv")
        try FileManager.default.moveItem(atPath: partPath, toPath: path)
        return SpooledUpload(directory: uploadDirectory, path: path, size: written)
    }

    /// The spool file could not be created (a full disk, a read-only directory): the server's problem, a 500.
    struct SpoolError: Error, CustomStringConvertible {
        var path: String
        var description: String { "cannot create the spool file \(path)" }
    }
}
