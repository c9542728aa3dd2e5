import Foundation

/// Paths of the public reference samples and scratch files for synthetic cases.
enum TestFiles {
    /// `../shared/reference-data` beside the package root, or `ALLOT_REFERENCE_DATA`.
    static let referenceData: String = {
        if let override = ProcessInfo.processInfo.environment["ALLOT_REFERENCE_DATA"], !override.isEmpty {
            return override
        }
        // #filePath is <root>/Tests/AllotCURTests/TestFiles.swift.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/reference-data").path
    }()

    /// A file under the reference data folder.
    static func reference(_ relativePath: String) -> String {
        referenceData + "/" + relativePath
    }

    /// A fresh, empty scratch directory.
    static func scratchDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("allot-cur-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Writes `text` to a new scratch file named `name` and returns its path.
    static func write(_ text: String, name: String = "cur.csv") throws -> String {
        try write(Array(text.utf8), name: name)
    }

    /// Writes `bytes` to a new scratch file named `name` and returns its path.
    static func write(_ bytes: [UInt8], name: String = "cur.csv") throws -> String {
        let path = try scratchDirectory() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
