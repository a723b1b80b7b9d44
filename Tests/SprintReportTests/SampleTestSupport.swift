@testable import SprintReport

/// A minimal RFC 4180 reader for the generator's own output (kept apart from the project's
/// reader so the generator's tests do not depend on it).
struct SampleTable {
    var header: [String]
    var rows: [[String]]

    init(_ bytes: [UInt8]) {
        var records: [[String]] = []
        var field: [UInt8] = []
        var record: [String] = []
        var quoted = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") {
                quoted = true
            } else if b == UInt8(ascii: ",") {
                record.append(String(decoding: field, as: UTF8.self))
                field = []
            } else if b == UInt8(ascii: "\n") {
                record.append(String(decoding: field, as: UTF8.self))
                records.append(record)
                field = []
                record = []
            } else {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(String(decoding: field, as: UTF8.self))
            records.append(record)
        }
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The value of metric `m` (column `Title_Case` + `suffix`) in `row`; nil when empty.
    func value(_ row: [String], _ m: Metric, suffix: String = "") -> Double? {
        guard let c = column(SampleColumns.titleCase(m) + suffix), !row[c].isEmpty else { return nil }
        return Double(row[c])
    }

    /// The identities of `docs/metrics.md#identities-derive-and-check` that do not hold in `row` (tolerance as the spec
    /// says), as readable descriptions; empty when all hold.
    func brokenIdentities(_ row: [String], suffix: String = "") -> [String] {
        func v(_ m: Metric) -> Double? { value(row, m, suffix: suffix) }
        var broken: [String] = []
        func check(_ name: String, _ exported: Double?, _ computed: Double?) {
            guard let x = exported, let y = computed else { return }
            if abs(x - y) > 0.01 + 0.005 * max(abs(x), abs(y)) { broken.append("\(name): \(x) vs \(y)") }
        }
        func ratio(_ n: Double?, _ d: Double?, _ scale: Double) -> Double? {
            guard let n, let d, d != 0 else { return nil }
            return scale * n / d
        }
        let c = v(.sprintCommit), a = v(.sprintCreep), dc = v(.deliveredCommit), da = v(.deliveredCreep)
        let s = v(.sprintSize), d = v(.totalWorkDelivered)
        check("S", s, c.flatMap { c in a.map { c + $0 } })
        check("MC", v(.missedCommit), c.flatMap { c in dc.map { c - $0 } })
        check("MA", v(.missedCreep), a.flatMap { a in da.map { a - $0 } })
        check("D", d, dc.flatMap { dc in da.map { dc + $0 } })
        check("SCP", v(.scopeCreepPercent), ratio(a, c, 100))
        check("CWDP", v(.committedWorkDeliveredPercent), ratio(dc, c, 100))
        check("CrWDP", v(.creepWorkDeliveredPercent), ratio(da, a, 100))
        check("TWDP", v(.totalWorkDeliveredPercent), ratio(d, s, 100))
        check("DvsC", v(.totalDeliveredWorkVsCommittedWork), ratio(d, c, 1))
        if let r = v(.ticketsRemovedMidSprint) {
            check("CHURN", v(.churnRate), ratio(a.map { $0 + r }, c, 100))
        }
        // A ratio is printed exactly when its denominator is not 0.
        if c == 0 && v(.scopeCreepPercent) != nil { broken.append("SCP printed for C = 0") }
        if c != 0 && v(.scopeCreepPercent) == nil { broken.append("SCP missing") }
        return broken
    }
}
