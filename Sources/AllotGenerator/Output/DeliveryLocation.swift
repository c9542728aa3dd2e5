import AllotCore
import Foundation

/// Where one delivery's files go, in the real layout of its format (`reference/aws-billing-rules.md` §2):
///
/// - legacy: `<out>/<org>/<report>/<yyyymmdd-yyyymmdd>/<assemblyId>/<report>-N.csv.gz`, with
///   `<report>-Manifest.json` in the assembly folder and at the date-range level;
/// - CUR 2.0: `<out>/<org>/<export>/data/BILLING_PERIOD=YYYY-MM/<export>-0000N.csv.gz`, with
///   `<out>/<org>/<export>/metadata/BILLING_PERIOD=YYYY-MM/<export>-Manifest.json`.
///
/// The S3 keys in manifests are the same paths below `<out>` (the organization id is the report's S3 prefix).
struct DeliveryLocation: Sendable {
    let root: String
    let organization: String
    let reportName: String
    let period: BillingPeriod
    let format: DeliveryFormat
    /// The assembly id (legacy) or execution id (CUR 2.0).
    let deliveryId: String

    /// `20261001-20261101`.
    var dateRange: String {
        func day(_ instant: Timestamp) -> String {
            let parts = instant.components
            return String(format: "%04d%02d%02d", parts.year, parts.month, parts.day)
        }
        return day(period.start) + "-" + day(period.end)
    }

    /// The data folder, relative to the root.
    var dataFolder: String {
        format.isCUR2
            ? "\(organization)/\(reportName)/data/BILLING_PERIOD=\(period)"
            : "\(organization)/\(reportName)/\(dateRange)/\(deliveryId)"
    }

    /// The name of data file `number` (1-based).
    func fileName(_ number: Int) -> String {
        format.isCUR2
            ? "\(reportName)-\(String(format: "%05d", number)).csv.gz"
            : "\(reportName)-\(number).csv.gz"
    }

    /// The S3 key of data file `number`, relative to the bucket.
    func key(_ number: Int) -> String {
        "\(dataFolder)/\(fileName(number))"
    }

    /// The manifests to write, relative to the root: the assembly and date-range ones (legacy) or the
    /// metadata one (CUR 2.0).
    var manifestKeys: [String] {
        let name = "\(reportName)-Manifest.json"
        if format.isCUR2 {
            return ["\(organization)/\(reportName)/metadata/BILLING_PERIOD=\(period)/\(name)"]
        }
        return ["\(dataFolder)/\(name)", "\(organization)/\(reportName)/\(dateRange)/\(name)"]
    }

    /// `root/relative`.
    func path(_ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }
}
