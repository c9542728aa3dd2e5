/// The small inline SVG chart of an invoice page: one horizontal bar per organization, stacked by category,
/// positive amounts to the right of zero and credits to the left, with the organization's total at the end and a
/// legend below. Coordinates are computed with exact decimals, so the same document always draws the same SVG.
struct InvoiceChart {
    struct Segment {
        var category: AllocationCategory
        var amount: Amount
    }

    struct Row {
        var name: String
        var segments: [Segment]
        var total: InvoiceMoney
    }

    let rows: [Row]
    /// The categories present, in legend order.
    let categories: [AllocationCategory]

    static let width = 520, labelWidth = 118, valueWidth = 86, rowHeight = 22, barHeight = 14, legendRow = 16, legendColumns = 3

    init(_ document: InvoiceDocument) {
        var present = Set<AllocationCategory>()
        rows = document.organizations.map { organization in
            var sums: [AllocationCategory: Amount] = [:]
            for account in organization.accounts {
                for service in account.services {
                    for line in service.lines { sums[line.category, default: .zero] += line.amount.amount }
                }
            }
            present.formUnion(sums.filter { !$0.value.isZero }.keys)
            let segments = sums.filter { !$0.value.isZero }.map { Segment(category: $0.key, amount: $0.value) }
                .sorted { (InvoiceBuilder.rank($0.category), $0.category.rawValue) < (InvoiceBuilder.rank($1.category), $1.category.rawValue) }
            return Row(name: organization.name, segments: segments, total: organization.subtotal)
        }
        categories = present.sorted { (InvoiceBuilder.rank($0), $0.rawValue) < (InvoiceBuilder.rank($1), $1.rawValue) }
    }

    var svg: String {
        let barLeft = Self.labelWidth + 6
        let barWidth = Self.width - barLeft - Self.valueWidth - 6
        let positive = rows.map { $0.segments.filter { !$0.amount.isNegative }.map(\.amount).sum() }.max() ?? .zero
        let negative = rows.map { -$0.segments.filter { $0.amount.isNegative }.map(\.amount).sum() }.max() ?? .zero
        let span = positive + negative
        let legendLines = (categories.count + Self.legendColumns - 1) / Self.legendColumns
        let barsHeight = max(rows.count, 1) * Self.rowHeight
        let height = barsHeight + 10 + legendLines * Self.legendRow + 4
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.width) \(height)\" width=\"\(Self.width)\" "
        svg += "height=\"\(height)\" role=\"img\" aria-label=\"Cost by organization and category\" "
        svg += "font-family=\"-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif\" font-size=\"11\">\n"
        guard !span.isZero else {
            return svg + "<text x=\"0\" y=\"15\" fill=\"#5b6475\">No amounts to show.</text>\n</svg>\n"
        }
        func pixels(_ amount: Amount) -> Amount {
            ((try? Amount(barWidth).scaled(by: amount, over: span)) ?? .zero).rounded(toPlaces: 1)
        }
        let zero = Amount(barLeft) + pixels(negative)
        for (index, row) in rows.enumerated() {
            let top = index * Self.rowHeight + 4
            let textY = top + Self.barHeight - 3
            svg += "<text x=\"0\" y=\"\(textY)\" fill=\"#1d2330\">\(InvoiceHTML.escape(Self.shortened(row.name)))</text>\n"
            var right = Amount.zero, left = Amount.zero
            for segment in row.segments {
                let start = segment.amount.isNegative ? left + segment.amount : right
                let end = segment.amount.isNegative ? left : right + segment.amount
                if segment.amount.isNegative { left = start } else { right = end }
                let x = zero + pixels(start)
                let width = pixels(end) - pixels(start)
                guard width > .zero else { continue }
                svg += "<rect x=\"\(x)\" y=\"\(top)\" width=\"\(width)\" height=\"\(Self.barHeight)\" fill=\"\(color(segment.category))\">"
                svg += "<title>\(InvoiceHTML.escape("\(row.name) · \(InvoiceBuilder.label(segment.category)): "))"
                svg += "\(segment.amount.formatted(places: row.total.places))</title></rect>\n"
            }
            svg += "<text x=\"\(Self.width)\" y=\"\(textY)\" text-anchor=\"end\" font-weight=\"600\" fill=\"#1d2330\">"
            svg += "\(row.total.description)</text>\n"
        }
        svg += "<line x1=\"\(zero)\" y1=\"0\" x2=\"\(zero)\" y2=\"\(barsHeight + 2)\" stroke=\"#5b6475\" stroke-width=\"1\"/>\n"
        let columnWidth = Self.width / Self.legendColumns
        for (index, category) in categories.enumerated() {
            let x = (index % Self.legendColumns) * columnWidth
            let y = barsHeight + 10 + (index / Self.legendColumns) * Self.legendRow
            svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"10\" height=\"10\" fill=\"\(color(category))\"/>"
            svg += "<text x=\"\(x + 14)\" y=\"\(y + 9)\" fill=\"#343c4c\">\(InvoiceHTML.escape(Self.shortened(InvoiceBuilder.label(category), 30)))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The colour of a category; shared-cost rules take the shared palette in legend order.
    func color(_ category: AllocationCategory) -> String {
        if category.isShared {
            let shared = categories.filter(\.isShared)
            let index = shared.firstIndex(of: category) ?? 0
            return Self.sharedPalette[index % Self.sharedPalette.count]
        }
        switch category {
        case .usage: return "#2f5bea"
        case .commitmentCovered: return "#7d9bf5"
        case .commitmentUnused: return "#f0a23b"
        case .savingsAdjustment: return "#9a5bc4"
        case .credit: return "#1c9d68"
        case .tax: return "#8a94a6"
        case .fee: return "#3d4a63"
        default: return "#c3c9d4"
        }
    }

    static let sharedPalette = ["#e0557c", "#c2410c", "#d98cb3", "#b4387d", "#f07167"]

    /// `text` cut to `limit` characters with an ellipsis.
    static func shortened(_ text: String, _ limit: Int = 19) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
