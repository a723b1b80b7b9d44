import Mustache

/// What a template receives: a typed value that answers the template's keys by name.
///
/// Each context lists its keys once, in `fields`, with how to read each; `docs/templates.md`
/// documents the same keys (a test compares the two, and another renders every page with a
/// root that records any name no context answered). swift-mustache reads a `MustacheParent`
/// through `child(named:)`; a plain struct would be read by reflection, 3–4× slower.
///
/// Every key is answered, `false` when there is no value (`orFalse`): a section on it is
/// skipped and the lookup never climbs into an enclosing context, which is what made the old
/// one-letter key prefixes necessary. A template reaches an enclosing context's key only on
/// purpose — `heading`, from any part of a section.
///
/// Contexts are classes: swift-mustache casts each one it looks into from `Any`, and a class
/// is copied as one reference.
protocol TemplateContext: AnyObject, MustacheParent, MustacheCustomRepresentation, MustacheCustomRenderable {
    /// Every key the template can use, and how to read it from the context.
    static var fields: [String: @Sendable (Self) -> Any] { get }
    /// The keys of `fields`, sorted.
    static var keys: [String] { get }
}

extension TemplateContext {
    func child(named name: String) -> Any? {
        guard let read = Self.fields[name] else { return nil }
        return read(self)
    }

    static var keys: [String] { fields.keys.sorted() }
}

// swift-mustache asks every context it looks into, and every value it finds, whether it is a
// `MustacheCustomRepresentation` and, in a section, a `MustacheCustomRenderable`. A cast of a
// class instance that fails is the runtime's slowest (on Linux it then looks for a value boxed
// by Foundation: ≈ 1,000 instructions more, 3 % of a site build). So contexts answer both, as
// what they are: a context represents itself, and renders as `String(describing:)` renders
// it (never done: no template prints a context), never null — what swift-mustache did with
// them when the casts failed.
extension TemplateContext {
    var representation: Any? { self }
    var renderText: String { String(describing: self) }
    var isNull: Bool { false }
}

/// The value, or `false` when there is none: a template's `{{#key}}` section is skipped and
/// `{{key}}` renders nothing, without a lookup in the enclosing contexts.
@inline(__always) func orFalse<T>(_ value: T?) -> Any {
    if let value { value } else { false }
}

/// A text value renders as itself: swift-mustache renders a value it does not know through
/// `String(describing:)` after two more failed casts (lambda, optional), each a conformance
/// lookup of the runtime (≈ 1,500 instructions); as a `MustacheCustomRenderable` a `String` is
/// taken at the first protocol cast. The bytes are the same: `renderText` is the text that
/// `String(describing:)` gives, escaped by the same content type, and `isNull` is false, so
/// sections on a text behave as before. (Our own conformance of a standard type to the
/// library's protocol: nothing else in the tool renders templates.)
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

/// A text has no keys: a name looked up while a text is the innermost context (`{{label}}`
/// inside `{{#href}}…{{/href}}`) goes on to the enclosing contexts at once. swift-mustache
/// would first reflect the string (`Mirror`, ≈ 6,000 instructions, ten times a team page) to
/// find the same answer: a `String`'s mirror has no children.
extension String: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}
