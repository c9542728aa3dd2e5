import AllotCore
import AllotTestSupport
import Foundation
import Testing

/// Reads exported files back with independent parsers (python3's `csv` and `html.parser`) and validates JSON
/// documents against `schemas/invoice.schema.json` (with the config tests' `SchemaCheck`).
enum InvoiceFileCheck {
    /// What python3 read from a CSV export: rows per document number and Σ `amount` per document.
    struct CSVReading: Decodable {
        var rows: Int
        var header: [String]
        var totals: [String: String]
    }

    /// What python3 read from an HTML page: the total and the organization subtotals it shows.
    struct HTMLReading: Decodable {
        var total: String?
        var subtotals: [String: String]
        var title: String
    }

    static let csvScript = """
        import csv, json, sys
        from decimal import Decimal
        with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        totals = {}
        for row in body:
            record = dict(zip(header, row))
            totals[record["document_number"]] = totals.get(record["document_number"], Decimal(0)) + Decimal(record["amount"])
        print(json.dumps({"rows": len(body), "header": header, "totals": {k: str(v) for k, v in totals.items()}}))
        """

    static let htmlScript = """
        import json, sys
        from html.parser import HTMLParser
        class Reader(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.stack, self.total, self.subtotals, self.title, self.org, self.capture = [], None, {}, "", None, None
            def handle_starttag(self, tag, attrs):
                a = dict(attrs)
                if tag == "td" and a.get("id") == "invoice-total": self.capture = "total"
                if tag == "tr" and "data-org" in a: self.org = a["data-org"]
                if tag == "td" and self.org is not None and "amount" in (a.get("class") or ""): self.capture = "org"
                if tag == "title" and not self.stack: self.capture = "title"
                if tag in ("svg",): self.stack.append(tag)
            def handle_endtag(self, tag):
                if tag == "tr": self.org = None
                if tag == "svg" and self.stack: self.stack.pop()
                if tag in ("td", "title"): self.capture = None
            def handle_data(self, data):
                if self.capture == "total": self.total = (self.total or "") + data.strip()
                elif self.capture == "org": self.subtotals[self.org] = self.subtotals.get(self.org, "") + data.strip()
                elif self.capture == "title": self.title += data
        reader = Reader()
        reader.feed(open(sys.argv[1], encoding="utf-8").read())
        reader.close()
        print(json.dumps({"total": reader.total, "subtotals": reader.subtotals, "title": reader.title}))
        """

    static func readCSV(_ path: String) throws -> CSVReading { try run(csvScript, path) }
    static func readHTML(_ path: String) throws -> HTMLReading { try run(htmlScript, path) }

    /// Schema errors of JSON documents (empty lists when they all match).
    static func schemaErrors(_ jsonTexts: [String]) throws -> [[String]] {
        try SchemaCheck.errors(try jsonTexts.map { try ConfigValue(json: $0) }, schema: "invoice.schema.json")
    }

    private static func run<Value: Decodable>(_ script: String, _ path: String) throws -> Value {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SchemaCheck.Failure(description: "python3 failed on \(path): \(complaints)")
        }
        return try JSONDecoder().decode(Value.self, from: data)
    }

    /// Writes files into a new temporary directory; returns the directory.
    static func write(_ files: [InvoiceFile]) throws -> String {
        let directory = NSTemporaryDirectory() + "allot-invoice-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files { try Data(file.bytes).write(to: URL(fileURLWithPath: directory + "/" + file.name)) }
        return directory
    }
}
