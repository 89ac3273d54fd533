import Foundation

/// The register as the public sees it: only the columns a DIK is published with (No | Informasi |
/// Dasar hukum | Konsekuensi | Jangka waktu, with the unit, end date and decree) and the DIP's
/// columns for information opened from exemption. Everything the public side shows is built from
/// this type, so what it does not hold cannot leak: attachments, deliberations, notes, drafts,
/// proposals, people and history never enter it.
///
/// **The published set** (`Entry`'s fields, and nothing else): the register number; the title of
/// the information; the holding unit; the ground (Pasal 17 letter and point) and any other statute
/// cited; whether it is partly exempted (not which parts); the consequence if opened and if
/// withheld (the public-interest weighing, UU 14/2008 Ps 19, which the DIK publishes as its
/// "konsekuensi" column); the period, its end and review dates; the decree's number and date; the
/// status, and once opened: when, how (by law or by which decree) and the DIP's summary, person
/// responsible and retention. **Internal**: the item's description (uraian), which may describe
/// the exempted content itself; the test's reason (alasan), written for the decree's reasoning and
/// never shown to the officer as published; the parts blacked out; when, where and in which form
/// the record was made; archive codes and locations; meetings, memos, opinions, notes, files and
/// people. The forms say the same beside every field (`formFieldVisibility`).
public struct PublicRegister: Codable, Equatable, Sendable {
    /// Which published set and derivation a snapshot was made with. Raise it whenever a release
    /// changes what a snapshot holds or how a field is written: a body whose latest version has an
    /// older format is published again at start, and no other body is read (issue 16: a start
    /// independent of the register's size).
    public static let format = 1

    public struct Body: Codable, Equatable, Sendable {
        public var slug: String
        public var name: String
        public var timeZone: String

        public init(slug: String, name: String, timeZone: String) {
            self.slug = slug
            self.name = name
            self.timeZone = timeZone
        }
    }

    /// One entry of the DIK (exempted, ending soon, due for review) or one opened from it.
    public struct Entry: Codable, Equatable, Sendable, Identifiable {
        public enum Status: String, Codable, Sendable, CaseIterable {
            case exempted, endingSoon, reviewDue, opened
        }

        /// The register number, `DIK-2026-0001`: stable, never reused, the entry's public address.
        public var id: String
        public var title: String
        public var unit: String
        public var ground: String
        public var groundCode: String
        public var otherStatute: String?
        public var partly: Bool
        /// For an entry exempted in part, what stays open and is given (UU 14/2008 Ps 22(7)(e)).
        public var openPart: String?
        public var ifOpened: String
        public var ifClosed: String
        public var period: String
        public var endDate: LocalDate?
        public var reviewDate: LocalDate?
        public var decreeNumber: String
        public var decreeDate: LocalDate
        public var status: Status
        /// When it opened (by decree or by law) and how.
        public var openedOn: LocalDate?
        public var openedByLaw: Bool
        public var openingDecreeNumber: String?
        /// The objection decision or ruling that opened it (UU 14/2008 Ps 11(2)), as cited; nil
        /// otherwise, so earlier versions compare unchanged.
        public var openingRuling: String?
        /// The DIP's columns once opened.
        public var summary: String?
        public var responsible: String?
        public var retention: String?
        /// The decree was signed before Dikelola and registered as it was ("didaftarkan dari SK
        /// terdahulu"); nil for a decree issued here, so earlier versions compare unchanged.
        public var registeredFromEarlier: Bool?

        public init(
            id: String, title: String, unit: String, ground: String, groundCode: String,
            otherStatute: String?, partly: Bool, ifOpened: String, ifClosed: String, period: String,
            endDate: LocalDate?, reviewDate: LocalDate?, decreeNumber: String, decreeDate: LocalDate, status: Status,
            openedOn: LocalDate? = nil, openedByLaw: Bool = false, openingDecreeNumber: String? = nil, summary: String? = nil,
            responsible: String? = nil, retention: String? = nil, openPart: String? = nil, registeredFromEarlier: Bool = false,
            openingRuling: String? = nil
        ) {
            self.openingRuling = openingRuling
            self.registeredFromEarlier = registeredFromEarlier ? true : nil
            self.openPart = partly ? openPart : nil
            self.id = id
            self.title = title
            self.unit = unit
            self.ground = ground
            self.groundCode = groundCode
            self.otherStatute = otherStatute
            self.partly = partly
            self.ifOpened = ifOpened
            self.ifClosed = ifClosed
            self.period = period
            self.endDate = endDate
            self.reviewDate = reviewDate
            self.decreeNumber = decreeNumber
            self.decreeDate = decreeDate
            self.status = status
            self.openedOn = openedOn
            self.openedByLaw = openedByLaw
            self.openingDecreeNumber = openingDecreeNumber
            self.summary = summary
            self.responsible = responsible
            self.retention = retention
        }

        public var isExempted: Bool { status != .opened }

    }

    /// Whether a field of the officers' forms reaches the public register: each form shows it beside
    /// the field ("diumumkan" or "internal") before anything is typed.
    public enum FieldVisibility: String, Sendable {
        case published, internalOnly
    }

