/// The canonical spelling of tag keys, cost category names and product attribute names.
///
/// CURs spell the same tag three ways: legacy `resourceTags/user:CostCenter`, Athena
/// `resource_tags_user_cost_center`, and CUR 2.0 `resource_tags` map key `user_cost_center`.
/// Allot stores one key for all three, built with the rule AWS uses for Athena column names
/// (`reference/aws-billing-rules.md` §1.1):
///
/// - every ASCII capital letter becomes `_` plus the lower-case letter (`CostCenter` → `_cost_center`,
///   `ARN` → `_a_r_n`);
/// - every other ASCII character that is not a letter or digit (`:`, space, `-`, `/`…) becomes `_`;
/// - runs of `_` collapse to one, and `_` at either end is dropped.
///
/// Non-ASCII characters are kept as they are. The rule is idempotent, so a key that is already
/// canonical (a CUR 2.0 map key, a key in a config rule) maps to itself:
/// `user:CostCenter`, `user:cost_center` and `user_cost_center` all become `user_cost_center`;
/// `Charge type` becomes `charge_type`.
public enum AttributeKey {
    /// The canonical key for `raw`.
    public static func canonical(_ raw: some StringProtocol) -> String {
        var copy = String(raw)
        return copy.withUTF8 { canonical(utf8: $0) }
    }

    /// The canonical key for UTF-8 bytes.
    public static func canonical(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        appendCanonical(utf8: bytes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the canonical key for UTF-8 bytes to `output` (which should not end in `_`).
    public static func appendCanonical(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let start = output.count
        var pendingUnderscore = false
        for byte in bytes {
            if byte &- UInt8(ascii: "A") < 26 {
                pendingUnderscore = true
                flush(&pendingUnderscore, output: &output, start: start)
                output.append(byte | 0x20)
            } else if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte >= 0x80 {
                flush(&pendingUnderscore, output: &output, start: start)
                output.append(byte)
            } else {
                pendingUnderscore = true
            }
        }
    }

    /// Writes a pending `_` unless the key is still empty (no leading `_`) or already ends in one.
    @inline(__always)
    private static func flush(_ pending: inout Bool, output: inout [UInt8], start: Int) {
        if pending {
            if output.count > start && output[output.count - 1] != UInt8(ascii: "_") {
                output.append(UInt8(ascii: "_"))
            }
            pending = false
        }
    }
}
