import AllotCore
import AllotStore
import AllotTestSupport
import Foundation
import Testing

/// `allot commitments list|show` as a user runs them: the built executable against a test database.
@Suite struct CommitmentCommandTests {
    static let ri = "arn:aws:ec2:us-east-1:333333333333:reserved-instances/ri-first"
    static let sp = "arn:aws:savingsplans::333333333333:savingsplan/sp-second"

    /// Runs `allot ARGUMENTS --database-url …`; its status, standard output and standard error.
    static func allot(_ arguments: [String], database: TestDatabase) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProjectPaths.allotExecutable)
        process.arguments = arguments + ["--database-url", try TestDatabase.connectionString(database: database.name)]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, printed, said)
    }

    @Test func listAndShowPrintTheInventory() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ProjectPaths.allotExecutable), "build with swift build --build-tests")
        try await TestDatabase.migrated { db in
            _ = try await db.ingest([
                try ArnRow.write([
                    ArnRow(type: "RIFee", arn: Self.ri, offering: "standard", cost: "10"),
                    ArnRow(type: "SavingsPlanRecurringFee", spArn: Self.sp, spType: "ComputeSavingsPlans", hour: 3, cost: "1"),
                ])
            ])
            let csv = try Self.allot(["commitments", "list", "--format", "csv"], database: db)
            #expect(csv.status == 0, "\(csv.errors)")
            let lines = csv.output.split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            #expect(lines.first?.hasPrefix("arn,kind,owner_account_id,") == true)
            #expect(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3).joined(separator: ",") } == [
                "\(Self.ri),standard-ri,333333333333", "\(Self.sp),compute-sp,333333333333",
            ])
            let other = try Self.allot(["commitments", "list", "--org", "999999999999", "--format", "json"], database: db)
            #expect(other.output.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")

            let shown = try Self.allot(["commitments", "show", Self.sp], database: db)
            #expect(shown.status == 0, "\(shown.errors)")
            #expect(shown.output.contains("kind                  compute-sp"))
            #expect(shown.output.contains("  111111111111      2026-06-01T03:00:00Z … 2026-06-01T04:00:00Z  (1 h)"), "\(shown.output)")
            #expect(shown.output.contains("declared (owner's history): none"))

            let json = try Self.allot(["commitments", "show", Self.ri, "--format", "json"], database: db)
            let decoded = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
            let observed = try #require(decoded?["observed"] as? [[String: Any]])
            #expect(observed.first?["org"] as? String == "111111111111")
            #expect(observed.first?["hours"] as? Int == 1)

            let missing = try Self.allot(["commitments", "show", "arn:aws:savingsplans::1:savingsplan/none"], database: db)
            #expect(missing.status != 0)
            #expect(missing.errors.contains("no ingested delivery shows commitment arn:aws:savingsplans::1:savingsplan/none"))
        }
    }
}
