#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who and when a record is about (`docs/input-format.md#dimensions`): its team
/// (interned once per distinct key), its period, its computation mode and its level.
extension RecordMapper {
    /// The team of a record: key = team id, else hierarchy path, else name.
    func team(_ r: borrowing CSVRecord) -> Int32? {
        var keyColumn = -1
        var key = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        for c in keyColumns {
            let b = cell(r, c)
            if !b.isEmpty { key = b; keyColumn = c; break }
        }
        if keyColumn < 0 { return nil }
        if keyColumn == lastKeyColumn, lastKeyBytes.count == key.count,
           lastKeyBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) {
            return lastTeam
        }
        // Cleaned before it is interned: the key is the team's identity in every later stage.
        let keyText = FileText.string(key)
        var isNew = false
        let t = store.team(key: keyText) {
            isNew = true
            return identity(r, key: keyText)
        }
        // A team met again in a later file: a renamed or moved team comes back under the same
        // id with another name or path. Looked at once per file; built only when a cell differs.
        if !isNew && !teamsSeen.contains(t) {
            let known = store.currentIdentity(t)
            let sameName = col.teamName < 0 || cell(r, col.teamName).elementsEqual(known.name.utf8)
            let samePath = col.hierarchy < 0 || cell(r, col.hierarchy).elementsEqual(known.pathString.utf8)
            if !sameName || !samePath {
                let seen = identity(r, key: keyText)
                if seen.name != known.name || seen.path != known.path { store.noteIdentity(t, seen) }
            }
        }
        lastKeyColumn = keyColumn
        lastKeyBytes = Array(key)
        lastTeam = t
        return t
    }

    /// The team as this record names it: display name, path, org tree.
    func identity(_ r: borrowing CSVRecord, key: String) -> Team {
        let name = text(r, col.teamName)
        var path = Self.pathElements(cell(r, col.hierarchy))
        let display = name ?? path.last ?? key
        if path.isEmpty { path = [display] }
        return Team(key: key, name: display, path: path, orgTree: text(r, col.orgTree))
    }

    /// The elements of a hierarchy cell: split at `/`, trimmed, empty ones dropped. An ASCII
    /// cell is split as bytes (splitting a `String` by `Character` cost ~29,000 instructions
    /// a team); any other goes through `String` (`TeamDirectory.pathElements`, the
    /// definition), where `/` followed by a combining mark is one character and does not split.
    static func pathElements(_ b: UnsafeBufferPointer<UInt8>) -> [String] {
        if b.isEmpty { return [] }
        guard !b.contains(where: { $0 >= 0x80 }) else {
            return TeamDirectory.pathElements(FileText.string(b))
        }
        var path: [String] = []
        var start = 0
        for i in 0...b.count where i == b.count || b[i] == Team.pathSeparator {
            var lo = start, hi = i
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            if hi > lo { path.append(FileText.string(UnsafeBufferPointer(rebasing: b[lo..<hi]))) }
            start = i + 1
        }
        return path
    }

    /// The period of a record. The label and sprint id bytes go to the file's `PeriodText`
    /// block: no `String` per row.
    func period(_ r: borrowing CSVRecord) -> Period? {
        let nameBytes = cell(r, col.sprintName)
        let idBytes = cell(r, col.sprintId)
        var labelBytes = cell(r, col.periodLabel)
        var periodLabel: String?
        var granularity: Granularity?
        if !labelBytes.isEmpty {
            let p = String(decoding: labelBytes, as: UTF8.self)
            if let g = HeaderName.granularity(p) {
                granularity = g  // a bucket size, not a period ("Sprint", "MONTHLY")
                labelBytes = UnsafeBufferPointer(start: nil, count: 0)
            } else {
                periodLabel = p
            }
        }
        let start = col.start < 0 ? nil : days.day(cell(r, col.start))
        let end = col.end < 0 ? nil : days.day(cell(r, col.end))
        var orderDay = start
        if let p = periodLabel, let parsed = PeriodLabel.parse(p) {
            if orderDay == nil { orderDay = parsed.day }
            granularity = granularity ?? parsed.granularity
        }
        if granularity == nil, sprintLevelFile { granularity = .sprint }
        // Constants from here on: captured by the functions below (which run inside
        // closures) as values, not as boxed variables checked on every access.
        let hasId = !idBytes.isEmpty, bucket = granularity, order = orderDay
        func keep(_ label: UnsafeBufferPointer<UInt8>, _ id: UnsafeBufferPointer<UInt8>) -> Period {
            let n = label.count + id.count
            if textSize - textUsed < n {
                textSize = max(Self.textBlock, n)
                text = PeriodText.make(capacity: textSize)
                textUsed = 0
            }
            let offset = textUsed
            let block = text  // read once: each read of the property is a retain and a release
            block.write(label, at: offset)
            if hasId { block.write(id, at: offset + label.count) }
            textUsed = offset + n
            return Period(text: block, offset: offset, labelCount: label.count, idCount: hasId ? id.count : nil,
                          start: start, end: end, granularity: bucket, orderDay: order, sequence: store.sequence)
        }
        /// The period with `label`, its label and id bytes cleaned (`FileText`) when they
        /// hold anything to replace (rare: otherwise they are copied as they are).
        func make(_ label: UnsafeBufferPointer<UInt8>) -> Period {
            let cleanLabel = FileText.cleanedBytes(label), cleanId = hasId ? FileText.cleanedBytes(idBytes) : nil
            if cleanLabel == nil && cleanId == nil { return keep(label, idBytes) }
            let l = cleanLabel ?? Array(label), i = cleanId ?? Array(idBytes)
            return l.withUnsafeBufferPointer { lb in i.withUnsafeBufferPointer { ib in keep(lb, ib) } }
        }
        if !nameBytes.isEmpty { return make(nameBytes) }
        if !labelBytes.isEmpty { return make(labelBytes) }
        if hasId { return make(idBytes) }
        guard let start else { return nil }
        var d = start.description
        return d.withUTF8 { make($0) }
    }

    /// The mode cell of a record, if the file has one and it names a mode.
    func mode(_ r: borrowing CSVRecord) -> ComputationMode? {
        if col.mode < 0 { return nil }
        let b = cell(r, col.mode)
        if lastModeBytes.elementsEqual(b) { return lastMode }
        lastModeBytes = Array(b)
        lastMode = HeaderName.mode(String(decoding: b, as: UTF8.self))
        return lastMode
    }

    func rowLevel(_ r: borrowing CSVRecord) -> RowLevel {
        if sprintLevelFile { return .sprint }
        if col.level >= 0, let t = text(r, col.level), let l = HeaderName.level(t) { return l }
        return .team
    }
}
