import DikelolaCore
import Fluent
import Foundation
import Plot
import Vapor

/// The pages of `BodyAdminController`: a body's settings, a new body, a unit.
extension BodyAdminController {
    static func bodyFields(_ ctx: PageContext, _ form: BodyForm, _ errors: [String: String]) -> Node<HTML.FormContext> {
        .group(
            Layout.field(
                "name", published: .published, label: ctx.t("Nama resmi", "Official name"), value: form.name, autocomplete: "organization",
                error: errors["name"], hint: ctx.t("Misalnya: Pemerintah Kabupaten Sanggau", "E.g. Pemerintah Kabupaten Sanggau")),
            Layout.field(
                "slug", published: .published, label: ctx.t("Nama singkat untuk alamat web", "Short name for web addresses"), value: form.slug,
                autocomplete: "off", error: errors["slug"], hint: ctx.t("Huruf kecil dan tanda '-'", "Lower case and '-'")),
            Layout.field(
                "region", published: .internalOnly, label: ctx.t("Wilayah", "Region"), value: form.region, autocomplete: "off", error: errors["region"]),
            Layout.field(
                "seat", published: .published, label: ctx.t("Tempat kedudukan", "Seat"), value: form.seat, autocomplete: "off",
                error: errors["seat"],
                hint: ctx.t(
                    "Kota tempat surat penetapan ditandatangani, mis. Sanggau.", "The town where decrees are signed, e.g. Sanggau.")),
            FormFields.select(
                "timeZone", published: .internalOnly, label: ctx.t("Zona waktu", "Time zone"),
                options: TimeZoneRegion.allCases.map { ($0.rawValue, $0.rawValue) }, selected: form.timeZone,
                error: errors["timeZone"], hint: ctx.t("Tenggat dihitung pada zona ini.", "Deadlines are computed in this zone.")),
            FormFields.textarea(
                "letterhead", published: .internalOnly, label: ctx.t("Kop surat (satu baris per baris)", "Letterhead (one line per line)"),
                value: form.letterhead, error: errors["letterhead"]),
            Layout.field(
                "decreeNumberTemplate", published: .internalOnly, label: ctx.t("Pola nomor surat penetapan", "Decree number pattern"),
                value: form.decreeNumberTemplate, autocomplete: "off", error: errors["decreeNumberTemplate"],
                hint: ctx.t(
                    "Penanda: {serial}, {serial:3}, {year}, {month}, {romanMonth}. Contoh hasil: 000.5.10/12/PPID/XI/2026.",
                    "Markers: {serial}, {serial:3}, {year}, {month}, {romanMonth}. Example: 000.5.10/12/PPID/XI/2026.")),
            Layout.field(
                "workingHours", published: .internalOnly, label: ctx.t("Jam kerja", "Working hours"), value: form.workingHours,
                autocomplete: "off", error: errors["workingHours"],
                hint: ctx.t(
                    "Waktu langkah SOP dalam jam dan menit dihitung pada jam kerja ini; langkah dalam hari jatuh tempo saat jam kerja hari terakhir berakhir.",
                    "SOP step times in hours and minutes count these hours; day standards fall due when the last day closes.")),
            Layout.field(
                "periodHorizonYears", published: .internalOnly,
                label: ctx.t("Batas jangka waktu pengecualian (tahun sejak penetapan)", "Exemption horizon (years after the decree)"),
                type: .number, value: form.periodHorizonYears, autocomplete: "off", error: errors["periodHorizonYears"],
                hint: ctx.t(
                    "Untuk Pasal 17 huruf a–f jangka waktu yang berakhir lebih jauh ditolak (UU 14/2008 Pasal 20 ayat 1); untuk huruf g–j diberi peringatan. Bawaan 30.",
                    "Under Article 17 a–f a later end is refused (UU 14/2008 Art. 20(1)); under g–j it is warned. Default 30.")),
            FormFields.textarea(
                "legalBasis", published: .internalOnly,
                label: ctx.t("Mengingat pada surat penetapan (satu peraturan per baris)", "Statutes cited in decrees (one per line)"),
                value: form.legalBasis, error: errors["legalBasis"],
                hint: ctx.t(
                    "Tambahkan keputusan badan publik tentang penunjukan PPID-nya. Dikosongkan: UU 14/2008, PP 61/2010 dan Perki 1/2017.",
                    "Add the body's own decree appointing its PPID. Left empty: UU 14/2008, PP 61/2010 and Perki 1/2017.")),
            FormFields.textarea(
                "copiesTo", published: .internalOnly,
                label: ctx.t("Tembusan surat penetapan (satu per baris)", "Copies of decrees to (one per line)"),
                value: form.copiesTo, error: errors["copiesTo"])
        )
    }

