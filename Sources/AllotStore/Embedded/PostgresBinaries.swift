import Foundation

/// Where the PostgreSQL server programs are: `pg_config --bindir`, else the Debian layout
/// (`/usr/lib/postgresql/<version>/bin`, newest first), else the `PATH`.
struct PostgresBinaries: Sendable {
    let directory: String

    var initdb: String { directory + "/initdb" }
    var pgCtl: String { directory + "/pg_ctl" }
    var createdb: String { directory + "/createdb" }

    static func locate() throws(EmbeddedClusterError) -> PostgresBinaries {
        let files = FileManager.default
        var candidates: [String] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment["ALLOT_PG_BINDIR"] {
            candidates.append(fromEnvironment)
        }
        if let bindir = pgConfigBindir() { candidates.append(bindir) }
        let debian = "/usr/lib/postgresql"
        let versions = ((try? files.contentsOfDirectory(atPath: debian)) ?? []).compactMap(Int.init).sorted(by: >)
        candidates += versions.map { "\(debian)/\($0)/bin" }
        candidates += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in candidates where files.isExecutableFile(atPath: directory + "/initdb")
            && files.isExecutableFile(atPath: directory + "/pg_ctl")
        {
            return PostgresBinaries(directory: directory)
        }
        throw EmbeddedClusterError(
            .missingBinaries,
            "PostgreSQL server programs (initdb, pg_ctl) not found; install them (Debian: apt-get install postgresql) "
                + "or set ALLOT_PG_BINDIR, or give --database-url")
    }

    private static func pgConfigBindir() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pg_config", "--bindir"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
