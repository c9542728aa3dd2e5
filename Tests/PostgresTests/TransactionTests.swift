import AllotTestSupport
import Postgres
import Testing

@Suite struct TransactionTests {
    struct Abort: Error, Equatable {}

    private static let schema = """
        CREATE TABLE accounts (
            id int8 PRIMARY KEY,
            name text NOT NULL CONSTRAINT accounts_name_key UNIQUE
        );
        INSERT INTO accounts VALUES (1, 'first');
        """

    @Test func uniqueViolationSurfacesSQLStateAndConstraint() async throws {
        try await TestDatabase.with { db in
            try await db.client.executeScript(Self.schema)
            let statement = "INSERT INTO accounts (id, name) VALUES ($1, $2)"
            let error = try await #require(throws: PostgresError.self) {
                try await db.client.execute(statement, [2, "first"])
            }
            #expect(error.code == .server)
            #expect(error.sqlState == "23505")
            #expect(error.isUniqueViolation)
            #expect(error.isIntegrityConstraintViolation)
            #expect(error.constraintName == "accounts_name_key")
            #expect(error.tableName == "accounts")
            #expect(error.detail == "Key (name)=(first) already exists.")
            #expect(error.statement == statement)
            #expect(error.description.contains("[23505]"))
            #expect(error.description.contains("INSERT INTO accounts"))
            // DETAIL quotes the row's values, so it stays out of the loggable description.
            #expect(!error.description.contains("first"))
            #expect(error.debugDescription.contains("Key (name)=(first)"))
        }
    }

    @Test func syntaxErrorIsAServerErrorWithoutConnectionLoss() async throws {
        try await TestDatabase.with { db in
            let error = try await #require(throws: PostgresError.self) { try await db.client.query("SELEC 1") }
            #expect(error.code == .server)
            #expect(error.sqlState == "42601")
            #expect(try await db.client.query("SELECT 1").singleValue(Int.self) == 1)
        }
    }

    @Test func failedTransactionLeavesNoRowsBehind() async throws {
        try await TestDatabase.with { db in
            try await db.client.executeScript(Self.schema)
            let error = try await #require(throws: PostgresError.self) {
                try await db.client.withTransaction { conn in
                    try await conn.execute("INSERT INTO accounts VALUES ($1, $2)", [10, "ten"])
                    try await conn.execute("INSERT INTO accounts VALUES ($1, $2)", [11, "eleven"])
                    try await conn.execute("INSERT INTO accounts VALUES ($1, $2)", [12, "first"])  // duplicate name
                }
            }
            #expect(error.isUniqueViolation)
            #expect(try await db.client.query("SELECT count(*) FROM accounts").singleValue(Int.self) == 1)
        }
    }

    @Test func transactionRollsBackWhenTheBodyThrows() async throws {
        try await TestDatabase.with(maxConnections: 1) { db in
            try await db.client.executeScript(Self.schema)
            await #expect(throws: Abort.self) {
                try await db.client.withTransaction { conn in
                    try await conn.execute("INSERT INTO accounts VALUES ($1, $2)", [20, "twenty"])
                    throw Abort()
                }
            }
            #expect(try await db.client.query("SELECT count(*) FROM accounts").singleValue(Int.self) == 1)
            // The single pooled connection went back idle, not stuck inside the transaction.
            #expect(db.client.statistics.idle == 1)
        }
    }

    @Test func committedTransactionKeepsItsRowsAndReturnsTheBodysValue() async throws {
        try await TestDatabase.with { db in
            try await db.client.executeScript(Self.schema)
            let inserted = try await db.client.withTransaction { conn in
                try await conn.execute("INSERT INTO accounts VALUES ($1, $2), ($3, $4)", [2, "two", 3, "three"])
            }
            #expect(inserted == 2)
            #expect(try await db.client.query("SELECT count(*) FROM accounts").singleValue(Int.self) == 3)
        }
    }

    @Test func caughtErrorInsideTransactionReportsRollback() async throws {
        try await TestDatabase.with { db in
            try await db.client.executeScript(Self.schema)
            let error = try await #require(throws: PostgresError.self) {
                try await db.client.withTransaction { conn in
                    try await conn.execute("INSERT INTO accounts VALUES ($1, $2)", [2, "two"])
                    _ = try? await conn.execute("INSERT INTO accounts VALUES ($1, $2)", [3, "first"])
                }
            }
            #expect(error.code == .transactionRolledBack)
            #expect(try await db.client.query("SELECT count(*) FROM accounts").singleValue(Int.self) == 1)
        }
    }

    @Test func savepointUndoesOnlyItsPart() async throws {
        try await TestDatabase.with { db in
            try await db.client.executeScript(Self.schema)
            try await db.client.withTransaction { conn in
                try await conn.execute("INSERT INTO accounts VALUES ($1, $2)", [2, "two"])
                let error = try await #require(throws: PostgresError.self) {
                    try await conn.withSavepoint { conn in
                        try await conn.execute("INSERT INTO accounts VALUES ($1, $2)", [3, "three"])
                        try await conn.execute("INSERT INTO accounts VALUES ($1, $2)", [4, "first"])
                    }
                }
                #expect(error.isUniqueViolation)
                try await conn.execute("INSERT INTO accounts VALUES ($1, $2)", [5, "five"])
            }
            let ids = try await db.client.query("SELECT id FROM accounts ORDER BY id").map { try $0.decode(Int.self, at: 0) }
            #expect(ids == [1, 2, 5])
        }
    }

    @Test func nestedWithTransactionIsRejected() async throws {
        try await TestDatabase.with { db in
            let error = try await #require(throws: PostgresError.self) {
                try await db.client.withTransaction { conn in
                    try await conn.withTransaction { _ in }
                }
            }
            #expect(error.message.contains("withSavepoint"))
        }
    }

    @Test func scriptRunsSeveralStatementsAtomically() async throws {
        try await TestDatabase.with { db in
            try await db.client.executeScript(Self.schema)
            await #expect(throws: PostgresError.self) {
                try await db.client.executeScript(
                    "INSERT INTO accounts VALUES (7, 'seven'); INSERT INTO accounts VALUES (8, 'first');"
                )
            }
            #expect(try await db.client.query("SELECT count(*) FROM accounts").singleValue(Int.self) == 1)
        }
    }
}
