import AllotCore

/// Turns the fields of one CSV record into a ``LineItem``, following a file's ``ColumnPlan``.
///
/// Only mapped columns are converted; values are parsed straight from the scanner's bytes. Problems
/// (unparsable values, empty essential values, account ids that are not 12 digits, usage outside the row's
/// billing period) go to the ``ProblemLog`` and the row is dropped.
struct LineItemDecoder {
    let plan: ColumnPlan
    let file: String
    private let payerAccountId: String?
    private var typeCache: [(bytes: [UInt8], type: LineItemType)] = []
    /// Instance types seen recently and their families, so that a family string is built once.
    private var instanceFamilies: [(type: String, family: String?)] = []
    private let cache: ColumnValueCache
    /// Column indices of the fields messages name: the essential ones and the billing period start.
    private var messageColumns: [CURField: Int] = [:]
    /// The billing period of the previous row's `bill/BillingPeriodStartDate`, and that value.
    private var lastPeriod: (periodStart: Timestamp, start: Timestamp, end: Timestamp, name: String)?

    init(plan: ColumnPlan, file: String, payerAccountId: String?) {
        self.plan = plan
        self.file = file
        self.payerAccountId = payerAccountId
        cache = ColumnValueCache(columns: plan.typed.count)
        for column in plan.typed
        where CURField.essential.contains(column.field) || column.field == .identityTimeInterval
            || column.field == .billBillingPeriodStartDate
        {
            messageColumns[column.field] = column.index
        }
    }

    /// Bits of ``present`` for the essential values.
    private static let hasType: UInt8 = 1
    private static let hasAccount: UInt8 = 2
    private static let hasStart: UInt8 = 4
    private static let hasCost: UInt8 = 8

    /// The ``present`` bit of an essential field (0 for the others).
    @inline(__always)
    private static func essentialBit(_ field: CURField) -> UInt8 {
        switch field {
        case .lineItemType: hasType
        case .usageAccountId: hasAccount
        case .usageStartDate, .identityTimeInterval: hasStart
        case .unblendedCost: hasCost
        default: 0
        }
    }

    /// Fills `item` (freshly initialised, every optional nil) from the scanner's current record, in
    /// place; false after logging the record's problems.
    mutating func decode(
        _ record: CSVScanner, into item: inout LineItem, interner: inout StringInterner, problems: inout ProblemLog
    ) -> Bool {
        var present: UInt8 = 0
        var valid = true
        var fields = FieldValues()
        for position in plan.typed.indices {
            let typed = plan.typed[position]
            let column = typed.index
            let field = typed.field
            let bytes = record.value(column)
            if bytes.isEmpty { continue }
            present |= LineItemDecoder.essentialBit(field)
            switch typed.kind {
            case .text:
                let text =
                    typed.isInterned
                    ? cache.text(position, bytes) { interner.string($0) }
                    : cache.text(position, bytes) { String(decoding: $0, as: UTF8.self) }
                if field == .lineItemType {
                    item.type = lineItemType(bytes, text: text)
                } else {
                    fields.assign(text, to: field, in: &item)
                }
            case .accountId:
                guard Self.isAccountId(bytes) else {
                    report(
                        record, column, "\(Self.quoted(bytes)) is not an AWS account id (12 digits)", detail: nil,
                        into: &problems)
                    valid = false
                    continue
                }
                fields.assign(cache.text(position, bytes) { interner.string($0) }, to: field, in: &item)
            case .amount:
                do {
                    let amount = try cache.amount(position, bytes)
                    fields.assign(amount, to: field, in: &item)
                } catch {
                    report(record, column, "\"\(error.text)\" is not a number", detail: error.reason, into: &problems)
                    valid = false
                }
            case .timestamp:
                do {
                    let timestamp = try cache.timestamp(position, bytes)
                    fields.assign(timestamp, to: field, in: &item)
                } catch {
                    report(
                        record, column, "\"\(error.text)\" is not a timestamp", detail: error.reason, into: &problems)
                    valid = false
                }
            case .interval:
                do {
                    let (start, end) = try Timestamp.parseInterval(utf8: bytes)
                    item.usageStart = start
                    fields.intervalEnd = end
                } catch {
                    report(
                        record, column, "\"\(error.text)\" is not a time interval (start/end)", detail: error.reason,
                        into: &problems)
                    valid = false
                }
            }
        }
        decodeDynamicColumns(record, into: &item)
        if !decodeMapColumns(record, into: &item, fields: &fields, problems: &problems) { valid = false }
        if present != 0b1111 {
            reportMissingEssentials(record, present: present, into: &problems)
            return false
        }
        guard valid else { return false }
        fields.finish(&item, payerAccountId: payerAccountId)
        if let periodStart = item.billingPeriodStart, let period = periodMissed(by: item, periodStart: periodStart) {
            let column = messageColumns[.usageStartDate] ?? messageColumns[.identityTimeInterval] ?? 0
            let periodColumn = messageColumns[.billBillingPeriodStartDate].map { plan.names[$0] } ?? ""
            report(
                record, column, "usage starting \(item.usageStart) is outside the billing period \(period) (\(periodColumn))",
                detail: nil, into: &problems)
            return false
        }
        if item.instanceTypeFamily == nil, let type = item.instanceType {
            item.instanceTypeFamily = instanceTypeFamily(of: type)
        }
        return true
    }

