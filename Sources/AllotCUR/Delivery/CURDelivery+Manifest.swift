import AllotCore
import Foundation

extension CURDelivery {
    /// Resolves a legacy CUR manifest (`assemblyId`, `billingPeriod`, `reportKeys`) or a CUR 2.0
    /// manifest (`executionId`, `billingPeriod`, `dataFiles`).
    ///
    /// Keys and `s3://` URIs name objects in S3. Locally they are found by their trailing path
    /// components relative to the manifest's folder and up to three folders above it, longest
    /// match first: a legacy manifest at the date-range level finds `<assemblyId>/<file>` beside it,
    /// one inside the assembly folder finds `<file>`, and a CUR 2.0 manifest under
    /// `metadata/BILLING_PERIOD=…/` finds `data/BILLING_PERIOD=…/<file>` two levels up.
    /// A file that cannot be found is a ``CURReadError/Code/fileNotFound`` error naming it.
    public static func resolveManifest(at path: String) throws(CURReadError) -> CURDelivery {
        let object = try manifestObject(at: path)
        let directory = FileSystem.directory(of: path)
        if let dataFiles = object["dataFiles"] {
            let keys = try stringList(dataFiles, field: "dataFiles", manifest: path)
            let files = try locate(keys, beside: directory, manifest: path)
            var period = try billingPeriod(object["billingPeriod"], manifest: path)
            if period == nil { period = keys.lazy.compactMap(billingPeriodInPath).first }
            return CURDelivery(
                files: files, source: .dataExportsManifest, manifestPath: path,
                executionId: object["executionId"] as? String, billingPeriod: period)
        }
        if let reportKeys = object["reportKeys"] {
            let keys = try stringList(reportKeys, field: "reportKeys", manifest: path)
            let files = try locate(keys, beside: directory, manifest: path)
            return CURDelivery(
                files: files, source: .legacyManifest, manifestPath: path,
                assemblyId: object["assemblyId"] as? String,
                billingPeriod: try billingPeriod(object["billingPeriod"], manifest: path),
                reportName: object["reportName"] as? String, account: object["account"] as? String)
        }
        throw CURReadError(
            .invalidManifest, "the manifest has neither reportKeys (legacy CUR) nor dataFiles (CUR 2.0)", file: path)
    }

    private static func manifestObject(at path: String) throws(CURReadError) -> [String: Any] {
        guard let kind = FileSystem.kind(of: path) else {
            throw CURReadError(.fileNotFound, "file not found", file: path)
        }
        guard case .file = kind else { throw CURReadError(.invalidManifest, "not a regular file", file: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CURReadError(.io, "cannot read the manifest", file: path)
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw CURReadError(.invalidManifest, "the manifest is not valid JSON", file: path, underlying: "\(error)")
        }
        guard let object = parsed as? [String: Any] else {
            throw CURReadError(.invalidManifest, "the manifest is not a JSON object", file: path)
        }
        return object
    }

    private static func stringList(_ value: Any, field: String, manifest: String) throws(CURReadError) -> [String] {
        guard let list = value as? [Any], let strings = list as? [String] else {
            throw CURReadError(.invalidManifest, "\(field) is not a list of strings", file: manifest)
        }
        var seen = Set<String>()
        let unique = strings.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else {
            throw CURReadError(.noFiles, "the manifest lists no data files (\(field) is empty)", file: manifest)
        }
        return unique
    }

    /// `{"start": "20180801T000000.000Z", "end": …}` (any timestamp spelling) or `"2023-06"`.
    private static func billingPeriod(_ value: Any?, manifest: String) throws(CURReadError) -> BillingPeriod? {
        guard let value else { return nil }
        if let text = value as? String {
            guard let period = try? BillingPeriod(parsing: text) else {
                throw CURReadError(
                    .invalidManifest, "billingPeriod \"\(text)\" is not a billing period", file: manifest)
            }
            return period
        }
        guard let object = value as? [String: Any], let start = object["start"] as? String else {
            throw CURReadError(.invalidManifest, "billingPeriod has no start", file: manifest)
        }
        guard let timestamp = try? Timestamp(parsing: start) else {
            throw CURReadError(.invalidManifest, "billingPeriod.start \"\(start)\" is not a timestamp", file: manifest)
        }
        return BillingPeriod(containing: timestamp)
    }

    /// The period in a CUR 2.0 data path: `…/BILLING_PERIOD=2023-11/…`.
    private static func billingPeriodInPath(_ key: String) -> BillingPeriod? {
        guard let range = key.range(of: "BILLING_PERIOD=") else { return nil }
        return try? BillingPeriod(parsing: key[range.upperBound...].prefix(7))
    }

    private static func locate(_ keys: [String], beside directory: String, manifest: String) throws(CURReadError)
        -> [File]
    {
        var files: [File] = []
        for key in keys {
            guard let path = locate(key, beside: directory) else {
                throw CURReadError(
                    .fileNotFound,
                    "the manifest names \(FileSystem.name(of: key)) (\(key)), which is not in \(directory) "
                        + "or the folders above it", file: manifest)
            }
            files.append(try dataFile(path))
        }
        return files
    }

    /// The local path of an S3 key or URI; see ``resolveManifest(at:)``.
    static func locate(_ key: String, beside directory: String) -> String? {
        var objectKey = Substring(key)
        if objectKey.hasPrefix("s3://") {
            objectKey = objectKey.dropFirst(5)
            objectKey = objectKey.drop { $0 != "/" }  // the bucket
        }
        let components = objectKey.split(separator: "/").map(String.init)
        guard !components.isEmpty else { return nil }
        var folders = [directory]
        for _ in 0..<3 {
            guard let last = folders.last else { break }
            let parent = parentFolder(of: last)
            if parent == last { break }
            folders.append(parent)
        }
        for length in stride(from: components.count, through: 1, by: -1) {
            let suffix = components.suffix(length).joined(separator: "/")
            for (level, folder) in folders.enumerated() where level == 0 || length >= 2 {
                let candidate = FileSystem.join(folder, suffix)
                if FileSystem.isFile(candidate) { return candidate }
            }
        }
        return nil
    }

    private static func parentFolder(of folder: String) -> String {
        if folder == "." || folder.isEmpty { return ".." }
        if folder == "/" { return "/" }
        let name = FileSystem.name(of: folder)
        if name == ".." { return folder + "/.." }
        let parent = FileSystem.directory(of: folder)
        return parent
    }
}
