import Crypto
import Foundation

/// The secret of an API token: `allot_` followed by 32 random bytes in base64url (43 characters).
///
/// Only ``sha256`` is stored. The secret is shown once, when the token is created, and is never logged.
public struct APITokenSecret: Sendable {
    /// The prefix every token starts with, so that a leaked token is recognisable (and greppable).
    public static let prefix = "allot_"
    /// The length of a token: the prefix and 43 base64url characters.
    public static let length = prefix.count + 43

    /// The token as the client sends it.
    public let text: String

    /// A new random token from the system's cryptographically secure generator.
    public static func generate() -> APITokenSecret {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return APITokenSecret(text: prefix + encoded)
    }

    public init(text: String) {
        self.text = text
    }

    /// Whether the text has the shape of a token (checked before hashing, so that junk is refused cheaply).
    public var isWellFormed: Bool {
        guard text.count == Self.length, text.hasPrefix(Self.prefix) else { return false }
        return text.utf8.dropFirst(Self.prefix.utf8.count).allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// SHA-256 of the token text, in lowercase hex: what `api_tokens.token_sha256` holds.
    public var sha256: String {
        SHA256.hash(data: Array(text.utf8)).map { byte in
            (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
