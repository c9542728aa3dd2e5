import AllotStore
import AllotTestSupport
import Foundation

/// `allot serve` run as a child process of the tests (the executable `swift build --build-tests` puts beside the
/// test bundle), for what only a real process shows: its memory, and how it stops on SIGTERM.
final class ServerProcess: @unchecked Sendable {
    // @unchecked: `process` and `output` are set in init and only read afterwards; Process is thread-safe to query.
    let process: Process
    let baseURL: String
    private let output: Pipe

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `allot serve --port 0 …` and waits for it to say where it serves.
    init(database: String, arguments: [String], home: String) async throws {
        let executable = ProjectPaths.allotExecutable
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw StartFailure(description: "\(executable) is missing: build with `swift build --build-tests`, which builds it")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", "--database-url", try TestDatabase.connectionString(database: database, user: DatabaseRole.application.name), "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ALLOT_MIGRATIONS"] = ProjectPaths.migrations
        environment["ALLOT_HOME"] = home
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = TestLog.fileHandle
        try process.run()
        self.process = process
        self.output = output
        let line = try await Self.firstLine(of: output)
        guard let url = line?.split(separator: " ").last, line?.hasPrefix("allot: serving on ") == true else {
            process.terminate()
            throw StartFailure(description: "allot serve did not start (\(line ?? "no output"))")
        }
        self.baseURL = String(url)
    }

    /// The resident set size of the server, in kB (`VmRSS` of /proc).
    var residentKilobytes: Int {
        get throws {
            let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
    }

    /// SIGTERM.
    func terminate() {
        if process.isRunning { process.terminate() }
    }

    /// Waits for the process to exit; its exit status, nil if it is still running after `timeout`.
    func exitStatus(within timeout: Duration) async -> Int32? {
        _ = await eventually(timeout: timeout) { !process.isRunning }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Kills it if it is still there (cleanup after a failed test).
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    private static func firstLine(of pipe: Pipe) async throws -> String? {
        let handle = pipe.fileHandleForReading
        return try await Task.detached {
            var bytes: [UInt8] = []
            while let chunk = try handle.read(upToCount: 1), let byte = chunk.first {
                if byte == UInt8(ascii: "\n") { break }
                bytes.append(byte)
            }
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }.value
    }
}
