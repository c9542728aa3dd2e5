import AllotCore
import AllotGenerator
import Foundation
import Testing

/// The same seed gives byte-identical files; another seed gives other files.
@Suite struct DeterminismTests {
    /// FNV-1a over every file, in path order: one number per generation.
    static func fingerprint(_ files: [String: Data]) -> [String: UInt64] {
        files.mapValues { data in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in data {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            return hash
        }
    }

    @Test(arguments: [DeliveryFormat.legacyCSV, .cur2CSV])
    func sameSeedGivesIdenticalFiles(format: DeliveryFormat) throws {
        let first = try GeneratedRun.generate(.small, format: format, seed: 11)
        let second = try GeneratedRun.generate(.small, format: format, seed: 11)
        let firstFiles = Self.fingerprint(try first.files())
        let secondFiles = Self.fingerprint(try second.files())
        #expect(firstFiles.count >= 5)
        #expect(firstFiles == secondFiles)
    }

    @Test func anotherSeedGivesOtherFiles() throws {
        let first = try GeneratedRun.generate(.small, seed: 11)
        let other = try GeneratedRun.generate(.small, seed: 12)
        let firstFiles = Self.fingerprint(try first.files())
        let otherFiles = Self.fingerprint(try other.files())
        // Other assembly ids, so other paths, and other data inside.
        #expect(Set(firstFiles.keys) != Set(otherFiles.keys))
        #expect(Set(firstFiles.values).isDisjoint(with: Set(otherFiles.values)))
        #expect(first.summary.deliveries.map(\.deliveryId) != other.summary.deliveries.map(\.deliveryId))
        #expect(first.summary.rows != other.summary.rows || first.summary.deliveries.map(\.totals) != other.summary.deliveries.map(\.totals))
    }

    @Test func gzipHeaderIsFixed() throws {
        let run = try GeneratedRun.generate(.small, seed: 11)
        for (path, data) in try run.files() where path.hasSuffix(".csv.gz") {
            // Magic, deflate, no flags, modification time 0, extra flags, OS 3 (Unix).
            #expect(Array(data.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, data[8], 3], "\(path)")
        }
    }
}
