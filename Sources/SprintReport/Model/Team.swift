/// A team (or an org-tree node that has rows of its own in the export).
public struct Team: Sendable, Hashable {
    /// Stable key: the team id when the file has one, else the hierarchy path, else the name.
    public var key: String
    /// Display name (the `Team` column, else the last element of the path, else the key).
    public var name: String
    /// `/`-separated path from the org-tree root; its last element is the team itself.
    /// A team without a hierarchy has the path `[name]` (it hangs from the root).
    public var path: [String]
    /// The org tree's name (`Org_Tree`), when the export names it.
    public var orgTree: String?
    /// Earlier names of a renamed team (the same id under another name in other rows), in
    /// the order first seen; `name` is the one of its latest period.
    public var otherNames: [String]

    public init(key: String, name: String, path: [String], orgTree: String? = nil, otherNames: [String] = []) {
        self.key = key
        self.name = name
        self.path = path
        self.orgTree = orgTree
        self.otherNames = otherNames
    }

    /// The path as the export writes it: `Engineering/Platform/Falcon`.
    public var pathString: String { Self.pathString(path) }

    /// The byte between a path's elements, in an export's hierarchy and in every report.
    public static let pathSeparator = UInt8(ascii: "/")

    /// A path's elements joined as the export writes them.
    public static func pathString(_ path: [String]) -> String {
        path.joined(separator: String(UnicodeScalar(pathSeparator)))
    }
}
