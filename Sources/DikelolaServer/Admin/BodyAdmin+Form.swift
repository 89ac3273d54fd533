import DikelolaCore
import Foundation
import Vapor

extension BodyAdminController {
    struct BodyForm {
        var name: String = ""
        var slug: String = ""
        var region: String = ""
        var seat: String = ""
        var timeZone: String = TimeZoneRegion.wib.rawValue
        var letterhead: String = ""
        var decreeNumberTemplate: String = "000.5.10/{serial}/PPID/{romanMonth}/{year}"
        var workingHours: String = WorkingHours.civilService.description
        var periodHorizonYears: String = String(PeriodPolicy.standard.horizonYears)
        var legalBasis: String = Keputusan.defaultLegalBasis.joined(separator: "\n")
        var copiesTo: String = ""

        init() {}

        init(_ form: FormValues) {
            name = form["name"]
            slug = form["slug"]
            region = form["region"]
            seat = form["seat"]
            timeZone = form["timeZone"]
            letterhead = form["letterhead"]
            decreeNumberTemplate = form["decreeNumberTemplate"]
            // Left empty, the civil-service hours and the law's 30 years.
            workingHours = form["workingHours"].nilIfBlank ?? WorkingHours.civilService.description
            periodHorizonYears = form["periodHorizonYears"].nilIfBlank ?? String(PeriodPolicy.standard.horizonYears)
            legalBasis = form["legalBasis"]
            copiesTo = form["copiesTo"]
        }

        init(_ body: PublicBody) {
            name = body.name
            slug = body.slug
            region = body.region
            seat = body.seat
            timeZone = body.timeZone
            letterhead = body.letterheadLines.joined(separator: "\n")
            decreeNumberTemplate = body.decreeNumberTemplate
            workingHours = body.workingHoursText
            periodHorizonYears = String(body.periodHorizonYears)
            legalBasis = body.legalBasis.joined(separator: "\n")
            copiesTo = body.copiesTo.joined(separator: "\n")
        }

        static func lines(_ text: String) -> [String] {
            text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        var letterheadLines: [String] {
            letterhead.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        func errors(_ ctx: PageContext) -> [String: String] {
            var errors: [String: String] = [:]
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                errors["name"] = ctx.t("Nama resmi wajib diisi.", "The official name is required.")
            }
            if !PublicBody.isValidSlug(slug) {
                errors["slug"] = ctx.t(
                    "Isi dengan huruf kecil, angka dan tanda '-', misalnya kabupaten-sanggau.",
                    "Use lower-case letters, digits and '-', e.g. kabupaten-sanggau.")
            }
            if seat.trimmingCharacters(in: .whitespaces).isEmpty {
                errors["seat"] = ctx.t(
                    "Tempat kedudukan wajib diisi; dicetak sebagai tempat penetapan surat.",
                    "The seat is required; it is printed as the place of decrees.")
            }
            if region.trimmingCharacters(in: .whitespaces).isEmpty {
                errors["region"] = ctx.t("Wilayah wajib diisi.", "The region is required.")
            }
            if TimeZoneRegion(rawValue: timeZone) == nil {
                errors["timeZone"] = ctx.t("Pilih WIB, WITA atau WIT.", "Choose WIB, WITA or WIT.")
            }
            if letterheadLines.count > 6 {
                errors["letterhead"] = ctx.t("Kop surat paling banyak 6 baris.", "The letterhead has at most 6 lines.")
            }
            do { _ = try DecreeNumberTemplate(decreeNumberTemplate) } catch {
                errors["decreeNumberTemplate"] = error.description
            }
            do { _ = try WorkingHours.parse(workingHours) } catch { errors["workingHours"] = error.description }
            for (field, text) in [("legalBasis", legalBasis), ("copiesTo", copiesTo)] {
                let lines = Self.lines(text)
                if lines.count > 20 || lines.contains(where: { $0.count > 400 }) {
                    errors[field] = ctx.t("Paling banyak 20 baris, masing-masing 400 huruf.", "At most 20 lines of 400 characters.")
                }
            }
            if horizon == nil {
                let range = PeriodPolicy.horizonYearsRange
                errors["periodHorizonYears"] = ctx.t(
                    "Isi dengan bilangan bulat \(range.lowerBound) sampai \(range.upperBound).",
                    "Enter a whole number from \(range.lowerBound) to \(range.upperBound).")
            }
            return errors
        }

        /// The horizon typed, when it is a whole number in the lawful range.
        var horizon: Int? {
            let text = periodHorizonYears.trimmingCharacters(in: .whitespaces)
            guard text.utf8.count <= 3, let value = Int(text), PeriodPolicy.horizonYearsRange.contains(value) else { return nil }
            return value
        }

        func apply(to body: PublicBody) {
            body.name = name.trimmingCharacters(in: .whitespaces)
            body.slug = slug
            body.region = region.trimmingCharacters(in: .whitespaces)
            body.seat = seat.trimmingCharacters(in: .whitespaces)
            body.timeZone = timeZone
            body.letterheadLines = letterheadLines
            body.decreeNumberTemplate = decreeNumberTemplate.trimmingCharacters(in: .whitespaces)
            body.workingHoursText = (try? WorkingHours.parse(workingHours))?.description ?? body.workingHoursText
            body.periodHorizonYears = horizon ?? body.periodHorizonYears
            // Left empty (or as the defaults), the defaults apply and follow the body's name.
            let basis = Self.lines(legalBasis)
            body.decreeLegalBasis = basis.isEmpty || basis == Keputusan.defaultLegalBasis ? nil : basis
            let copies = Self.lines(copiesTo)
            body.decreeCopiesTo = copies.isEmpty || copies == ["PPID Utama \(body.name)", "Arsip"] ? nil : copies
        }

        var summary: String {
            "\(name) (\(slug)), \(region), \(timeZone), nomor \(decreeNumberTemplate), kop \(letterheadLines.count) baris, "
                + "jam kerja \(workingHours), batas jangka waktu \(periodHorizonYears) tahun"
        }
    }
}