    static func renderNewBody(
        _ req: Request, user: CurrentUser, form: BodyForm, errors: [String: String],
        status: HTTPStatus = .ok
    ) -> Response {
        let ctx = PageContext(req, user: user)
        return Layout.page(
            ctx, title: ctx.t("Badan publik baru", "New public body"), status: status,
            .h1(.text(ctx.t("Badan publik baru", "New public body"))),
            .form(
                .class("stack"), .action(SiteURL.adminNewBody.path), .method(.post), Layout.csrfField(ctx),
                bodyFields(ctx, form, errors), .button(.type(.submit), .text(ctx.t("Simpan", "Save"))))
        )
    }

    static func renderBody(
        _ req: Request, user: CurrentUser, body: PublicBody, form: BodyForm, errors: [String: String],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let ctx = PageContext(req, user: user)
        let units = try await body.$units.query(on: req.db).sort(\.$name).all()
        let tree = UnitTree(units)
        let library = req.application.dikelola.sopLibrary
        let missingYears = try await HolidayCoverage.missingYears(bodyID: try body.requireID(), app: req.application, on: req.db)
        return Layout.page(
            ctx, title: body.name, status: status,
            .h1(.text(body.name)),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .if(
                !missingYears.isEmpty,
                Layout.notice(
                    ctx.t(
                        "Hari libur tahun \(missingYears.map(String.init).joined(separator: ", ")) belum ada di berkas hari libur, padahal ada jangka waktu pengecualian yang berakhir di tahun itu: tenggat surat pembukaannya masih perkiraan (dihitung Senin–Jumat, kecuali hari libur nasional bertanggal tetap). Perbarui berkas hari libur (DIKELOLA_HOLIDAYS_FILE) setelah SKB hari libur terbit.",
                        "No holidays are known for \(missingYears.map(String.init).joined(separator: ", ")), yet exemptions end then: their opening-decree deadlines are provisional (Monday–Friday less the fixed-date national holidays). Update the holiday file once the decree is out."
                    ), kind: "error")),
            .p(
                .a(.href(SiteURL.adminUsers(body.id).path), .text(ctx.t("Pengguna dan peran", "People and roles"))), .text(" · "),
                .a(
                    .href(SiteURL.adminBodyArchive(body.id).path),
                    .text(ctx.t("Klasifikasi arsip dan JRA", "Archive codes and JRA"))),
                .text(" · "), .a(.href(SiteURL.adminBodyWebhook(body.id).path), .text("Webhook"))),
            .h2(.text(ctx.t("Unit", "Units"))),
            .table(
                .tr(
                    .th(.text(ctx.t("Unit", "Unit"))), .th(.text(ctx.t("PPID", "PPID"))),
                    .th(.text(ctx.t("SOP yang dijalankan", "SOP it runs")))),
                .forEach(tree.ordered) { entry in
                    .tr(
                        .td(
                            .span(.class("depth-\(min(entry.depth, 4))"), .text(String(repeating: "— ", count: entry.depth))),
                            .a(.href(SiteURL.adminUnit(body.id, entry.unit.id).path), .text(entry.unit.name))),
                        .td(
                            .text(entry.unit.hostsMainPPID ? "PPID Utama" : (entry.unit.hasAssistantPPID ? "PPID Pembantu" : "—"))
                        ),
                        .td(
                            .text(
                                entry.unit.sopID.flatMap { library.definition(id: $0) }.map {
                                    "\($0.identity.number) — \($0.identity.body)"
                                }
                                    ?? ctx.t("belum dipilih", "not chosen")))
                    )
                }
            ),
            .p(.a(.href(SiteURL.adminNewUnit(body.id).path), .text(ctx.t("Tambah unit", "Add a unit")))),
            .h2(.text(ctx.t("Logo kop surat", "Letterhead logo"))),
            .if(
                body.$logo.id != nil,
                .p(
                    .img(
                        .src(SiteURL.bodyLogo(body.id).path), .alt(ctx.t("Logo \(body.name)", "Logo of \(body.name)").attributeEscaped),
                        .class("logo")))),
            .form(
                .class("stack"), .action(SiteURL.adminBodyLogo(body.id).path), .method(.post), .enctype(.multipartData),
                Layout.csrfField(ctx),
                .div(
                    .class(errors["logo"] == nil ? "field" : "field invalid"),
                    .label(
                        .for("logo"),
                        .text(ctx.t("Berkas logo (PNG atau JPEG, paling besar 1 MB)", "Logo file (PNG or JPEG, at most 1 MB)"))),
                    .input(.type(.file), .id("logo"), .name("logo"), .attribute(named: "accept", value: "image/png,image/jpeg")),
                    .unwrap(errors["logo"]) { .p(.class("error"), .text($0)) }
                ),
                .button(.type(.submit), .text(ctx.t("Unggah logo", "Upload logo")))
            ),
            .h2(.text(ctx.t("Pengaturan", "Settings"))),
            .form(
                .class("stack"), .action(SiteURL.adminBodySettings(body.id).path), .method(.post), Layout.csrfField(ctx),
                bodyFields(ctx, form, errors), .button(.type(.submit), .text(ctx.t("Simpan pengaturan", "Save settings"))))
        )
    }

