import Crypto
import Foundation

/// One forward-only schema change: `migrations/NNNN_name.sql`, applied once, in order, in one transaction.
public struct Migration: Sendable, Hashable {
    /// The number in the file name (`0003` → 3); migrations apply in this order.
    public let version: Int
    /// The file name, e.g. `0003_line_items.sql`.
    public let fileName: String
    /// The SQL text.
    public let sql: String
    /// Hex SHA-256 of the file's bytes; an applied migration whose file changed is refused.
    public let sha256: String

    public init(version: Int, fileName: String, sql: String) {
        self.version = version
        self.fileName = fileName
        self.sql = sql
        self.sha256 = SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads every `NNNN_name.sql` file of a directory, sorted by version.
    ///
    /// Other files are ignored; a `.sql` file with a malformed name or a repeated version is an error.
    public static func load(directory: String) throws(MigrationError) -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MigrationError(.directoryMissing, "cannot read the migrations directory \(directory)")
        }
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard let version = version(ofFileName: name) else {
                throw MigrationError(.badFileName, "\(directory)/\(name): migration files are named NNNN_name.sql")
            }
            if let previous = migrations.last(where: { $0.version == version }) {
                throw MigrationError(.duplicateVersion, "\(name) and \(previous.fileName) have the same number \(version)")
            }
            guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else {
                throw MigrationError(.directoryMissing, "cannot read \(directory)/\(name) as UTF-8 text")
            }
            migrations.append(Migration(version: version, fileName: name, sql: text))
        }
        return migrations.sorted { $0.version < $1.version }
    }

    static func version(ofFileName name: String) -> Int? {
        let stem = name.dropLast(".sql".count)
        let parts = stem.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 4, let version = Int(parts[0]),
            parts[1].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }), !parts[1].isEmpty
        else { return nil }
        return version
    }
}
