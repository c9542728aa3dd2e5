import Foundation

/// The paging of list endpoints: `limit` (default 100, at most 1000) and an opaque `cursor`, the base64url of the
/// last item's key, which the next page starts after.
struct Paging: Sendable {
    static let defaultLimit = 100
    static let maximumLimit = 1000

    /// Items per page.
    let limit: Int
    /// The key the page starts after; nil for the first page.
    let after: String?

    /// - Throws: ``APIProblem`` 400 for a limit out of range or a cursor this server did not make.
    init(limit: Int?, cursor: String?) throws {
        let limit = limit ?? Self.defaultLimit
        guard (1...Self.maximumLimit).contains(limit) else {
            throw APIProblem.badRequest("limit must be between 1 and \(Self.maximumLimit)", field: "limit")
        }
        self.limit = limit
        guard let cursor else {
            self.after = nil
            return
        }
        guard let key = Self.decode(cursor) else {
            throw APIProblem.badRequest("cursor is not a next_cursor of this list", field: "cursor")
        }
        self.after = key
    }

    /// The key as an integer id (deliveries, versions, audit entries).
    func afterInteger() throws -> Int? {
        guard let after else { return nil }
        guard let value = Int(after) else {
            throw APIProblem.badRequest("cursor is not a next_cursor of this list", field: "cursor")
        }
        return value
    }

    /// The next page's cursor: the last item's key when the page is full (the caller fetched `limit + 1` items to
    /// know there is more).
    func nextCursor<Item>(_ items: [Item], key: (Item) -> String) -> (page: [Item], cursor: String?) {
        guard items.count > limit, let last = items.prefix(limit).last else { return (items, nil) }
        return (Array(items.prefix(limit)), Self.encode(key(last)))
    }

    static func encode(_ key: String) -> String {
        Data(("k:" + key).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) -> String? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8), text.hasPrefix("k:") else {
            return nil
        }
        return String(text.dropFirst(2))
    }
}
