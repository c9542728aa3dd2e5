import AllotCore
import AllotStore
import AllotTestSupport
import Foundation
import Testing

/// A library refusal carries its remedy as data, and the command line says it as the command that does it.
@Suite struct RemedyTests {
    @Test func theCommandLineSaysTheRemedyAsACommand() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ProjectPaths.allotExecutable), "build with swift build --build-tests")
        try await TestDatabase.migrated { db in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ProjectPaths.allotExecutable)
            process.arguments = ["close", "--period", "2026-06", "--database-url", try TestDatabase.connectionString(database: db.name)]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus != 0)
            #expect(text.contains("2026-06 has no successful allocation run; allocate it with `allot allocate --period 2026-06`"), "\(text)")
        }
    }

    @Test func adviceRendersItsRemedyAfterTheMessage() {
        let advice = Advice("2026-06 is not closed", remedy: .close(period: "2026-06", adjustments: false))
        #expect(advice.rendered { _ in "do it" } == "2026-06 is not closed; close it with `do it`")
        #expect(Advice("nothing to adjust").rendered { _ in "x" } == "nothing to adjust")
        #expect(advice.description == "2026-06 is not closed")
    }
}