    /// The billing period (`2026-06`) when the row's usage does not start in the month of its
    /// `bill/BillingPeriodStartDate` (from its first instant up to, not including, the next month's): such a
    /// row would be billed in the wrong period. Nil when it does.
    ///
    /// `Credit` and `Refund` rows are exempt: AWS adds them to the bill where it grants them, for charges of
    /// earlier months, so their usage dates may lie before the period (`reference/aws-billing-rules.md` §1.3:
    /// they "can be added after the month is finalized"). Only the start is checked: a row's end may lie beyond
    /// the period (an upfront fee running to the commitment's end, a month-level row ending on the 1st).
    private mutating func periodMissed(by item: LineItem, periodStart: Timestamp) -> String? {
        let period: (periodStart: Timestamp, start: Timestamp, end: Timestamp, name: String)
        if let last = lastPeriod, last.periodStart == periodStart {
            period = last
        } else {
            let month = BillingPeriod(containing: periodStart)
            period = (periodStart, month.start, month.end, month.description)
            lastPeriod = period
        }
        if item.usageStart >= period.start && item.usageStart < period.end { return nil }
        return item.type == .credit || item.type == .refund ? nil : period.name
    }

    /// An AWS account id: exactly 12 ASCII digits (leading zeros are part of it).
    static func isAccountId(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == 12 && bytes.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
    }

