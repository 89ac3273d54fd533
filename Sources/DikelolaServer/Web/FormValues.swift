import Vapor

/// The fields of a posted form. A field a browser leaves out (an unchecked box, a field added to
/// the page later) reads as empty, so a form never fails with a decoding error.
struct FormValues: Sendable {
    let values: [String: String]

    subscript(_ name: String) -> String { values[name] ?? "" }

    /// Nil when absent, as an unchecked checkbox is.
    func optional(_ name: String) -> String? { values[name] }
}

extension Request {
    func formValues() throws -> FormValues {
        FormValues(values: (try? content.decode([String: String].self)) ?? [:])
    }
}
