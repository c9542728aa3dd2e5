import AllotCore

/// One open CUR file: its byte source, scanner, header and decoder.
final class FileCursor {
    let file: CURDelivery.File
    let source: any ByteSource
    let scanner: CSVScanner
    @exclusivity(unchecked) private(set) var decoder: LineItemDecoder
    @exclusivity(unchecked) private(set) var rows = 0
    /// The file's place in the delivery, for ``LineItemIdentities``.
    private let number: Int

    /// Opens the file (gzip when its first bytes say so) and reads its header.
    init(file: CURDelivery.File, number: Int, options: CURReaderOptions) throws(CURReadError) {
        self.file = file
        self.number = number
        let raw = try FileByteSource(path: file.path)
        let magic = try raw.peekStart(count: 2)
        if magic.isEmpty {
            throw CURReadError(.emptyFile, "empty file", file: file.path)
        }
        let isGzip = magic == [0x1F, 0x8B]
        if !isGzip && file.path.lowercased().hasSuffix(".gz") {
            throw CURReadError(.notGzip, "not gzip data, although the name ends in .gz", file: file.path)
        }
        source = isGzip ? try GzipByteSource(file: raw) : raw
        scanner = CSVScanner(source: source, file: file.path, bufferSize: options.bufferSize)
        guard try scanner.nextRecord() else {
            throw CURReadError(.emptyFile, "empty file (no header line)", file: file.path)
        }
        if let notText = scanner.notText {
            throw CURReadError(
                .malformedCSV, "the header's column \(notText.field + 1): \(notText)", file: file.path, line: notText.line)
        }
        var names: [String] = []
        names.reserveCapacity(scanner.fieldCount)
        for index in 0..<scanner.fieldCount {
            names.append(String(decoding: scanner.value(index), as: UTF8.self))
        }
        let plan = try ColumnPlan(names: names, file: file.path)
        decoder = LineItemDecoder(plan: plan, file: file.path, payerAccountId: options.payerAccountId)
    }

    var header: CURHeader { decoder.plan.header }

    /// Reads rows into `batch` until it holds `limit` items or the file ends; returns false at the end.
    ///
    /// Rows with problems are logged and skipped; once a problem is logged the caller stops using
    /// the batch, so counting continues cheaply to the end.
    func read(
        into batch: inout [LineItem], limit: Int, interner: inout StringInterner, identities: inout LineItemIdentities,
        problems: inout ProblemLog
    ) throws(CURReadError) -> Bool {
        let columnCount = decoder.plan.names.count
        while batch.count < limit {
            guard try scanner.nextRecord() else {
                if rows == 0 {
                    throw CURReadError(.headerOnly, "the file has a header but no rows", file: file.path)
                }
                return false
            }
            rows += 1
            if let notText = scanner.notText {
                problems.record(
                    CURProblem(
                        file: file.path, line: notText.line,
                        column: notText.field < columnCount ? decoder.plan.names[notText.field] : nil,
                        message: notText.description, detail: nil))
                continue
            }
            guard scanner.fieldCount == columnCount else {
                problems.record(
                    CURProblem(
                        file: file.path, line: scanner.recordLine, column: nil,
                        message: "\(scanner.fieldCount) fields, but the header (line 1) has \(columnCount) columns",
                        detail: nil))
                continue
            }
            if let identity = decoder.plan.identity, !recordIdentity(identity, in: &identities, problems: &problems) {
                continue
            }
            // Decoded in place in the batch: a line item is ~1 KB, and moving it costs as much as filling it.
            batch.append(LineItem(usageAccountId: "", type: .usage, usageStart: .epoch, unblendedCost: .zero))
            let decoded = decoder.decode(
                scanner, into: &batch[batch.count - 1], interner: &interner, problems: &problems)
            if !decoded || !problems.isEmpty { batch.removeLast() }
        }
        return true
    }

    /// Records the row's (identity/LineItemId, identity/TimeInterval); false, after logging a problem naming
    /// both places, when the delivery had it already. Rows without a line item id are not checked.
    private func recordIdentity(
        _ identity: ColumnPlan.Identity, in identities: inout LineItemIdentities, problems: inout ProblemLog
    ) -> Bool {
        let id = scanner.value(identity.lineItemId)
        guard !id.isEmpty else { return true }
        let interval = scanner.value(identity.timeInterval)
        guard let first = identities.insert(id: id, interval: interval, file: number, line: scanner.recordLine) else {
            return true
        }
        problems.record(
            CURProblem(
                file: file.path, line: scanner.recordLine, column: decoder.plan.names[identity.lineItemId],
                message: "the line item \(LineItemDecoder.quoted(id)) of \(String(decoding: interval, as: UTF8.self)) "
                    + "again; first at \(first.file):\(first.line)",
                detail: nil))
        return false
    }

    func close() {
        source.close()
    }
}
