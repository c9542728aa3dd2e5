/// Savings Plans of one type that share eligibility (kind, family, Region) and a rate table, and so one
/// savings order of their candidate lines (`reference/aws-billing-rules.md` §3.2).
///
/// The candidate lines are bucketed by their rank in the table's ``SavingsOrder`` (a counting sort, so
/// each bucket keeps account/line order): run `r` is the `r`-th non-empty bucket, lines of equal priority.
struct SavingsPlanPool {
    /// Plan positions, in ID order.
    let plans: [Int]
    /// Candidate lines (eligible, with usage left when the pool was built), run after run.
    let lines: [Int32]
    /// Run `r` is `lines[runStarts[r]..<runStarts[r + 1]]`.
    let runStarts: [Int32]
    /// The plans' rate for each run's lines.
    let runRates: [Amount]
    /// For each plan-owner slot, the runs holding that owner's lines, in savings order.
    let ownerRuns: [[Int32]]
    /// Runs before this index have no usage left.
    var cursor = 0

    /// The number of runs.
    var runCount: Int { runRates.count }

    /// The lines of run `run`, in account/line order.
    func lines(ofRun run: Int) -> ArraySlice<Int32> {
        lines[Int(runStarts[run])..<Int(runStarts[run + 1])]
    }
}
