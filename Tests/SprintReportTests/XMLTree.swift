import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A markup fragment read back by an XML parser (libxml2 through Foundation): the independent
/// reader the escaping tests compare the writers against. A fragment that a writer escaped
/// wrongly does not parse, or parses into other elements or other text.
indirect enum XMLTree: Equatable, CustomStringConvertible {
    case element(String, [String: String], [XMLTree])
    case text(String)

    /// Parses `markup` (one root element); nil when it is not well-formed.
    static func parse(_ markup: String) -> XMLTree? {
        let reader = Reader()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = reader
        guard parser.parse(), let root = reader.root else { return nil }
        return root
    }

    /// `el("td", ["class": "num"], "12")`.
    static func el(_ name: String, _ attributes: [String: String] = [:], _ children: XMLTree...) -> XMLTree {
        .element(name, attributes, children)
    }

    /// An element with children given as an array: adjacent texts merged, then empty texts
    /// and the line breaks between elements (texts of only `\n`) dropped — on both sides of a
    /// comparison, the parser's and the expected.
    static func el(_ name: String, _ attributes: [String: String] = [:], children: [XMLTree]) -> XMLTree {
        var merged: [XMLTree] = []
        for child in children {
            if case .text(let t) = child, case .text(let before)? = merged.last {
                merged[merged.count - 1] = .text(before + t)
            } else {
                merged.append(child)
            }
        }
        return .element(name, attributes, merged.filter {
            if case .text(let t) = $0 { !t.allSatisfy { $0 == "\n" } } else { true }
        })
    }

    /// What an XML parser gives for an attribute value written as `value`: line ends become
    /// `\n`, then tabs and line feeds become spaces (attribute-value normalisation).
    static func attribute(_ value: String) -> String {
        text(value).replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// What an XML parser gives for character data written as `value`: line ends become `\n`.
    static func text(_ value: String) -> String {
        value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Characters XML 1.0 cannot carry at all (C0 controls other than tab, line feed and
    /// carriage return): the tests leave strings with them out.
    static func isXMLText(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    var description: String {
        switch self {
        case .text(let t): t.debugDescription
        case let .element(name, attributes, children):
            name + "(" + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.debugDescription)" }
                .joined(separator: " ") + ")[" + children.map(\.description).joined(separator: ", ") + "]"
        }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var stack: [(name: String, attributes: [String: String], children: [XMLTree])] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            // The SVG namespace declaration, when the parser reports it, is not content.
            stack.append((name, attributes.filter { $0.key != "xmlns" }, []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].children.append(.text(string))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let top = stack.popLast() else { return }
            let node = XMLTree.el(top.name, top.attributes, children: top.children)
            if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
        }
    }
}
