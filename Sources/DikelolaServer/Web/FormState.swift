import DikelolaCore
import Foundation
import Plot
import Vapor

/// A form on the proposal page that was refused: which one, what was typed, what is wrong.
struct FormState {
    var form: String
    var values: FormValues
    var errors: [String: String]
    var message: String?

    func value(_ form: String, _ field: String, default fallback: String = "") -> String {
        self.form == form ? (values.optional(field) ?? fallback) : fallback
    }

    func error(_ form: String, _ field: String) -> String? { self.form == form ? errors[field] : nil }
}
