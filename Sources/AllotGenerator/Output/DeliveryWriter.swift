import AllotCUR
import Foundation

/// Writes one delivery's rows into numbered gzip files of at most ``rowsPerFile`` rows, each with
/// the header line, through a ``CompressionPipeline``.
final class DeliveryWriter {
    /// A finished data file.
    struct File: Sendable {
        /// The S3 key (path below the output root).
        let key: String
        let rows: Int
        let bytes: Int64
    }

    let location: DeliveryLocation
    private var encoder: RowEncoder
    private let pipeline: CompressionPipeline
    private let rowsPerFile: Int
    private let identitySeed: UInt64
    private var rowsInFile = 0
    private var fileCount = 0
    private var fileRows: [Int] = []
    /// Rows written so far.
    private(set) var rowCount = 0
    private static let flushThreshold = 1 << 20

    init(
        location: DeliveryLocation, encoder: RowEncoder, rowsPerFile: Int, identitySeed: UInt64, compressionLevel: Int32,
        compressInBackground: Bool
    ) {
        self.location = location
        self.encoder = encoder
        self.rowsPerFile = max(rowsPerFile, 1)
        self.identitySeed = identitySeed
        pipeline = CompressionPipeline(level: compressionLevel, background: compressInBackground)
    }

    deinit {
        pipeline.close()
    }

    /// Encodes and queues one row, starting a new file when the current one is full.
    func write(_ row: borrowing CURRow) throws(GeneratorError) {
        if fileCount == 0 || rowsInFile == rowsPerFile { try startFile() }
        encoder.encode(row, identity: identitySeed &+ UInt64(rowCount) &* 0x9E37_79B9_7F4A_7C15)
        rowCount += 1
        rowsInFile += 1
        fileRows[fileRows.count - 1] += 1
        if encoder.bytes.count >= Self.flushThreshold {
            do { try pipeline.submit(&encoder.bytes) } catch { throw .writing(error) }
        }
    }

    /// Finishes the last file (a delivery without rows still gets one, with the header) and waits
    /// for the compression to end.
    func finish() throws(GeneratorError) -> [File] {
        if fileCount == 0 { try startFile() }
        do {
            try pipeline.submit(&encoder.bytes)
            try pipeline.finishFile()
            try pipeline.drain()
        } catch {
            throw .writing(error)
        }
        pipeline.close()
        var files: [File] = []
        for number in 1...fileCount {
            let key = location.key(number)
            let size = (try? FileManager.default.attributesOfItem(atPath: location.path(key))[.size] as? Int64) ?? nil
            files.append(File(key: key, rows: fileRows[number - 1], bytes: size ?? 0))
        }
        return files
    }

    private func startFile() throws(GeneratorError) {
        do {
            if fileCount > 0 {
                try pipeline.submit(&encoder.bytes)
                try pipeline.finishFile()
            } else {
                try FileManager.default.createDirectory(
                    atPath: location.path(location.dataFolder), withIntermediateDirectories: true)
            }
        } catch let error as CURWriteError {
            throw .writing(error)
        } catch {
            throw GeneratorError(.io, "cannot create \(location.path(location.dataFolder)): \(error.localizedDescription)")
        }
        fileCount += 1
        fileRows.append(0)
        rowsInFile = 0
        do { try pipeline.open(path: location.path(location.key(fileCount))) } catch { throw .writing(error) }
        encoder.encodeHeader()
    }
}
