extension ConfigValidator {
    /// BU ids valid and unique across the whole tree, names given, a default BU that exists.
    mutating func checkBusinessUnits() {
        let root = ConfigPath.root.key("business-units")
        if config.businessUnits.isEmpty { report(root, "declare at least one BU") }
        var firstPath: [String: ConfigPath] = [:]
        func walk(_ units: [BusinessUnitDeclaration], at list: ConfigPath, _ validator: inout ConfigValidator) {
            for (index, unit) in units.enumerated() {
                let path = list.index(index)
                if !Self.isBusinessUnitId(unit.id) {
                    validator.report(path.key("id"), "'\(unit.id)' is not a valid BU id ([a-z0-9][a-z0-9_-]*)")
                } else if let first = firstPath[unit.id] {
                    validator.report(path.key("id"), "duplicate BU '\(unit.id)' (also \(first))")
                } else {
                    firstPath[unit.id] = path
                }
                validator.checkNotEmpty(unit.name, at: path.key("name"))
                walk(unit.children, at: path.key("children"), &validator)
            }
        }
        walk(config.businessUnits, at: root, &self)
        if !config.businessUnits.isEmpty { checkBU(config.defaultBU, at: .root.key("default-bu")) }
    }
}
