import AllotStore
import Foundation

/// A one-line progress bar on standard error: bytes and rows read, rows/s, ETA.
final class ProgressBar: Sendable {
    func show(_ progress: IngestProgress) {
        let seconds = max(Double(progress.elapsed.components.seconds) + Double(progress.elapsed.components.attoseconds) / 1e18, 0.001)
        let fraction = progress.totalBytes > 0 ? min(Double(progress.bytesRead) / Double(progress.totalBytes), 1) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let eta = fraction > 0.01 ? seconds / fraction - seconds : 0
        let line = String(
            format: "\r%@ %3.0f%%  %@ / %@  %@ rows  %@ rows/s  ETA %@ ",
            bar, fraction * 100, Self.bytes(progress.bytesRead), Self.bytes(progress.totalBytes),
            Self.count(progress.rows), Self.count(Int(Double(progress.rows) / seconds)), Self.duration(eta))
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private static func bytes(_ value: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var size = Double(value)
        var unit = 0
        while size >= 1000 && unit < units.count - 1 {
            size /= 1000
            unit += 1
        }
        return String(format: unit == 0 ? "%.0f %@" : "%.1f %@", size, units[unit])
    }

    private static func count(_ value: Int) -> String {
        value >= 1_000_000 ? String(format: "%.2fM", Double(value) / 1e6)
            : value >= 10_000 ? String(format: "%.0fk", Double(value) / 1e3) : String(value)
    }

    private static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
    }
}
