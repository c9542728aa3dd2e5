/// A glob on account names, as `account-name` and `account-patterns` use it: `*` matches any run of characters
/// (also none), `?` exactly one; everything else matches itself, case-sensitively.
///
/// Character classes, braces and escapes are not supported, and patterns using `[`, `]`, `{`, `}` or `\` are
/// refused rather than taken literally, so that a pattern never silently means something else than intended.
public struct NameGlob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let characters: [Character]

    /// Creates the glob; nil if the pattern is invalid (see ``problem(in:)``).
    public init?(_ pattern: String) {
        guard Self.problem(in: pattern) == nil else { return nil }
        self.pattern = pattern
        self.characters = Array(pattern)
    }

    /// Why `pattern` is not a valid glob, or nil if it is.
    public static func problem(in pattern: String) -> String? {
        if pattern.isEmpty { return "an empty pattern matches no name" }
        if let special = pattern.first(where: { "[]{}\\".contains($0) }) {
            return "'\(pattern)' is not a valid glob: '\(special)' is not supported (only * and ? are special)"
        }
        return nil
    }

    /// Whether the whole of `name` matches the pattern.
    public func matches(_ name: String) -> Bool {
        let text = Array(name)
        var patternIndex = 0
        var textIndex = 0
        // The position after the last `*` and the text position it was tried against, for backtracking.
        var star: (pattern: Int, text: Int)?
        while textIndex < text.count {
            if patternIndex < characters.count, characters[patternIndex] == "*" {
                star = (patternIndex + 1, textIndex)
                patternIndex += 1
            } else if patternIndex < characters.count,
                characters[patternIndex] == "?" || characters[patternIndex] == text[textIndex]
            {
                patternIndex += 1
                textIndex += 1
            } else if let last = star {
                star = (last.pattern, last.text + 1)
                patternIndex = last.pattern
                textIndex = last.text + 1
            } else {
                return false
            }
        }
        while patternIndex < characters.count, characters[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == characters.count
    }

    public var description: String { pattern }
}
