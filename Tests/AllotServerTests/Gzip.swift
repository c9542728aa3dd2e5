import Foundation

/// gzip for tests, through the system's `gzip` (the test target links no zlib of its own).
enum Gzip {
    struct Failed: Error, CustomStringConvertible {
        var status: Int32
        var description: String { "gzip exited with status \(status)" }
    }

    /// The gzip of a file's content (`gzip -c -n`: no name or time stamp, so the output is the same every time).
    static func compress(file path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", "-n", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(status: process.terminationStatus) }
        return data
    }
}
