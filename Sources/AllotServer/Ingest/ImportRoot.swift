import AllotCUR
import AllotStore
import Foundation
import HTTPTypes

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory under which `POST /v1/deliveries` may name files, directories and manifests.
///
/// A path is taken relative to the root (an absolute one must lie inside it). It is refused with 403 when it
/// leaves the root, lexically (`..`) or through a symbolic link, and so is a directory or manifest naming a file
/// outside it; 422 when it does not exist. Answers name the path as the client gave it, never the root.
struct ImportRoot: Sendable {
    /// The root, with symbolic links resolved.
    let path: String

    /// - Throws: when the root does not exist or is not a directory (a configuration error, at startup).
    init(_ root: String) throws {
        guard let resolved = Self.realPath(root), case .directory = Self.kind(resolved) else {
            throw ImportRootError(root: root)
        }
        self.path = resolved
    }

    /// The canonical path of a delivery the client named.
    func resolve(_ requested: String) async throws -> String {
        guard !requested.isEmpty, !requested.contains("\0") else {
            throw APIProblem.badRequest("path must name a file, a directory or a manifest", field: "path")
        }
        let candidate = requested.hasPrefix("/") ? requested : path + "/" + requested
        guard contains(Self.lexicallyNormalized(candidate)) else {
            throw APIProblem.forbidden("'\(requested)' is outside the import root")
        }
        guard let resolved = Self.realPath(candidate) else {
            throw APIProblem(
                .unprocessableContent, kind: "not-found-under-import-root", title: "No such file",
                detail: "'\(requested)' does not exist under the import root")
        }
        guard contains(resolved) else {
            throw APIProblem.forbidden("'\(requested)' leads outside the import root")
        }
        // A directory's files and a manifest's files must stay inside too (symbolic links, `../` keys).
        let files: [String]
        do {
            files = try await Blocking.run { () throws -> [String] in
                try CURDelivery.resolve([resolved]).files.map(\.path)
            }
        } catch let error as CURReadError {
            throw APIProblem(
                .unprocessableContent, kind: "unreadable-delivery", title: "The delivery cannot be read",
                detail: error.description.replacingOccurrences(of: redaction, with: ""))
        }
        for file in files where !(Self.realPath(file).map(contains) ?? false) {
            throw APIProblem.forbidden("'\(requested)' names a file outside the import root")
        }
        return resolved
    }

    /// What error messages should not show of a path (the root).
    var redaction: String { path + "/" }

    private func contains(_ candidate: String) -> Bool {
        candidate == path || candidate.hasPrefix(path == "/" ? "/" : path + "/")
    }

    /// `/a/b/../c/./d` → `/a/c/d`, without touching the file system.
    static func lexicallyNormalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The path with every symbolic link resolved; nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private enum Kind { case directory, other, missing }

    private static func kind(_ path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .directory : .other
    }
}

/// The configured import root is not a directory.
struct ImportRootError: Error, CustomStringConvertible {
    var root: String
    var description: String { "the import root \(root) is not a directory" }
}
