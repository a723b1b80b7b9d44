/// The files of `Templates/` and `Resources/` compiled into the binary.
///
/// `.embedInCode` flattens names and cannot list its files, so this registry names each one;
/// a test checks that every file of those folders is listed here, with the same text.
enum EmbeddedFiles {
    /// Templates by file name (`layout.mustache`); registered without the extension.
    static let templates: [(name: String, text: String)] = [
        ("layout.mustache", PackageResources.layout_mustache),
        ("page-index.mustache", PackageResources.page_index_mustache),
        ("page-node.mustache", PackageResources.page_node_mustache),
        ("page-team.mustache", PackageResources.page_team_mustache),
        ("page-data-quality.mustache", PackageResources.page_data_quality_mustache),
        ("page-single.mustache", PackageResources.page_single_mustache),
        ("section-index.mustache", PackageResources.section_index_mustache),
        ("section-node.mustache", PackageResources.section_node_mustache),
        ("section-team.mustache", PackageResources.section_team_mustache),
        ("section-data-quality.mustache", PackageResources.section_data_quality_mustache),
        ("part-tiles.mustache", PackageResources.part_tiles_mustache),
        ("part-figure.mustache", PackageResources.part_figure_mustache),
        ("part-table.mustache", PackageResources.part_table_mustache),
        ("part-latest.mustache", PackageResources.part_latest_mustache),
        ("part-breadcrumb.mustache", PackageResources.part_breadcrumb_mustache),
    ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }

    /// Style sheets inlined into every page, in this order.
    static let styles: [(name: String, text: String)] = [
        ("site.css", String(decoding: PackageResources.site_css, as: UTF8.self)),
        ("charts.css", String(decoding: PackageResources.charts_css, as: UTF8.self)),
    ]
}
