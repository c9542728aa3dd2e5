/// The first problems of a read and a count of the rest.
struct ProblemLog {
    let limit: Int
    private(set) var listed: [CURProblem] = []
    private(set) var additional = 0

    init(limit: Int) {
        self.limit = max(limit, 1)
    }

    var isEmpty: Bool { listed.isEmpty }

    mutating func record(_ problem: CURProblem) {
        if listed.count < limit {
            listed.append(problem)
        } else {
            additional += 1
        }
    }

    /// The error that ends a read which found problems.
    func error() -> CURReadError {
        let total = listed.count + additional
        let first = listed.first
        return CURReadError(
            .invalidRows, "\(total) problem\(total == 1 ? "" : "s") in the rows; the delivery must not be loaded:",
            file: first?.file, line: first?.line, column: first?.column,
            problems: listed, additionalProblemCount: additional)
    }
}
