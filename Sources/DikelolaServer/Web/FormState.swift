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

    /// What was typed in `field` when `form` is the refused one, else `fallback` (what is stored).
    func value(_ form: String, _ field: String, default fallback: String) -> String {
        self.form == form ? (values.optional(field) ?? fallback) : fallback
    }

    /// What was typed in `field` when `form` is the refused one; nil for any other form, so the
    /// caller shows what is stored (a refused memo must not blank the meeting beside it).
    func value(_ form: String, _ field: String) -> String? {
        self.form == form ? (values.optional(field) ?? "") : nil
    }

    func error(_ form: String, _ field: String) -> String? { self.form == form ? errors[field] : nil }
}
