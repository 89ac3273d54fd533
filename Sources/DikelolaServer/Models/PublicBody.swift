import DikelolaCore
import Fluent
import Foundation

/// A public body (Badan Publik) served by this deployment: a regency, a province, an agency.
final class PublicBody: Model, @unchecked Sendable {
    static let schema = "public_bodies"

    @ID(key: .id) var id: UUID?
    /// Short stable name used in URLs, e.g. `kabupaten-contoh`.
    @Field(key: "slug") var slug: String
    /// Official name, "Pemerintah Kabupaten Contoh".
    @Field(key: "name") var name: String
    /// Province or region, for the letterhead and public pages.
    @Field(key: "region") var region: String
    /// Tempat kedudukan, the place written on decrees ("Sanggau").
    @Field(key: "seat") var seat: String
    /// WIB, WITA or WIT: deadlines are computed in this zone.
    @Field(key: "time_zone") var timeZone: String
    /// Kop surat: the lines printed at the top of documents.
    @Field(key: "letterhead_lines") var letterheadLines: [String]
    /// The decree-number pattern, e.g. `000.5.10/{serial}/{romanMonth}/{year}`.
    @Field(key: "decree_number_template") var decreeNumberTemplate: String
    /// The logo printed in the letterhead.
    @OptionalParent(key: "logo_file_id") var logo: StoredFile?
    /// Where events are POSTed (the body's e-mail or messaging gateway), and the HMAC key they are signed with.
    @OptionalField(key: "webhook_url") var webhookURL: String?
    @OptionalField(key: "webhook_secret") var webhookSecret: String?
    /// The last day (ISO, in the body's zone) the daily sweep ran for this body.
    @OptionalField(key: "last_swept_on") var lastSweptOn: LocalDate?
    /// Years after the decree an exemption may end (UU 14/2008 Ps 20(1)); see `PeriodPolicy`.
    @Field(key: "period_horizon_years") var periodHorizonYears: Int
    /// "Senin–Kamis 07.30–16.00; Jumat 07.30–16.30": see `WorkingHours`.
    @Field(key: "working_hours") var workingHoursText: String
    /// Mengingat of its decrees, one statute per entry; nil for `Keputusan.defaultLegalBasis`.
    @OptionalField(key: "decree_legal_basis") var decreeLegalBasis: [String]?
    /// Tembusan of its decrees; nil for the PPID Utama and the archive.
    @OptionalField(key: "decree_copies_to") var decreeCopiesTo: [String]?
    @Children(for: \.$body) var units: [Unit]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, slug: String, name: String, region: String, timeZone: TimeZoneRegion,
        letterheadLines: [String], decreeNumberTemplate: String
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.region = region
        self.seat = ""
        self.timeZone = timeZone.rawValue
        self.letterheadLines = letterheadLines
        self.decreeNumberTemplate = decreeNumberTemplate
        self.periodHorizonYears = PeriodPolicy.standard.horizonYears
        self.workingHoursText = WorkingHours.civilService.description
    }

    /// The statutes under Mengingat: the body's list, or the three every such decree rests on.
    var legalBasis: [String] { (decreeLegalBasis ?? []).isEmpty ? Keputusan.defaultLegalBasis : decreeLegalBasis ?? [] }

    /// The recipients of copies of its decrees.
    var copiesTo: [String] {
        (decreeCopiesTo ?? []).isEmpty ? ["PPID Utama \(name)", "Arsip"] : decreeCopiesTo ?? []
    }

    /// The zone its deadlines are computed in (WIB when the stored name is unknown).
    var zone: TimeZoneRegion { TimeZoneRegion(rawValue: timeZone) ?? .wib }

    /// The hours its time standards count in; the civil-service schedule if the stored text is unreadable.
    var workingHours: WorkingHours { (try? WorkingHours.parse(workingHoursText)) ?? .civilService }

    /// The body's rules for periods, its stored horizon brought into the lawful range.
    var periodPolicy: PeriodPolicy { PeriodPolicy(clamping: periodHorizonYears) }
}

extension PublicBody {
    /// A body's public address: lower-case letters, digits and '-', at most 100 characters.
    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.count <= 100
            && slug.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
