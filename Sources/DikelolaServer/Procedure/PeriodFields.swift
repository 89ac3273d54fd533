import DikelolaCore
import Foundation
import Plot
import Vapor

/// The period of a test spread over the form's fields.
struct PeriodFields {
    var kind = "length", years = "", months = "", from = "", end = "", event = "", reviewOn = "", statute = ""

    init(_ period: ExemptionPeriod?) {
        switch period {
        case let .length(length, start)?:
            kind = "length"; years = String(length.years); months = String(length.months); from = start.iso
        case let .until(date)?:
            kind = "until"; end = date.iso
        case let .untilEvent(text, review, latest)?:
            kind = "event"; event = text; reviewOn = review.iso; end = latest?.iso ?? ""
        case let .asStatuteSets(text, date)?:
            kind = "statute"; statute = text; end = date?.iso ?? ""
        case nil:
            break
        }
    }

    /// The form's fields of a period: an error of one stands beside it.
    static let fieldNames: Set<String> = ["periodKind", "years", "months", "from", "end", "event", "reviewOn", "statute"]

    /// Reads the period back from a posted form; a field error names the field that is wrong.
    static func period(from form: FormValues) -> Result<ExemptionPeriod, FieldError> {
        func date(_ name: String, required: Bool) -> Result<LocalDate?, FieldError> {
            guard let text = form[name].nilIfBlank else {
                return required
                    ? .failure(FieldError(field: name, message: "Tanggal \(Labels.periodField(name)) wajib diisi."))
                    : .success(nil)
            }
            guard let value = LocalDate(iso: text) else {
                return .failure(
                    FieldError(
                        field: name,
                        message: "Tanggal \(Labels.periodField(name)) tidak valid: tulis tanggal antara tahun 1900 dan 9999."))
            }
            return .success(value)
        }
        func requiredDate(_ name: String) throws -> LocalDate {
            guard let value = try date(name, required: true).get() else {
                throw FieldError(field: name, message: "Tanggal \(Labels.periodField(name)) wajib diisi.")
            }
            return value
        }
        do {
            switch form["periodKind"] {
            case "length":
                let length: PeriodLength
                do {
                    length = try PeriodLength.parse(years: form["years"], months: form["months"], days: form["days"])
                } catch {
                    return .failure(FieldError(field: "years", message: error.description))
                }
                return .success(.length(length, from: try requiredDate("from")))
            case "until":
                return .success(.until(try requiredDate("end")))
            case "event":
                return .success(
                    .untilEvent(
                        event: form["event"], reviewOn: try requiredDate("reviewOn"),
                        latestEnd: try date("end", required: false).get()))
            case "statute":
                return .success(.asStatuteSets(statute: form["statute"], end: try date("end", required: false).get()))
            default:
                return .failure(FieldError(field: "periodKind", message: "Pilih jenis jangka waktu."))
            }
        } catch let error as FieldError {
            return .failure(error)
        } catch {
            return .failure(FieldError(field: "periodKind", message: "\(error)"))
        }
    }
}

struct FieldError: Error {
    let field: String
    let message: String
}
