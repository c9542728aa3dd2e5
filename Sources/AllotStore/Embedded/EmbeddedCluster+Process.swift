import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension EmbeddedCluster {
    /// Runs a PostgreSQL program, as the `postgres` user when Allot runs as root.
    func run(_ executable: String, _ arguments: [String], asPostgres: Bool? = nil) throws(EmbeddedClusterError)
        -> ChildProcess.Result
    {
        if asPostgres ?? runAsPostgres {
            return try ChildProcess.run("/usr/sbin/runuser", ["-u", "postgres", "--", executable] + arguments)
        }
        return try ChildProcess.run(executable, arguments)
    }

    /// Creates a directory and its parents, or sets the mode of an existing one; owned by `postgres` when asked.
    func createDirectory(_ path: String, owner postgres: Bool, mode: Int = 0o700) throws(EmbeddedClusterError) {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        } catch {
            throw EmbeddedClusterError(.permission, "cannot create \(path): \(error.localizedDescription)")
        }
        if postgres {
            let result = try run("/bin/chown", ["postgres:postgres", path], asPostgres: false)
            guard result.status == 0 else { throw EmbeddedClusterError(.permission, "chown \(path): \(result.output)") }
        }
    }

    /// `<home>/postgres`, unless the server's user cannot reach it or its socket path would be too long.
    static func chooseRoot(home: String, runAsPostgres: Bool) throws(EmbeddedClusterError) -> String {
        let preferred = home + "/postgres"
        let socketPathLimit = 100  // sun_path holds 108 bytes; ".s.PGSQL.5432" follows the directory
        let reachable = !runAsPostgres || postgresCanReach(parentOf: home)
        if reachable && (preferred + "/.s.PGSQL.5432").utf8.count <= socketPathLimit {
            return preferred
        }
        guard runAsPostgres else {
            throw EmbeddedClusterError(
                .permission,
                "the data directory path \(home) is too long for a PostgreSQL socket; set ALLOT_HOME to a shorter path")
        }
        // Root with a home the postgres user cannot enter (e.g. under /root): keep the cluster in
        // /var/lib/allot, named after the home, and link it from the home so it is easy to find.
        let digest = home.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        let root = "/var/lib/allot/cluster-" + String(digest, radix: 16)
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: preferred)) == nil
            && !FileManager.default.fileExists(atPath: preferred)
        {
            try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            try? FileManager.default.createSymbolicLink(atPath: preferred, withDestinationPath: root)
        }
        return root
    }

    /// Whether the `postgres` user can enter every directory down to `path`.
    private static func postgresCanReach(parentOf path: String) -> Bool {
        var current = URL(fileURLWithPath: path)
        while !FileManager.default.fileExists(atPath: current.path) { current.deleteLastPathComponent() }
        let result = try? ChildProcess.run("/usr/sbin/runuser", ["-u", "postgres", "--", "test", "-x", current.path])
        return result?.status == 0
    }
}
