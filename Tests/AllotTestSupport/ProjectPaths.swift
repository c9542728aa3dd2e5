import Foundation

/// Paths tests read at run time: the package root, its migrations, and the shared reference data.
public enum ProjectPaths {
    /// The package root, found from this file's location (`Tests/AllotTestSupport/ProjectPaths.swift`).
    public static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// `migrations/` of the package.
    public static var migrations: String { root + "/migrations" }

    /// The real public CUR samples: `$ALLOT_REFERENCE_DATA`, else `../shared/reference-data` beside the project.
    /// They are read in place and never copied into the project.
    public static var referenceData: String {
        if let override = ProcessInfo.processInfo.environment["ALLOT_REFERENCE_DATA"], !override.isEmpty {
            return override
        }
        return URL(fileURLWithPath: root + "/../shared/reference-data").standardizedFileURL.path
    }

    /// A file of the reference data, e.g. `referenceFile("koku/aws/2023-06-01.csv")`.
    public static func referenceFile(_ relativePath: String) -> String {
        referenceData + "/" + relativePath
    }

    /// The `allot` executable that `swift build --build-tests` puts beside the test bundle.
    public static var allotExecutable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("allot").path
    }
}
