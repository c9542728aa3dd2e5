extension ConfigValidator {
    /// Savings and credit settings: what a mode needs is given, and every BU named exists and every
    /// percentage is valid, whatever the mode (a setting the mode ignores may be kept for later).
    mutating func checkPolicies() {
        let savingsPath = ConfigPath.root.key("policies").key("savings")
        let savings = config.policies.savings
        let centralPath = savingsPath.key("central-bu")
        let sharePath = savingsPath.key("share-percent")
        if let central = savings.centralBU {
            checkBU(central, at: centralPath)
        } else if savings.mode != .passThrough {
            report(centralPath, "required for mode \(savings.mode.rawValue)")
        }
        if let percent = savings.sharePercent {
            checkSharePercent(percent, at: sharePath)
        } else if savings.mode == .share {
            report(sharePath, "required for mode share")
        }

        let credits = config.policies.credits
        let creditsBU = ConfigPath.root.key("policies").key("credits").key("bu")
        if let bu = credits.bu {
            checkBU(bu, at: creditsBU)
        } else if credits.mode == .directed {
            report(creditsBU, "required for mode directed")
        }
    }

    private mutating func checkSharePercent(_ text: String, at path: ConfigPath) {
        guard let percent = try? Amount(parsing: text) else {
            report(path, "'\(text)' is not a number")
            return
        }
        if percent <= .zero || percent > Amount(100) { report(path, "\(text) is not in (0, 100]") }
    }
}
