import AllotGenerator
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the generator benchmark and returns the lines to print.
///
/// Generates the `bench` preset at 1,000,000 rows (legacy CSV, gzip level 1 on a second thread: the
/// defaults of `allot generate`) into a temporary folder, removed afterwards, and reports:
///
/// - rows per second by the wall clock;
/// - rows per CPU-second of the generating thread (this thread) and of the gzip thread (the rest of
///   the process's CPU time), which do not depend on what else the machine runs;
/// - the compressed size;
/// - the peak resident memory the generation added: `VmHWM` of `/proc/self/status` after the run
///   minus before it (the high-water mark of the process so far).
func runGeneratorBenchmark() throws -> String {
    let rows = 1_000_000
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("allot-bench-generate-\(UUID().uuidString)")
        .path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let scenario = try ScenarioPreset.bench(rows: rows).scenario()
    let before = peakResidentKilobytes()
    let threadBefore = threadCPUSeconds()
    let processBefore = processCPUSeconds()
    let clock = ContinuousClock()
    let started = clock.now
    let summary = try CURGenerator(scenario: scenario, options: GeneratorOptions(output: folder)).generate()
    let elapsed = started.duration(to: clock.now)
    let generating = threadCPUSeconds() - threadBefore
    let compressing = max(processCPUSeconds() - processBefore - generating, 0)
    let after = peakResidentKilobytes()
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let count = Double(summary.rows)
    let bytes = summary.deliveries.flatMap(\.files).reduce(Int64(0)) { $0 + $1.bytes }
    var lines = ["generator: bench preset, \(summary.rows) rows (asked \(rows)), legacy CSV, gzip level 1 on a second thread"]
    lines.append(String(format: "  %.0f rows/s by the wall clock (%.2f s)", seconds > 0 ? count / seconds : 0, seconds))
    lines.append(
        String(
            format: "  %.0f rows per CPU-second generating (%.2f s), %.0f per CPU-second compressing (%.2f s)",
            generating > 0 ? count / generating : 0, generating, compressing > 0 ? count / compressing : 0, compressing))
    lines.append(String(format: "  files: %.1f MB gzip, %.0f bytes/row", Double(bytes) / 1e6, Double(bytes) / max(count, 1)))
    if let before, let after {
        lines.append(
            String(
                format: "  peak RSS: %.1f MB for the process, %.1f MB added by the generation", Double(after) / 1024,
                Double(max(after - before, 0)) / 1024))
    } else {
        lines.append("  peak RSS: unavailable (no /proc/self/status)")
    }
    return lines.joined(separator: "\n")
}

/// `VmHWM` of `/proc/self/status` in kB: the process's peak resident set so far; nil off Linux.
private func peakResidentKilobytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
    return nil
}

/// CPU seconds used by the calling thread.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// CPU seconds (user and system) used by the whole process.
private func processCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}
