import AllotCore
import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

/// Deliveries that would count a cost twice, and database refusals: refused with a message a user can act on,
/// leaving what is loaded as it was.
@Suite struct IngestIntegrityTests {
    /// A small legacy CUR with the identity columns: `ids.count` hourly rows of June 2026 costing 1.25 each.
    static func identified(_ ids: [String], name: String, in directory: String? = nil) throws -> String {
        var text =
            "identity/LineItemId,identity/TimeInterval,bill/PayerAccountId,bill/BillingPeriodStartDate,"
            + "lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UnblendedCost\n"
        for (hour, id) in ids.enumerated() {
            let start = String(format: "2026-06-01T%02d:00:00Z", hour)
            let end = String(format: "2026-06-01T%02d:00:00Z", hour + 1)
            text += "\(id),\(start)/\(end),111111111111,2026-06-01T00:00:00Z,222222222222,Usage,\(start),1.25\n"
        }
        let folder = try directory ?? Self.scratchDirectory()
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func scratchDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "allot-integrity-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aFileNamedTwiceALinkToItOrACopyOfItIsRefused() async throws {
        try await TestDatabase.migrated { database in
            // 3 rows × 1.25 = 3.75 loaded; the refused deliveries would have doubled it to 7.50.
            let a = try Self.identified(["a", "b", "c"], name: "part-1.csv")
            let loaded = try await database.ingest([a])
            #expect(loaded.delivery.unblendedTotal == Amount("3.75"))
            let before = try await StoreSnapshot.take(database.client)

            let twice = await #expect(throws: IngestError.self) { try await database.ingest([a, a]) }
            #expect(twice?.code == .duplicateFiles)
            #expect(twice?.description == "\(a) is named twice; a delivery names each file once")

            let folder = try Self.scratchDirectory()
            let original = try Self.identified(["d", "e"], name: "part-1.csv", in: folder)
            try FileManager.default.createSymbolicLink(atPath: folder + "/part-2.csv", withDestinationPath: original)
            let linked = await #expect(throws: IngestError.self) { try await database.ingest([folder]) }
            #expect(linked?.code == .duplicateFiles)
            #expect(linked?.description == "\(folder)/part-2.csv is the same file as \(original); a delivery names each file once")

            let copy = try Self.scratchDirectory() + "/part-2.csv"
            try FileManager.default.copyItem(atPath: a, toPath: copy)
            let copied = await #expect(throws: IngestError.self) { try await database.ingest([a, copy]) }
            #expect(copied?.code == .duplicateFiles)
            #expect(
                copied?.description.hasPrefix("\(copy) has the same content as \(a) (SHA-256 ") == true,
                "\(copied?.description ?? "")")
            #expect(try await StoreSnapshot.take(database.client) == before)
        }
    }

    @Test func aLineItemInTwoFilesIsRefusedNamingBothPlaces() async throws {
        try await TestDatabase.migrated { database in
            _ = try await database.ingest([try Self.identified(["a"], name: "first.csv")])
            let before = try await StoreSnapshot.take(database.client)
            let folder = try Self.scratchDirectory()
            let one = try Self.identified(["a", "b", "c"], name: "part-1.csv", in: folder)
            // Hour 2 of part-2 is line item "c" of hour 2 again (hours 0 and 1 are new line items).
            let two = try Self.identified(["x", "y", "c"], name: "part-2.csv", in: folder)
            let error = await #expect(throws: IngestError.self) { try await database.ingest([folder]) }
            #expect(error?.code == .unreadable)
            #expect(
                error?.description == "1 problem in the rows; the delivery must not be loaded:\n  "
                    + "\(two):4: column 'identity/LineItemId': the line item \"c\" of "
                    + "2026-06-01T02:00:00Z/2026-06-01T03:00:00Z again; first at \(one):4")
            #expect(try await StoreSnapshot.take(database.client) == before)
        }
    }

    @Test func databaseRefusalsReachUsersWithoutSQL() async throws {
        try await TestDatabase.migrated { database in
            _ = try await database.ingest([try TinyCUR.write(TinyCUR.hourly(2, cost: "1"))])
            // A rule of the database the reader does not know (added by its owner): the refusal comes from PostgreSQL,
            // mid-load.
            try await database.withOwnerClient { owner in
                try await owner.execute("ALTER TABLE accounts ADD CONSTRAINT accounts_not_333 CHECK (account_id <> '333333333333')")
            }
            let before = try await StoreSnapshot.take(database.client)
            let path = try TinyCUR.write(TinyCUR.hourly(3, cost: "2", account: "333333333333"))
            let error = await #expect(throws: IngestError.self) { try await database.ingest([path]) }
            #expect(error?.code == .refusedByDatabase)
            #expect(
                error?.description == "the database refused the delivery (constraint accounts_not_333 of table accounts); "
                    + "nothing of it was stored")
            #expect(try await StoreSnapshot.take(database.client) == before)
            let stored = try await database.client.query(
                "SELECT error FROM cur_deliveries WHERE status = 'failed'"
            ).map { try $0.decode(String.self, "error") }
            #expect(stored == [error?.description ?? "?"])

            // An organization id the database refuses, before anything is loaded.
            let named = await #expect(throws: IngestError.self) {
                try await database.ingest([try TinyCUR.write([TinyCUR.Row(payer: "444444444444")])], org: "Bad Org!")
            }
            #expect(named?.code == .refusedByDatabase)
            #expect(
                named?.description == "the database refused the delivery (constraint organizations_id_check of table "
                    + "organizations); nothing of it was stored")
            for message in [error?.description, named?.description] + stored {
                #expect(message?.contains("INSERT") == false)
                #expect(message?.contains("statement") == false)
            }
        }
    }
}
