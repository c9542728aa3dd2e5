import AllotCore
import Foundation

/// Reads the rows of a CUR delivery as ``LineItem`` batches: streaming, synchronous, one file after
/// another, with memory bounded by the read buffer and one batch.
///
/// ```swift
/// let reader = try CURReader(delivery: CURDelivery.resolve(paths))
/// while let batch = try reader.nextBatch(maxRows: 4096) {
///     // write the batch
/// }
/// ```
///
/// The reader blocks on file I/O and decompression: drive it from a thread of your own (a
/// `NIOThreadPool`), not from the cooperative pool. Header errors (empty file, duplicate or missing
/// columns, gzip problems) are thrown as soon as they are met. Row problems (wrong field count,
/// unparsable values) stop the batches: the reader keeps scanning to the end of the delivery to
/// count them, then throws one ``CURReadError/Code/invalidRows`` error listing the first ones. Row
/// problems include bytes that are not text, account ids that are not 12 digits, usage outside the row's
/// billing period and a line item seen before in the delivery (``LineItemIdentities``). A
/// caller that wrote earlier batches must therefore discard them (load into a staging table).
///
/// `@unchecked Sendable`: all mutable state is behind `lock`, so the reader may be created on one
/// thread and driven from another; calls from several threads at once are serialised, not an error.
public final class CURReader: @unchecked Sendable {
    /// The delivery being read.
    public let delivery: CURDelivery
    private let options: CURReaderOptions
    private let lock = NSLock()
    private var state = State()
    // Kept apart from `state` so that both can be passed inout at once.
    private var interner = StringInterner()
    private var identities: LineItemIdentities
    private var problems: ProblemLog

    private struct State {
        var nextFile = 0
        var cursor: FileCursor?
        var headers: [CURHeader] = []
        var rowsBeforeCursor = 0
        var bytesBeforeCursor: Int64 = 0
        var uncompressedBeforeCursor: Int64 = 0
        var filesCompleted = 0
        var finished = false
    }

    /// Opens the first file and reads its header, so that header errors surface here.
    public init(delivery: CURDelivery, options: CURReaderOptions = CURReaderOptions()) throws(CURReadError) {
        guard !delivery.files.isEmpty else { throw CURReadError(.noFiles, "the delivery has no data files") }
        self.delivery = delivery
        self.options = options
        self.problems = ProblemLog(limit: options.problemLimit)
        self.identities = LineItemIdentities(files: delivery.files.map(\.path))
        try Self.openNext(&state, delivery: delivery, options: options)
    }

    /// Resolves `paths` (see ``CURDelivery/resolve(_:)-([String])``) and opens the delivery.
    public convenience init(paths: [String], options: CURReaderOptions = CURReaderOptions()) throws(CURReadError) {
        try self.init(delivery: CURDelivery.resolve(paths), options: options)
    }

    /// The next batch of at most `maxRows` line items, or nil when the delivery is exhausted.
    public func nextBatch(maxRows: Int = 4096) throws(CURReadError) -> [LineItem]? {
        lock.lock()
        defer { lock.unlock() }
        guard !state.finished else { return nil }
        let limit = max(maxRows, 1)
        var batch: [LineItem] = []
        batch.reserveCapacity(min(limit, 65_536))
        while batch.count < limit {
            guard let cursor = state.cursor else { break }
            let more = try cursor.read(
                into: &batch, limit: limit, interner: &interner, identities: &identities, problems: &problems)
            if !more {
                Self.closeCursor(&state)
                if state.nextFile < delivery.files.count {
                    try Self.openNext(&state, delivery: delivery, options: options)
                }
            }
        }
        if state.cursor == nil {
            state.finished = true
            if !problems.isEmpty { throw problems.error() }
        }
        return batch.isEmpty ? nil : batch
    }

    /// Reads every remaining batch; for tests and small files (memory grows with the delivery).
    public func readAll() throws(CURReadError) -> [LineItem] {
        var items: [LineItem] = []
        while let batch = try nextBatch(maxRows: 65_536) { items.append(contentsOf: batch) }
        return items
    }

    /// Bytes and rows read so far.
    public var progress: CURReadProgress {
        lock.lock()
        defer { lock.unlock() }
        let cursor = state.cursor
        return CURReadProgress(
            bytesRead: state.bytesBeforeCursor + (cursor?.source.fileBytesRead ?? 0),
            totalBytes: delivery.totalBytes,
            uncompressedBytes: state.uncompressedBeforeCursor + (cursor?.scanner.bytesConsumed ?? 0),
            rows: state.rowsBeforeCursor + (cursor?.rows ?? 0),
            filesCompleted: state.filesCompleted,
            currentFile: cursor?.file.path)
    }

    /// The header of the file being read (the last one, once finished).
    public var header: CURHeader? {
        lock.lock()
        defer { lock.unlock() }
        return state.headers.last
    }

    /// The headers of every file opened so far, in order.
    public var headers: [CURHeader] {
        lock.lock()
        defer { lock.unlock() }
        return state.headers
    }

    private static func openNext(
        _ state: inout State, delivery: CURDelivery, options: CURReaderOptions
    ) throws(CURReadError) {
        let file = delivery.files[state.nextFile]
        state.nextFile += 1
        let cursor = try FileCursor(file: file, number: state.nextFile - 1, options: options)
        state.cursor = cursor
        state.headers.append(cursor.header)
    }

    private static func closeCursor(_ state: inout State) {
        guard let cursor = state.cursor else { return }
        state.rowsBeforeCursor += cursor.rows
        state.bytesBeforeCursor += cursor.source.fileBytesRead
        state.uncompressedBeforeCursor += cursor.scanner.bytesConsumed
        state.filesCompleted += 1
        cursor.close()
        state.cursor = nil
    }
}
