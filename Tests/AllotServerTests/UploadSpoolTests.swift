import AllotTestSupport
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

@testable import AllotServer

/// The spool writes uploads to disk as they arrive and stops reading at the limit.
@Suite struct UploadSpoolTests {
    /// A body of `chunks` chunks of `size` bytes that counts how many were read.
    static func countingBody(chunks: Int, size: Int, read: Locked<Int>) -> HTTPBody {
        let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
            let chunk = ArraySlice(repeating: UInt8(ascii: "x"), count: size)
            for _ in 0..<chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        let counted = stream.map { chunk -> ArraySlice<UInt8> in
            read.withLock { $0 += 1 }
            return chunk
        }
        return HTTPBody(counted, length: .unknown, iterationBehavior: .single)
    }

    @Test func readingStopsAtTheLimitAndNothingIsLeft() async throws {
        let directory = NSTemporaryDirectory() + "allot-spool-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // 50 MB offered in 64 KiB chunks against a 1 MiB limit: the 17th chunk passes it (17 × 65 536 > 1 048 576).
        let read = Locked(0)
        let spool = UploadSpool(directory: directory, maxBytes: 1 << 20)
        let error = await #expect(throws: APIProblem.self) {
            _ = try await spool.receive(Self.countingBody(chunks: 800, size: 65_536, read: read), compression: .detect)
        }
        #expect(error?.status == .contentTooLarge)
        #expect(read.current == 17)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func declaredLengthOverTheLimitIsRefusedBeforeReading() async throws {
        let read = Locked(0)
        let spool = UploadSpool(directory: NSTemporaryDirectory() + "allot-spool-test-" + UUID().uuidString, maxBytes: 1000)
        let counted = Self.countingBody(chunks: 1, size: 10, read: read)
        let body = HTTPBody(counted.map { $0 }, length: .known(5000), iterationBehavior: .single)
        await #expect(throws: APIProblem.self) { _ = try await spool.receive(body, compression: .none) }
        #expect(read.current == 0)
    }

    @Test func gzipIsRecognisedByItsMagicNumber() async throws {
        let directory = NSTemporaryDirectory() + "allot-spool-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spool = UploadSpool(directory: directory, maxBytes: 1 << 20)
        let gzip = try await spool.receive(HTTPBody([0x1f, 0x8b, 0x08, 0x00]), compression: .detect)
        #expect(gzip.path.hasSuffix("/upload.csv.gz"))
        #expect(gzip.size == 4)
        let plain = try await spool.receive(HTTPBody("a,b\n1,2\n"), compression: .detect)
        #expect(plain.path.hasSuffix("/upload.csv"))
        #expect(try String(contentsOfFile: plain.path, encoding: .utf8) == "a,b\n1,2\n")
        plain.remove()
        #expect(!FileManager.default.fileExists(atPath: plain.directory))
    }
}