    /// A value for a message: in double quotes, cut after 60 bytes.
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        "\"" + String(decoding: bytes.prefix(60), as: UTF8.self) + (bytes.count > 60 ? "…" : "") + "\""
    }

    /// `m5` for `m5.large` (nil without a `.`), remembered for the last 32 types seen.
    private mutating func instanceTypeFamily(of type: String) -> String? {
        for entry in instanceFamilies where entry.type == type { return entry.family }
        let family = type.firstIndex(of: ".").map { String(type[..<$0]) }
        if instanceFamilies.count >= 32 { instanceFamilies.removeFirst() }
        instanceFamilies.append((type, family))
        return family
    }

    /// A shared ``LineItemType`` per distinct spelling: a type's raw `String` is built once per file.
    private mutating func lineItemType(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> LineItemType {
        for entry in typeCache where entry.bytes.equals(bytes) {
            return entry.type
        }
        let type = LineItemType(rawValue: text)
        if typeCache.count < 64 { typeCache.append((Array(bytes), type)) }
        return type
    }

    /// Tags, cost categories, product attributes and discounts, packed into one allocation per row.
    private func decodeDynamicColumns(_ record: CSVScanner, into item: inout LineItem) {
        let groups = (plan.tags, plan.costCategories, plan.productAttributes, plan.discounts)
        let sizes = (
            groups.0.measure(record), groups.1.measure(record), groups.2.measure(record), groups.3.measure(record)
        )
        let total = sizes.0.bytes + sizes.1.bytes + sizes.2.bytes + sizes.3.bytes
        if total > 0 {
            var bits: UInt64 = 0
            let storage = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
                initialized = 0
                guard let output = buffer.baseAddress else { return }
                bits |= groups.0.write(record, to: output)
                bits |= groups.1.write(record, to: output + sizes.0.bytes)
                bits |= groups.2.write(record, to: output + sizes.0.bytes + sizes.1.bytes)
                bits |= groups.3.write(record, to: output + sizes.0.bytes + sizes.1.bytes + sizes.2.bytes)
                initialized = total
            }
            let asciiOnly = bits & 0x8080_8080_8080_8080 == 0
            var start = 0
            func list(_ size: (bytes: Int, count: Int)) -> AttributeList {
                defer { start += size.bytes }
                guard size.count > 0 else { return AttributeList() }
                return AttributeList(
                    packedEntries: storage[start..<start + size.bytes], count: size.count, asciiOnly: asciiOnly)
            }
            item.tags = list(sizes.0)
            item.costCategories = list(sizes.1)
            item.productAttributes = list(sizes.2)
            item.discounts = list(sizes.3)
        }
        if !groups.0.keysAreUnique { item.tags = groups.0.decodeChecking(record) }
        if !groups.1.keysAreUnique { item.costCategories = groups.1.decodeChecking(record) }
        if !groups.2.keysAreUnique { item.productAttributes = groups.2.decodeChecking(record) }
        if !groups.3.keysAreUnique { item.discounts = groups.3.decodeChecking(record) }
    }

    /// The CUR 2.0 map columns; false (after logging) when one is not a map.
    private func decodeMapColumns(
        _ record: CSVScanner, into item: inout LineItem, fields: inout FieldValues, problems: inout ProblemLog
    ) -> Bool {
        var valid = true
        func read(_ column: Int?, _ entry: (String, String) -> Void) {
            guard let column else { return }
            let bytes = record.value(column)
            guard !bytes.isEmpty else { return }
            if !MapColumnParser.parse(bytes, entry: { key, value in entry(AttributeKey.canonical(key), value) }) {
                report(record, column, "\(Self.quoted(bytes)) is not a map (a JSON object)", detail: nil, into: &problems)
                valid = false
            }
        }
        read(plan.tagMap) { item.tags.insert(key: $0, value: $1) }
        read(plan.costCategoryMap) { item.costCategories.insert(key: $0, value: $1) }
        read(plan.discountMap) { item.discounts.insert(key: $0, value: $1) }
        read(plan.productMap) { key, value in
            if let field = CURField.productMapFields[key] {
                if !value.isEmpty { fields.assignIfAbsent(value, to: field, in: &item) }
            } else {
                item.productAttributes.insert(key: key, value: value)
            }
        }
        return valid
    }

    private func reportMissingEssentials(_ record: CSVScanner, present: UInt8, into problems: inout ProblemLog) {
        let checks: [(UInt8, CURField)] = [
            (LineItemDecoder.hasType, .lineItemType), (LineItemDecoder.hasAccount, .usageAccountId),
            (LineItemDecoder.hasStart, .usageStartDate), (LineItemDecoder.hasCost, .unblendedCost),
        ]
        for (bit, field) in checks where present & bit == 0 {
            let column = messageColumns[field] ?? messageColumns[.identityTimeInterval] ?? 0
            report(record, column, "empty, but every row needs a value", detail: nil, into: &problems)
        }
    }

    private func report(
        _ record: CSVScanner, _ column: Int, _ message: String, detail: String?, into problems: inout ProblemLog
    ) {
        problems.record(
            CURProblem(
                file: file, line: record.recordLine, column: plan.names[column], message: message, detail: detail))
    }
}
