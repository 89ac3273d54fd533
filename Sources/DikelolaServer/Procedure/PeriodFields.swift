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

    /// The form's field a problem of the test stands beside: a period's problem beside the part of
    /// the period at fault (the end date, the review date, the event…), the rest by their own name.
    static func field(on form: FormValues) -> (ConsequenceTest.Problem) -> String {
        let kind = form["periodKind"]
        return { problem in
            guard case let .period(violation) = problem else { return problem.field }
            switch violation {
            case .emptyLength, .negativeLength, .lengthTooLong: return "years"
            case .startsAfterClassification, .startsImplausiblyEarly: return kind == "length" ? "from" : "end"
            case .endNotAfterStart, .exceedsThirtyYears, .beyondHorizon, .alreadyEnded, .eventNeedsLatestEnd, .mustNotBeOpenEnded:
                return kind == "length" ? "years" : "end"
            case .reviewNotAfterStart, .reviewAfterLatestEnd: return "reviewOn"
            case .eventMissing, .eventMeansForever, .eventUnreadable: return "event"
            case .statuteMissing, .statuteNotRecognised: return "statute"
            default: return "periodKind"
            }
        }
    }

    /// Reads the period back from a posted form; a field error names the field that is wrong.
    static func period(from form: FormValues) -> Result<ExemptionPeriod, FieldError> {
        let (period, errors) = read(form)
        if let period { return .success(period) }
        let first = errors.sorted { $0.key < $1.key }.first
        return .failure(FieldError(field: first?.key ?? "periodKind", message: first?.value ?? "Pilih jenis jangka waktu."))
    }

    /// Reads the period back from a posted form: the period, or every field that is wrong at once.
    static func read(_ form: FormValues) -> (ExemptionPeriod?, errors: [String: String]) {
        var errors: [String: String] = [:]
        func date(_ name: String, required: Bool) -> LocalDate? {
            guard let text = form[name].nilIfBlank else {
                if required { errors[name] = "Tanggal \(Labels.periodField(name)) wajib diisi." }
                return nil
            }
            guard let value = LocalDate(iso: text) else {
                errors[name] = "Tanggal \(Labels.periodField(name)) tidak valid: tulis tanggal antara tahun 1900 dan 9999."
                return nil
            }
            return value
        }
        var period: ExemptionPeriod?
        switch form["periodKind"] {
        case "length":
            var length: PeriodLength?
            do {
                length = try PeriodLength.parse(years: form["years"], months: form["months"], days: form["days"])
            } catch {
                errors["years"] = error.description
            }
            let from = date("from", required: true)
            if let length, let from { period = .length(length, from: from) }
        case "until":
            period = date("end", required: true).map(ExemptionPeriod.until)
        case "event":
            let review = date("reviewOn", required: true)
            let latest = date("end", required: false)
            if let review, errors["end"] == nil { period = .untilEvent(event: form["event"], reviewOn: review, latestEnd: latest) }
        case "statute":
            let end = date("end", required: false)
            if errors["end"] == nil { period = .asStatuteSets(statute: form["statute"], end: end) }
        default:
            errors["periodKind"] = "Pilih jenis jangka waktu."
        }
        return (errors.isEmpty ? period : nil, errors)
    }
}

struct FieldError: Error {
    let field: String
    let message: String
}
