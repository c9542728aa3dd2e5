import AllotCore
import Foundation
import HTTPTypes

extension InvoiceFormat {
    /// The format an `Accept` header asks for: the acceptable one of highest quality (JSON, then CSV, then HTML on a
    /// tie). JSON without `Accept`, and for `*/*` and `application/*`; CSV for `text/*`. Media ranges that name none
    /// of them (`application/problem+json`, `image/png`), and malformed ones, do not count.
    ///
    /// - Throws: ``APIProblem`` 406 when `Accept` names none of them.
    init(accepting header: String?) throws {
        guard let header, !header.allSatisfy({ $0 == " " || $0 == "," }) else {
            self = .json
            return
        }
        let preference: [InvoiceFormat] = [.json, .csv, .html]
        var best: (format: InvoiceFormat, quality: Double)?
        for range in header.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let mediaType = parts.first, let format = Self.format(mediaType) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)).map { min(max($0, 0), 1) } ?? 0
            }
            guard quality > 0 else { continue }
            if let current = best,
                current.quality > quality
                    || (current.quality == quality
                        && (preference.firstIndex(of: current.format) ?? 0) <= (preference.firstIndex(of: format) ?? 0))
            {
                continue
            }
            best = (format, quality)
        }
        guard let best else {
            throw APIProblem(
                .notAcceptable, kind: "not-acceptable", title: "Not acceptable",
                detail: "an invoice is available as application/json, text/csv or text/html")
        }
        self = best.format
    }

    /// The format of one media range; nil for a range that names none.
    private static func format(_ mediaType: String) -> InvoiceFormat? {
        switch mediaType {
        case "application/json", "*/*", "application/*": .json
        case "text/csv", "text/*": .csv
        case "text/html": .html
        default: nil
        }
    }
}
