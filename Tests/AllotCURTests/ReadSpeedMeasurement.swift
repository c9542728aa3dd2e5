import AllotCore
import Foundation
import Testing

@testable import AllotCUR

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading speed, measured but not asserted (a timed test would be flaky on shared machines).
///
/// Run in release, alone:
/// `ALLOT_CUR_MEASURE=150000 swift test -c release --scratch-path .build-cur --filter ReadSpeedMeasurement`
/// It writes a synthetic legacy CUR (``SyntheticCUR``) as CSV and gzip and prints MB of
/// uncompressed CSV per second, by wall clock and per CPU-second, for each of five passes.
@Suite struct ReadSpeedMeasurement {
    static let rows = Int(ProcessInfo.processInfo.environment["ALLOT_CUR_MEASURE"] ?? "") ?? 0

    @Test(.enabled(if: rows > 0, "set ALLOT_CUR_MEASURE=<rows> to measure"))
    func measureReadSpeed() throws {
        let directory = try TestFiles.scratchDirectory()
        let plain = directory + "/speed.csv"
        let gzip = directory + "/speed.csv.gz"
        let size = try SyntheticCUR.write(rows: Self.rows, to: plain)
        _ = try SyntheticCUR.write(rows: Self.rows, to: gzip)
        let megabytes = Double(size) / 1_000_000
        print("synthetic CUR: \(Self.rows) rows, \(String(format: "%.1f", megabytes)) MB CSV")
        for path in [plain, plain, plain, plain, plain, gzip, gzip, gzip] {
            let cpuStart = Self.cpuSeconds()
            let clock = ContinuousClock()
            let start = clock.now
            let reader = try CURReader(paths: [path])
            var rows = 0
            while let batch = try reader.nextBatch(maxRows: 4096) { rows += batch.count }
            let elapsed = clock.now - start
            let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let cpu = Self.cpuSeconds() - cpuStart
            #expect(rows == Self.rows)
            print(
                "\(path.hasSuffix(".gz") ? "gzip " : "plain"): \(String(format: "%.0f", megabytes / wall)) MB/s wall, "
                    + "\(String(format: "%.0f", megabytes / cpu)) MB/s per CPU-second, "
                    + "\(String(format: "%.0f", Double(rows) / cpu)) rows per CPU-second")
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
