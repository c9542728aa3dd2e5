import AllotCore
import Foundation

/// Writes a delivery's manifests in AWS's shapes, with a fixed key order so that they are
/// byte-identical for the same seed.
///
/// - Legacy (`<report>-Manifest.json`, as in the koku and netflix-ice samples): `assemblyId`,
///   `account`, `columns` (`category`, `name`, `type`), `charset`, `compression`, `contentType`,
///   `reportId`, `reportName`, `billingPeriod {start, end}` (`20261001T000000.000Z`), `bucket`,
///   `reportKeys`, `additionalArtifactKeys`.
/// - CUR 2.0 (Data Exports): `executionId`, `exportArn`, `exportName`, `billingPeriod {start, end}`,
///   `dataFiles` (`s3://bucket/key` URIs whose trailing components resolve beside the manifest),
///   `columns` (`name`, `type`), `additionalOutputFiles`.
struct ManifestWriter {
    let location: DeliveryLocation
    let layout: CURLayout
    let payer: String
    let bucket: String
    /// A 64-hex-digit report id (legacy) or export id suffix, drawn from the seed.
    let reportId: String

    /// Writes every manifest of the delivery; returns their keys.
    func write(files: [DeliveryWriter.File]) throws(GeneratorError) -> [String] {
        let text = layout.format.isCUR2 ? cur2Manifest(files) : legacyManifest(files)
        for key in location.manifestKeys {
            let path = location.path(key)
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw GeneratorError(.io, "cannot write \(path): \(error.localizedDescription)")
            }
        }
        return location.manifestKeys
    }

    private func legacyManifest(_ files: [DeliveryWriter.File]) -> String {
        let columns = layout.columns.map { column -> String in
            let slash = column.name.firstIndex(of: "/") ?? column.name.startIndex
            let category = String(column.name[..<slash])
            let name = slash == column.name.endIndex ? column.name : String(column.name[column.name.index(after: slash)...])
            return "{\"category\":\(JSONText.string(category)),\"name\":\(JSONText.string(name)),"
                + "\"type\":\(JSONText.string(column.kind.legacyType))}"
        }
        let period = "{\"start\":\(JSONText.string(Self.basic(location.period.start))),"
            + "\"end\":\(JSONText.string(Self.basic(location.period.end)))}"
        var lines = ["{"]
        lines.append("  \"assemblyId\": \(JSONText.string(location.deliveryId)),")
        lines.append("  \"account\": \(JSONText.string(payer)),")
        lines.append("  \"columns\": [\n    " + columns.joined(separator: ",\n    ") + "\n  ],")
        lines.append("  \"charset\": \"UTF-8\",")
        lines.append("  \"compression\": \"GZIP\",")
        lines.append("  \"contentType\": \"text/csv\",")
        lines.append("  \"reportId\": \(JSONText.string(reportId)),")
        lines.append("  \"reportName\": \(JSONText.string(location.reportName)),")
        lines.append("  \"billingPeriod\": \(period),")
        lines.append("  \"bucket\": \(JSONText.string(bucket)),")
        lines.append("  \"reportKeys\": [" + files.map { JSONText.string($0.key) }.joined(separator: ", ") + "],")
        lines.append("  \"additionalArtifactKeys\": []")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func cur2Manifest(_ files: [DeliveryWriter.File]) -> String {
        let columns = layout.columns.map { "{\"name\":\(JSONText.string($0.name)),\"type\":\(JSONText.string($0.kind.cur2Type))}" }
        let arn = "arn:aws:bcm-data-exports:us-east-1:\(payer):export/\(location.reportName)-\(reportId.prefix(36))"
        let period = "{\"start\":\(JSONText.string(Self.extended(location.period.start))),"
            + "\"end\":\(JSONText.string(Self.extended(location.period.end)))}"
        var lines = ["{"]
        lines.append("  \"executionId\": \(JSONText.string(location.deliveryId)),")
        lines.append("  \"exportArn\": \(JSONText.string(arn)),")
        lines.append("  \"exportName\": \(JSONText.string(location.reportName)),")
        lines.append("  \"billingPeriod\": \(period),")
        lines.append(
            "  \"dataFiles\": [" + files.map { JSONText.string("s3://\(bucket)/\($0.key)") }.joined(separator: ", ") + "],")
        lines.append("  \"columns\": [\n    " + columns.joined(separator: ",\n    ") + "\n  ],")
        lines.append("  \"additionalOutputFiles\": []")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `20261001T000000.000Z`, the legacy manifest spelling.
    static func basic(_ instant: Timestamp) -> String {
        let parts = instant.components
        return String(format: "%04d%02d%02dT%02d%02d%02d.000Z", parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second)
    }

    /// `2026-10-01T00:00:00.000Z`.
    static func extended(_ instant: Timestamp) -> String {
        let parts = instant.components
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.000Z", parts.year, parts.month, parts.day, parts.hour, parts.minute,
            parts.second)
    }
}
