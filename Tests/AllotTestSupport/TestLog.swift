import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The log of the whole test suite: when `ALLOT_TEST_LOG` names a file (`make test` sets it), every line the
/// libraries and servers under test write through ``TestDatabase/logger`` (at debug level), and the standard error
/// of every `allot` process the tests start, are appended to it; `scripts/check-test-log.sh` then checks that no
/// token appears in it. Without the variable, tests log nowhere.
public enum TestLog {
    public static let variable = "ALLOT_TEST_LOG"

    /// A descriptor appending to the log (`O_APPEND`, so lines of several processes do not overwrite each other);
    /// nil without the variable.
    public static let descriptor: Int32? = {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else { return nil }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        return descriptor >= 0 ? descriptor : nil
    }()

    /// Where a child process's standard error goes: the log, else nowhere.
    public static var fileHandle: FileHandle {
        descriptor.map { FileHandle(fileDescriptor: $0, closeOnDealloc: false) } ?? FileHandle.nullDevice
    }

    /// The log handler of ``TestDatabase/logger``.
    static func handler(label: String) -> any LogHandler {
        guard let descriptor else { return SwiftLogNoOpLogHandler() }
        return LineLogHandler(label: label, level: .debug) { line in
            let text = line + "\n"
            _ = text.utf8CString.withUnsafeBufferPointer { buffer in
                write(descriptor, buffer.baseAddress, buffer.count - 1)
            }
        }
    }
}

/// A log handler that hands each event to `write` as one line of text: `time level label: message metadata error`.
public struct LineLogHandler: LogHandler {
    let label: String
    let write: @Sendable (String) -> Void
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    public init(label: String, level: Logger.Level, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let error = event.error.map { " error=" + String(reflecting: $0) } ?? ""
        write("\(Date()) \(event.level) \(label): \(event.message) \(fields)\(error)")
    }
}
