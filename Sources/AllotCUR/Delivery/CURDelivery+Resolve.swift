import AllotCore

extension CURDelivery {
    /// Resolves what a user named into the files of one delivery.
    ///
    /// - one `.json` file: a legacy or CUR 2.0 manifest (see ``resolveManifest(at:)``);
    /// - one directory: its `*.csv` and `*.csv.gz` files in natural order (`-2` before `-10`), or, when
    ///   it has none, the single `*Manifest.json` in it (a legacy date-range folder);
    /// - otherwise every path must be a CSV file, plain or gzip (detected from its first bytes).
    ///
    /// Parquet and ZIP files are refused with ``CURReadError/Code/unsupportedFormat``.
    public static func resolve(_ paths: [String]) throws(CURReadError) -> CURDelivery {
        guard !paths.isEmpty else { throw CURReadError(.noFiles, "no CUR files were named") }
        if paths.count == 1, let path = paths.first {
            if path.lowercased().hasSuffix(".json") { return try resolveManifest(at: path) }
            if case .directory = FileSystem.kind(of: path) { return try resolveDirectory(path) }
        }
        var files: [File] = []
        for path in paths {
            files.append(try dataFile(path))
        }
        return CURDelivery(files: files, source: .files)
    }

    /// Resolves a single path; see ``resolve(_:)-([String])``.
    public static func resolve(_ path: String) throws(CURReadError) -> CURDelivery {
        try resolve([path])
    }

    static func resolveDirectory(_ directory: String) throws(CURReadError) -> CURDelivery {
        guard let names = FileSystem.entries(of: directory) else {
            throw CURReadError(.io, "cannot list the directory", file: directory)
        }
        let dataNames = names.filter { isDataFileName($0) }.sorted(by: FileSystem.naturallyOrdered)
        if dataNames.isEmpty {
            let manifests = names.filter { $0.hasSuffix("Manifest.json") }
            if manifests.count == 1, let manifest = manifests.first {
                return try resolveManifest(at: FileSystem.join(directory, manifest))
            }
            throw CURReadError(.noFiles, "no *.csv or *.csv.gz files in the directory", file: directory)
        }
        var files: [File] = []
        for name in dataNames {
            files.append(try dataFile(FileSystem.join(directory, name)))
        }
        return CURDelivery(files: files, source: .directory)
    }

    static func isDataFileName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".csv.gz")
    }

    /// A named data file: it must exist, be a regular file, and not be a format we cannot read.
    static func dataFile(_ path: String) throws(CURReadError) -> File {
        let lower = path.lowercased()
        if lower.hasSuffix(".parquet") || lower.hasSuffix(".snappy.parquet") {
            throw CURReadError(.unsupportedFormat, "Parquet CUR files are not supported yet; export CSV", file: path)
        }
        if lower.hasSuffix(".zip") {
            throw CURReadError(
                .unsupportedFormat, "ZIP CUR files are not supported; unzip them or use gzip", file: path)
        }
        if lower.hasSuffix(".json") {
            throw CURReadError(.unsupportedFormat, "a manifest must be the only path named", file: path)
        }
        switch FileSystem.kind(of: path) {
        case .file(let size): return File(path: path, size: size)
        case .directory: throw CURReadError(.unsupportedFormat, "a directory must be the only path named", file: path)
        case .other: throw CURReadError(.unsupportedFormat, "not a regular file", file: path)
        case nil: throw CURReadError(.fileNotFound, "file not found", file: path)
        }
    }
}
