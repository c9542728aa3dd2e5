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

    /// koku's fixtures invent account ids of 13 and 6 digits; AWS account ids have 12, and the reader refuses
    /// others. Tests that read those fixtures for their columns read copies with these 12-digit ids instead.
    public static let kokuAccountIds = [
        "0099999999999": "009999999999", "999999": "000000999999", "6568388779672": "656838877967",
        "5948062437622": "594806243762", "7728565162690": "772856516269", "6433681849691": "643368184969",
        "6130141942304": "613014194230",
    ]

    /// A copy of a reference sample, in a new temporary directory, whose fields equal to a key of `accountIds`
    /// are replaced by its value: the koku fixtures invent 13- and 6-digit account ids, which the reader refuses
    /// (AWS account ids are 12 digits). A gzip sample is copied as plain CSV. The sample itself is untouched.
    public static func referenceFile(_ relativePath: String, accountIds: [String: String]) throws -> String {
        let path = referenceFile(relativePath)
        var text: String
        if path.hasSuffix(".gz") {
            let gunzip = Process()
            let output = Pipe()
            gunzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            gunzip.arguments = ["gzip", "-dc", path]
            gunzip.standardOutput = output
            try gunzip.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            gunzip.waitUntilExit()
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = try String(contentsOfFile: path, encoding: .utf8)
        }
        for (invented, id) in accountIds {
            let field = try NSRegularExpression(
                pattern: "(?<=^|,)" + NSRegularExpression.escapedPattern(for: invented) + "(?=,|\\r|$)",
                options: .anchorsMatchLines)
            text = field.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: id)
        }
        let directory = NSTemporaryDirectory() + "allot-sample-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var name = (relativePath as NSString).lastPathComponent
        if name.hasSuffix(".gz") { name.removeLast(3) }
        let copy = directory + "/" + name
        try text.write(toFile: copy, atomically: true, encoding: .utf8)
        return copy
    }

    /// The `allot` executable that `swift build --build-tests` puts beside the test bundle.
    public static var allotExecutable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("allot").path
    }
}
