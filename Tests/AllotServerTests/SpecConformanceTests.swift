import AllotServer
import AllotTestSupport
import Crypto
import HTTPTypes
import Foundation
import Testing
import Yams

/// The contract and the code agree: the generated sources are those of the current spec (the stamp `make
/// generate` writes), and the server's route table lists exactly the spec's operations.
@Suite struct SpecConformanceTests {
    static let stampPath = "Sources/AllotAPI/openapi-generated.sha256"

    /// Each line of the stamp is `<sha256>  <path>` (sha256sum's format), for the spec, the generator config and
    /// every generated file; a file that changed since `make generate`, or a generated file added or removed,
    /// fails here.
    @Test func generatedCodeIsThatOfTheCurrentSpec() throws {
        let root = ProjectPaths.root
        let stamp = try String(contentsOfFile: root + "/" + Self.stampPath, encoding: .utf8)
        var listed: [String: String] = [:]
        for line in stamp.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            try #require(parts.count == 2, "malformed stamp line: \(line)")
            listed[String(parts[1]).trimmingCharacters(in: .whitespaces)] = String(parts[0])
        }
        #expect(listed["schemas/openapi.yaml"] != nil)
        #expect(listed["Sources/AllotAPI/openapi-generator-config.yaml"] != nil)
        let generated = try FileManager.default.contentsOfDirectory(atPath: root + "/Sources/AllotAPI/Generated")
            .filter { $0.hasSuffix(".swift") }.map { "Sources/AllotAPI/Generated/" + $0 }
        #expect(Set(generated) == Set(listed.keys.filter { $0.hasPrefix("Sources/AllotAPI/Generated/") }),
            "the generated files are not those of the last `make generate`")
        for (path, recorded) in listed.sorted(by: { $0.key < $1.key }) {
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
            let actual = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            #expect(actual == recorded, "\(path) changed since `make generate`: run `make generate` and commit the result")
        }
    }

    @Test func routePolicyNamesExactlyTheSpecOperations() throws {
        let text = try String(contentsOfFile: ProjectPaths.root + "/schemas/openapi.yaml", encoding: .utf8)
        let spec = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: Any])
        var operations: Set<String> = []
        for (path, item) in paths {
            for (method, operation) in (item as? [String: Any]) ?? [:] {
                guard (operation as? [String: Any])?["operationId"] is String else { continue }
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        let routes = Set(RoutePolicy.groups.keys.map(\.description))
        #expect(routes == operations)
        // Only the operations group goes without a token, and the spec agrees.
        for (path, item) in paths {
            for (method, operation) in (item as? [String: Any]) ?? [:] {
                let isPublic = ((operation as? [String: Any])?["security"] as? [Any])?.isEmpty == true
                let group = HTTPRequest.Method(method.uppercased()).flatMap { RoutePolicy.group(RouteKey($0, path)) }
                #expect((group == .operations) == isPublic, "\(method) \(path)")
            }
        }
    }
}
