import Foundation

/// Pure geometry of one chart: what `SVGWriter` turns into markup.
/// Every colour is a CSS class (`Resources/charts.css`); every number is a user unit.
struct ChartGeometry: Sendable, Equatable {
    var width: Double
    var height: Double
    /// Prefix of every id inside the SVG (`ID-title`, `ID-desc`).
    var idPrefix: String
    /// The accessible name (`<title>`) and the one-sentence description (`<desc>`).
    var title: String
    var description: String
    /// Drawn in order: grid first, marks, then labels on top.
    var groups: [MarkGroup] = []

    /// Every text mark, for checks (clip safety, overlap).
    var texts: [TextMark] {
        groups.flatMap { $0.marks.compactMap { if case .text(let t) = $0 { t } else { nil } } }
    }
}

/// A `<g>`: marks with a common class, optionally a link (heatmap row labels).
struct MarkGroup: Sendable, Equatable {
    var cls: String
    var href: String? = nil
    var marks: [ChartMark]
}

enum ChartMark: Sendable, Equatable {
    case rect(RectMark)
    case path(PathMark)
    case circle(CircleMark)
    case line(LineMark)
    case text(TextMark)
}

struct RectMark: Sendable, Equatable {
    var x, y, width, height: Double
    var cls: String
    var title: String? = nil
}

struct PathMark: Sendable, Equatable {
    var d: String
    var cls: String
    var title: String? = nil
}

struct CircleMark: Sendable, Equatable {
    var cx, cy, r: Double
    var cls: String
    var title: String? = nil
}

struct LineMark: Sendable, Equatable {
    var x1, y1, x2, y2: Double
    var cls: String
}

enum TextAnchor: String, Sendable {
    case start, middle, end
}

struct TextMark: Sendable, Equatable {
    var x, y: Double
    var text: String
    var cls: String
    var fontSize: Double
    var anchor: TextAnchor = .start
    /// Degrees of rotation about (x, y); 0 or −45.
    var rotate: Double = 0
    var title: String? = nil

    /// Estimated box (minX, minY, maxX, maxY) of the rendered text, rotation included.
    var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        let w = TextMetrics.width(text, fontSize: fontSize)
        let x0: Double = switch anchor {
        case .start: 0
        case .middle: -w / 2
        case .end: -w
        }
        let corners = [(x0, -0.8 * fontSize), (x0 + w, -0.8 * fontSize), (x0, 0.25 * fontSize), (x0 + w, 0.25 * fontSize)]
        let a = rotate * Double.pi / 180
        let c = cos(a), s = sin(a)
        let pts = corners.map { (x + $0.0 * c - $0.1 * s, y + $0.0 * s + $0.1 * c) }
        return (pts.map(\.0).min()!, pts.map(\.1).min()!, pts.map(\.0).max()!, pts.map(\.1).max()!)
    }
}