    /// The forms' fields by name, as the published set above decides them.
    public static let formFieldVisibility: [String: FieldVisibility] = {
        var map: [String: FieldVisibility] = [:]
        for name in [
            "title", "holdingUnitID", "ground", "otherStatute", "consequenceIfOpened", "consequenceIfClosed", "verdict",
            "periodKind", "years", "months", "days", "from", "end", "event", "reviewOn", "statute", "number", "summary",
            "responsible", "retention", "openPart",
        ] { map[name] = .published }
        for name in [
            "description", "reason", "parts", "form", "madeWhen", "madeWhere", "archiveCode", "building", "room", "cabinet",
            "box", "folder", "memoNumber", "memoText", "meetingDate", "meetingPlace", "meetingParticipants", "panelOpinion",
            "note", "decision", "requirement", "file", "stage", "grantee", "kind",
        ] { map[name] = .internalOnly }
        return map
    }()

    public var body: Body
    /// Sorted by the end of the exemption (the SOPs' order), then by number.
    public var entries: [Entry]

    public init(body: Body, entries: [Entry]) {
        self.body = body
        self.entries = entries.sorted(by: Self.order)
    }

    static func order(_ a: Entry, _ b: Entry) -> Bool {
        let ka = a.endDate ?? a.reviewDate ?? LocalDate.lastRepresentable
        let kb = b.endDate ?? b.reviewDate ?? LocalDate.lastRepresentable
        return ka == kb ? a.id < b.id : ka < kb
    }

    public var exempted: [Entry] { entries.filter(\.isExempted) }
    public var opened: [Entry] { entries.filter { !$0.isExempted } }

    /// "Dibuka tahun ini": entries opened in `year`, the latest first.
    public func opened(in year: Int) -> [Entry] {
        opened.filter { $0.openedOn?.year == year }
            .sorted { ($0.openedOn ?? .epoch, $0.id) > ($1.openedOn ?? .epoch, $1.id) }
    }

    /// Counts of the exempted entries by ground letter, by unit and by the year their period ends.
    public struct Statistics: Equatable, Sendable {
        public var byGround: [(key: String, count: Int)]
        public var byUnit: [(key: String, count: Int)]
        public var byEndYear: [(key: String, count: Int)]
        /// Openings (by decree or by law) per month, "2026-11", oldest first; months without any left out.
        public var openedByMonth: [(key: String, count: Int)] = []

        public static func == (a: Statistics, b: Statistics) -> Bool {
            a.byGround.map { "\($0.key)=\($0.count)" } == b.byGround.map { "\($0.key)=\($0.count)" }
                && a.byUnit.map { "\($0.key)=\($0.count)" } == b.byUnit.map { "\($0.key)=\($0.count)" }
                && a.byEndYear.map { "\($0.key)=\($0.count)" } == b.byEndYear.map { "\($0.key)=\($0.count)" }
                && a.openedByMonth.map { "\($0.key)=\($0.count)" } == b.openedByMonth.map { "\($0.key)=\($0.count)" }
        }

        /// The counts of entries described by (ground code, unit, end date, opened on).
        public static func of(
            _ entries: [(groundCode: String, unit: String, endDate: LocalDate?, openedOn: LocalDate?)], exempted: (Int) -> Bool
        ) -> Statistics {
            let indices = entries.indices
            func count(_ keys: [String]) -> [(key: String, count: Int)] {
                Dictionary(grouping: keys, by: { $0 }).map { (key: $0.key, count: $0.value.count) }.sorted { $0.key < $1.key }
            }
            let kept = indices.filter(exempted)
            return Statistics(
                byGround: count(kept.map { "Pasal 17 huruf \(entries[$0].groundCode.prefix(1))" }),
                byUnit: count(kept.map { entries[$0].unit }),
                byEndYear: count(kept.map { entries[$0].endDate.map { String($0.year) } ?? "tanpa tanggal" }),
                openedByMonth: count(
                    indices.filter { !exempted($0) }.compactMap { entries[$0].openedOn }
                        .map { String(format: "%04d-%02d", $0.year, $0.month) }))
        }
    }

    public var statistics: Statistics {
        Statistics.of(entries.map { ($0.groundCode, $0.unit, $0.endDate, $0.openedOn) }) { entries[$0].isExempted }
    }

    /// What changed from `earlier` to this register: entries added, opened, changed and removed.
    public struct Changes: Equatable, Sendable {
        public var added: [Entry] = []
        public var opened: [Entry] = []
        public var changed: [(before: Entry, after: Entry)] = []
        public var removed: [Entry] = []

        public var isEmpty: Bool { added.isEmpty && opened.isEmpty && changed.isEmpty && removed.isEmpty }

        public static func == (a: Changes, b: Changes) -> Bool {
            a.added == b.added && a.opened == b.opened && a.removed == b.removed
                && a.changed.map(\.after) == b.changed.map(\.after) && a.changed.map(\.before) == b.changed.map(\.before)
        }
    }

    public func changes(since earlier: PublicRegister?) -> Changes {
        var result = Changes()
        let before = Dictionary(uniqueKeysWithValues: (earlier?.entries ?? []).map { ($0.id, $0) })
        let now = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        for entry in entries {
            guard let old = before[entry.id] else {
                result.added.append(entry)
                continue
            }
            if old.isExempted, !entry.isExempted {
                result.opened.append(entry)
            } else if old != entry {
                result.changed.append((old, entry))
            }
        }
        result.removed = (earlier?.entries ?? []).filter { now[$0.id] == nil }
        return result
    }
}
