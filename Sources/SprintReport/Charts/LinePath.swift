/// Path data for a line through present points; a missing value breaks the line (a gap,
/// never a zero).
enum LinePath {
    /// `M x y l dx dy …` per run of present points (`PathData`'s compact form).
    static func d(_ points: [(x: Double, y: Double)?]) -> String {
        var path = PathData()
        var previousPresent = false
        for p in points {
            guard let p else {
                previousPresent = false
                continue
            }
            if previousPresent {
                path.line(p.x, p.y)
            } else {
                path.move(p.x, p.y)
            }
            previousPresent = true
        }
        return path.text
    }

    /// Indices of points with no present neighbour: a line cannot show them, a dot must.
    static func isolated(_ points: [(x: Double, y: Double)?]) -> [Int] {
        points.indices.filter { i in
            points[i] != nil && (i == 0 || points[i - 1] == nil) && (i == points.count - 1 || points[i + 1] == nil)
        }
    }
}
