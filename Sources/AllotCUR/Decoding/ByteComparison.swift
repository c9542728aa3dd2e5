#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Array where Element == UInt8 {
    /// Whether the array holds exactly `bytes` (a `memcmp`, no allocation).
    @inline(__always)
    func equals(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == bytes.count else { return false }
        guard let other = bytes.baseAddress else { return true }
        return withUnsafeBufferPointer { mine in
            guard let base = mine.baseAddress else { return true }
            return memcmp(base, other, bytes.count) == 0
        }
    }
}
