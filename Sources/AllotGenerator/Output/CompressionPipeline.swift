import AllotCUR
import Foundation

/// Gzips the encoded rows of a delivery, either inline or on a dedicated background thread, so that
/// encoding and compressing use two cores (gzip is the costliest step of generation).
///
/// Buffers travel through a bounded queue (``capacity`` of them at most), so memory stays flat
/// whatever the delivery's size; order is kept, so the files are the same bytes either way. The
/// thread is a plain `Thread`, not the cooperative pool: zlib blocks for milliseconds per buffer.
///
/// `@unchecked Sendable`: every mutable property is read and written only while holding `condition`,
/// and the gzip writer is touched only by the worker (or, inline, by the caller).
final class CompressionPipeline: @unchecked Sendable {
    private enum Job {
        case open(path: String)
        case data([UInt8])
        case finish
    }

    private let condition = NSCondition()
    private var queue: [Job?] = []
    private var head = 0
    private var pending = 0
    private var spare: [[UInt8]] = []
    private var failure: CURWriteError?
    private var stopping = false
    private var writer: GzipWriter?
    private let level: Int32
    private let capacity: Int
    private let background: Bool

    /// A pipeline compressing at zlib `level` (1…9), on a thread of its own when `background`.
    init(level: Int32, background: Bool, capacity: Int = 4) {
        self.level = level
        self.background = background
        self.capacity = max(capacity, 1)
        if background {
            let thread = Thread { [self] in self.work() }
            thread.name = "allot-gzip"
            thread.start()
        }
    }

    /// Lets the background thread end once its queue is empty; the pipeline takes no more jobs.
    /// Call it when done (the thread holds the pipeline until then).
    func close() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Starts a new gzip file (after finishing the previous one with ``finishFile()``).
    func open(path: String) throws(CURWriteError) {
        try enqueue(.open(path: path))
    }

    /// Hands `buffer`'s bytes over for compression and leaves an empty buffer (with capacity) in its place.
    func submit(_ buffer: inout [UInt8]) throws(CURWriteError) {
        guard !buffer.isEmpty else { return }
        guard background else {
            // Inline: compress in place and keep the buffer (a fresh one would page-fault its way in).
            try writer?.write(buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        let bytes = buffer
        condition.lock()
        buffer = spare.popLast() ?? []
        condition.unlock()
        buffer.removeAll(keepingCapacity: true)
        if buffer.capacity < bytes.capacity { buffer.reserveCapacity(bytes.capacity) }
        try enqueue(.data(bytes))
    }

    /// Writes the current file's gzip trailer and closes it.
    func finishFile() throws(CURWriteError) {
        try enqueue(.finish)
    }

    /// Waits until every job so far is done; throws the first failure.
    func drain() throws(CURWriteError) {
        condition.lock()
        defer { condition.unlock() }
        while pending > 0 && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    private func enqueue(_ job: Job) throws(CURWriteError) {
        guard background else {
            try perform(job)
            return
        }
        condition.lock()
        defer { condition.unlock() }
        while pending >= capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(job)
        pending += 1
        condition.broadcast()
    }

    private func work() {
        while true {
            condition.lock()
            while head == queue.count && !stopping { condition.wait() }
            if head == queue.count {
                condition.unlock()
                return
            }
            // Taken out of the queue, so that its buffer is uniquely referenced and can be reused.
            let job = queue[head]
            queue[head] = nil
            head += 1
            if head > 64 {
                queue.removeFirst(head)
                head = 0
            }
            let failed = failure != nil
            condition.unlock()
            var error: CURWriteError?
            if !failed, let job {
                do throws(CURWriteError) {
                    try perform(job)
                } catch let thrown {
                    error = thrown
                }
            }
            condition.lock()
            if let error, failure == nil { failure = error }
            pending -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    private func perform(_ job: Job) throws(CURWriteError) {
        switch job {
        case .open(let path):
            writer = try GzipWriter(path: path, level: level)
        case .data(var bytes):
            try writer?.write(bytes)
            bytes.removeAll(keepingCapacity: true)
            if background {
                condition.lock()
                if spare.count < capacity { spare.append(bytes) }
                condition.unlock()
            }
        case .finish:
            try writer?.finish()
            writer = nil
        }
    }
}
