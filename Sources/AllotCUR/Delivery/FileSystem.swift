#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system questions delivery resolution asks, answered with `stat(2)` and `readdir(3)`.
enum FileSystem {
    enum Kind {
        case file(size: Int64)
        case directory
        case other
    }

    /// What is at `path`, or nil when nothing is (or it cannot be examined).
    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int64(info.st_size))
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    static func isFile(_ path: String) -> Bool {
        if case .file = kind(of: path) { return true }
        return false
    }

    /// The names in a directory (not `.` and `..`), unsorted; nil when it cannot be listed.
    static func entries(of directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `directory/name`, without doubling the separator.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty || directory == "." { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The directory part of a path (`.` for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Orders names the way people expect numbered parts: `report-2` before `report-10`.
    static func naturallyOrdered(_ lhs: String, _ rhs: String) -> Bool {
        var left = Array(lhs.utf8)[...]
        var right = Array(rhs.utf8)[...]
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        while let a = left.first, let b = right.first {
            if isDigit(a) && isDigit(b) {
                let leftRun = left.prefix(while: isDigit)
                let rightRun = right.prefix(while: isDigit)
                let leftDigits = leftRun.drop { $0 == UInt8(ascii: "0") }
                let rightDigits = rightRun.drop { $0 == UInt8(ascii: "0") }
                if leftDigits.count != rightDigits.count { return leftDigits.count < rightDigits.count }
                if !leftDigits.elementsEqual(rightDigits) { return leftDigits.lexicographicallyPrecedes(rightDigits) }
                left = left.dropFirst(leftRun.count)
                right = right.dropFirst(rightRun.count)
            } else {
                if a != b { return a < b }
                left = left.dropFirst()
                right = right.dropFirst()
            }
        }
        return left.isEmpty && !right.isEmpty || (left.isEmpty == right.isEmpty && lhs < rhs)
    }
}