    static func renderUnit(
        _ req: Request, user: CurrentUser, body: PublicBody, unit: Unit?, form: UnitForm,
        errors: [String: String], status: HTTPStatus = .ok
    ) async throws -> Response {
        let ctx = PageContext(req, user: user)
        let units = try await body.$units.query(on: req.db).sort(\.$name).all()
        let excluded = unit?.id.map { UnitTree(units).descendants(of: $0).union([$0]) } ?? []
        let parents =
            [("", ctx.t("(tidak ada — langsung di bawah badan publik)", "(none — directly under the body)"))]
            + units.filter { !excluded.contains($0.storedID) }.map { ($0.storedID.uuidString, $0.name) }
        let sops =
            [("", ctx.t("(belum dipilih)", "(not chosen)"))]
            + req.application.dikelola.sopLibrary.definitions.map {
                ($0.id, "\($0.identity.number) — \($0.identity.name) (\($0.identity.body))")
            }
        let title = unit?.name ?? ctx.t("Unit baru", "New unit")
        let action = unit.map { SiteURL.adminUnit(body.id, $0.id) } ?? SiteURL.adminNewUnit(body.id)
        let staffing = try await unit.asyncMap { try await SOPStaffing.of($0, library: req.application.dikelola.sopLibrary, on: req.db) } ?? nil
        return Layout.page(
            ctx, title: title, status: status,
            .h1(.text(title)),
            .p(.a(.href(SiteURL.adminBody(body.id).path), .text("← \(body.name)"))),
            .unwrap(Sessions.takeNotice(req)) { Layout.notice($0, kind: "ok") },
            .form(
                .class("stack"), .action(action.path), .method(.post), Layout.csrfField(ctx),
                Layout.field(
                    "name", published: .published, label: ctx.t("Nama unit", "Unit name"), value: form.name, autocomplete: "off", error: errors["name"]),
                Layout.field(
                    "shortName", published: .internalOnly, label: ctx.t("Singkatan", "Abbreviation"), value: form.shortName, autocomplete: "off",
                    hint: ctx.t("Misalnya Diskominfo, DSPPA", "E.g. Diskominfo, DSPPA")),
                FormFields.select(
                    "parentID", published: .internalOnly, label: ctx.t("Unit induk", "Parent unit"), options: parents, selected: form.parentID,
                    error: errors["parentID"]),
                FormFields.checkbox(
                    "hostsMainPPID", label: ctx.t("Tempat kedudukan PPID Utama", "Seat of the PPID Utama"),
                    checked: form.hostsMainPPID != nil),
                .unwrap(errors["hostsMainPPID"]) { .p(.class("error"), .text($0)) },
                FormFields.checkbox(
                    "hasAssistantPPID", label: ctx.t("Memiliki PPID Pembantu", "Has a PPID Pembantu"),
                    checked: form.hasAssistantPPID != nil),
                FormFields.select(
                    "sopID", published: .internalOnly, label: ctx.t("SOP yang dijalankan", "SOP it runs"), options: sops, selected: form.sopID,
                    error: errors["sopID"]),
                .button(.type(.submit), .text(ctx.t("Simpan unit", "Save unit")))
            ),
            .unwrap(staffing) { staffingSection(ctx, body: body, $0) }
        )
    }

    /// Each actor of the unit's SOP with the people who hold its role here; one no one holds is a
    /// problem, named with the role to give.
    static func staffingSection(_ ctx: PageContext, body: PublicBody, _ staffing: SOPStaffing) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(ctx.t("Pelaksana SOP di unit ini", "The SOP's actors in this unit"))),
            .table(
                .tr(
                    .th(.text(ctx.t("Pelaksana menurut SOP", "Actor in the SOP"))), .th(.text(ctx.t("Peran", "Role"))),
                    .th(.text(ctx.t("Pemegang", "Held by")))),
                .forEach(staffing.actors) { actor in
                    .tr(
                        .td(.text(actor.title)), .td(.text(ctx.t(actor.role.indonesianTitle, actor.role.englishTitle))),
                        .td(
                            actor.holders.isEmpty
                                ? .span(
                                    .class("overdue"),
                                    .text(
                                        ctx.t(
                                            "Belum ada — berikan peran ini kepada pegawai yang ditunjuk",
                                            "No one — give this role to the officer appointed")))
                                : .text(actor.holders.map { "\($0.name) (\($0.position))" }.joined(separator: "; "))))
                }),
            .p(.a(.href(SiteURL.adminUsers(body.id).path), .text(ctx.t("Pengguna dan peran", "People and roles")))))
    }
}
