import Mustache

/// The chart templates (`Templates/charts/*.mustache`) compiled into the binary.
///
/// `chart-<kind>` is the entry point of each chart (`planned-delivered`, `delivered-forecast`,
/// `say-do`, `creep-churn`, `heatmap`, `sparkline`); the first five include the shared frame
/// `chart-svg`, and every chart draws its mark groups with the partial `chart-group`.
/// A user's `--templates DIR` may replace any of them by name.
public enum ChartTemplates {
    /// Every chart template name, in a stable order.
    public static let names = embedded.map(\.name)

    /// Name and embedded text of every chart template.
    public static let embedded: [(name: String, text: String)] = [
        ("chart-svg", PackageResources.chart_svg_mustache),
        ("chart-group", PackageResources.chart_group_mustache),
        ("chart-planned-delivered", PackageResources.chart_planned_delivered_mustache),
        ("chart-delivered-forecast", PackageResources.chart_delivered_forecast_mustache),
        ("chart-say-do", PackageResources.chart_say_do_mustache),
        ("chart-creep-churn", PackageResources.chart_creep_churn_mustache),
        ("chart-heatmap", PackageResources.chart_heatmap_mustache),
        ("chart-sparkline", PackageResources.chart_sparkline_mustache),
    ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }

    /// The chart styles (`Resources/charts.css`), to inline into every page.
    public static let css = String(decoding: PackageResources.charts_css, as: UTF8.self)
}
