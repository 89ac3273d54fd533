import Foundation
import Vapor

/// Every path of the application, in one place: the same value registers a route and builds each
/// link to it, so no path is written twice. Paths are in Bahasa Indonesia, as users see them.
///
/// A case with an identifier builds a link when given one (`.adminBody(id)`) and registers the
/// route's parameter when given nil (`.adminBody(nil)` → `/admin/badan-publik/:body`).
enum SiteURL: Equatable {
    case home
    case login
    case logout
    case changePassword
    case apiTokens
    case revokeApiToken(UUID?)
    case stylesheet
    case script
    case periodPreview
    case health

    case admin
    case adminNewBody
    case adminBody(UUID?)
    case adminBodySettings(UUID?)
    case adminBodyLogo(UUID?)
    case bodyLogo(UUID?)
    case adminNewUnit(UUID?)
    case adminUnit(UUID?, UUID?)
    case adminUsers(UUID?)
    case adminNewUser(UUID?)
    case adminUser(UUID?)
    case adminUserStatus(UUID?)
    case adminUserReset(UUID?)
    case adminUserRoles(UUID?)
    case adminUserRoleRemove(UUID?, UUID?)

    case unit(UUID?)
    case unitOpenProposal(UUID?)
    case unitRegister(UUID?)
    case bodyRegister(UUID?)
    case proposal(UUID?)
    case proposalAddItem(UUID?)
    case proposalItem(UUID?, UUID?)
    case proposalItemRemove(UUID?, UUID?)
    case proposalTest(UUID?, UUID?)
    case proposalLocation(UUID?, UUID?)
    case proposalUpload(UUID?)
    case proposalMemo(UUID?)
    case proposalOpinion(UUID?)
    case proposalMeeting(UUID?)
    case proposalTestSheet(UUID?)
    case proposalDraftDecree(UUID?)
    case proposalTestSheetPDF(UUID?)
    case decreePDF(UUID?)
    case unitRegisterPDF(UUID?)
    case proposalStep(UUID?, Int?)
    case proposalDocument(UUID?, UUID?)
    case decree(UUID?)
    case decreeNumber(UUID?)
    case decreeScan(UUID?)
    case decreeElectronic(UUID?)
    case decreeElectronicFile(UUID?, UUID?)
    case unitImport(UUID?)
    case importDraft(UUID?)
    case importCorrections(UUID?)
    case importConfirm(UUID?)
    case importDiscard(UUID?)

    case unitEnding(UUID?)
    case unitStartPeriodAction(UUID?)
    case periodAction(UUID?)
    case periodActionItem(UUID?, UUID?)
    case periodActionTest(UUID?, UUID?)
    case periodActionRemove(UUID?, UUID?)
    case periodActionSubmit(UUID?)
    case periodActionCancel(UUID?)
    case periodActionDecide(UUID?)
    case bodyDIP(UUID?)
    case registerEntry(UUID?)
    case entryDispute(UUID?)
    case entryDossier(UUID?)
    case entryOpenLikewise(UUID?)
    case entryDossierPDF(UUID?)
    case entryDossierZIP(UUID?)
    case disputeDates(UUID?)
    case disputeRuling(UUID?)
    case rulingLegalForce(UUID?)
    case rulingDocument(UUID?)
    case unitArchive(UUID?)
    case archiveItem(UUID?)
    case archiveItemStage(UUID?)
    case archiveItemPermission(UUID?)
    case archiveItemPermissionRevoke(UUID?)
    case notifications
    case notificationsRead
    case adminBodyArchive(UUID?)
    case adminArchiveClass(UUID?)
    case adminRetentionRow(UUID?)
    case adminBodyWebhook(UUID?)

    /// The public side, no sign-in: the static register of every body (`PublicSite`), and search.
    case publicRoot
    case publicHome(UILanguage)
    case publicSearch
    case publicBody(String?)
    case publicCompare(String?)
    /// A file of a body's current version (`index.html`, `dik.json`, `entri/DIK-….html`); nil for
    /// the route, which takes any path below.
    case publicCurrent(String?, String?)
    case publicVersion(String?, Int?, String?)

    case apiMe
    case apiOpenAPI
    case apiUnitProposals(UUID?)
    case apiProposal(UUID?)
    case apiProposalItems(UUID?)
    case apiProposalItem(UUID?, UUID?)
    case apiItemTest(UUID?, UUID?)
    case apiItemLocation(UUID?, UUID?)
    case apiProposalDocuments(UUID?)
    case apiProposalMemo(UUID?)
    case apiProposalMeeting(UUID?)
    case apiProposalOpinion(UUID?)
    case apiProposalStep(UUID?, Int?)
    case apiDecree(UUID?)
    case apiDecreeNumber(UUID?)
    case apiDecreeScan(UUID?)
    case apiImport(UUID?)
    case apiImportConfirm(UUID?)
    case apiUnitRegister(UUID?)
    case apiBodyRegister(UUID?)

    var path: String { "/" + components.joined(separator: "/") }

    var components: [String] {
        func id(_ value: UUID?, _ name: String) -> String { value?.uuidString.lowercased() ?? ":\(name)" }
        // A body's address and a file's path come from data: each segment percent-encoded, so
        // no value can add a segment, a query, or a line to a header (`Location`).
        func segments(_ path: String) -> [String] {
            path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? "" }
        }
        func slug(_ value: String?) -> String {
            value.map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? "" } ?? ":slug"
        }
        switch self {
        case .home: return []
        case .login: return ["masuk"]
        case .logout: return ["keluar"]
        case .changePassword: return ["akun", "kata-sandi"]
        case .apiTokens: return ["akun", "token"]
        case let .revokeApiToken(token): return ["akun", "token", id(token, "token"), "cabut"]
        case .stylesheet: return ["aset", "dikelola.css"]
        case .script: return ["aset", "dikelola.js"]
        case .periodPreview: return ["periode", "pratinjau"]
        case .health: return ["health"]
        case .admin: return ["admin"]
        case .adminNewBody: return ["admin", "badan-publik", "baru"]
        case let .adminBody(body): return ["admin", "badan-publik", id(body, "body")]
        case let .adminBodySettings(body): return ["admin", "badan-publik", id(body, "body"), "pengaturan"]
        case let .adminBodyLogo(body): return ["admin", "badan-publik", id(body, "body"), "logo"]
        case let .bodyLogo(body): return ["berkas", "logo", id(body, "body")]
        case let .adminNewUnit(body): return ["admin", "badan-publik", id(body, "body"), "unit", "baru"]
        case let .adminUnit(body, unit): return ["admin", "badan-publik", id(body, "body"), "unit", id(unit, "unit")]
        case let .adminUsers(body): return ["admin", "badan-publik", id(body, "body"), "pengguna"]
        case let .adminNewUser(body): return ["admin", "badan-publik", id(body, "body"), "pengguna", "baru"]
        case let .adminUser(user): return ["admin", "pengguna", id(user, "user")]
        case let .adminUserStatus(user): return ["admin", "pengguna", id(user, "user"), "status"]
        case let .adminUserReset(user): return ["admin", "pengguna", id(user, "user"), "reset"]
        case let .adminUserRoles(user): return ["admin", "pengguna", id(user, "user"), "peran"]
        case let .adminUserRoleRemove(user, role):
            return ["admin", "pengguna", id(user, "user"), "peran", id(role, "assignment"), "hapus"]
        case let .unit(unit): return ["unit", id(unit, "unit")]
        case let .unitOpenProposal(unit): return ["unit", id(unit, "unit"), "usulan"]
        case let .unitRegister(unit): return ["unit", id(unit, "unit"), "dik"]
        case let .unitRegisterPDF(unit): return ["unit", id(unit, "unit"), "dik", "pdf"]
        case let .bodyRegister(body): return ["badan-publik", id(body, "body"), "dik"]
        case let .proposal(proposal): return ["usulan", id(proposal, "proposal")]
        case let .proposalAddItem(proposal): return ["usulan", id(proposal, "proposal"), "informasi"]
        case let .proposalItem(proposal, item): return ["usulan", id(proposal, "proposal"), "informasi", id(item, "item")]
        case let .proposalItemRemove(proposal, item):
            return ["usulan", id(proposal, "proposal"), "informasi", id(item, "item"), "hapus"]
        case let .proposalTest(proposal, item): return ["usulan", id(proposal, "proposal"), "informasi", id(item, "item"), "uji"]
        case let .proposalLocation(proposal, item):
            return ["usulan", id(proposal, "proposal"), "informasi", id(item, "item"), "lokasi"]
        case let .proposalUpload(proposal): return ["usulan", id(proposal, "proposal"), "berkas"]
        case let .proposalMemo(proposal): return ["usulan", id(proposal, "proposal"), "nota-dinas"]
        case let .proposalOpinion(proposal): return ["usulan", id(proposal, "proposal"), "pertimbangan"]
        case let .proposalMeeting(proposal): return ["usulan", id(proposal, "proposal"), "rapat-uji"]
        case let .proposalTestSheet(proposal): return ["usulan", id(proposal, "proposal"), "lembar-uji"]
        case let .proposalDraftDecree(proposal): return ["usulan", id(proposal, "proposal"), "rancangan-keputusan"]
        case let .proposalTestSheetPDF(proposal): return ["usulan", id(proposal, "proposal"), "lembar-uji", "pdf"]
        case let .decreePDF(decree): return ["sk", id(decree, "decree"), "pdf"]
        case let .proposalStep(proposal, step):
            return ["usulan", id(proposal, "proposal"), "langkah", step.map(String.init) ?? ":step"]
        case let .proposalDocument(proposal, document):
            return ["usulan", id(proposal, "proposal"), "berkas", id(document, "document")]
        case let .decree(decree): return ["sk", id(decree, "decree")]
        case let .decreeNumber(decree): return ["sk", id(decree, "decree"), "nomor"]
        case let .decreeScan(decree): return ["sk", id(decree, "decree"), "pindaian"]
        case let .decreeElectronic(decree): return ["sk", id(decree, "decree"), "tte"]
        case let .decreeElectronicFile(decree, signature):
            return ["sk", id(decree, "decree"), "tte", id(signature, "signature")]
        case let .unitImport(unit): return ["unit", id(unit, "unit"), "impor"]
        case let .importDraft(record): return ["impor", id(record, "import")]
        case let .importCorrections(record): return ["impor", id(record, "import"), "perbaikan"]
        case let .importConfirm(record): return ["impor", id(record, "import"), "konfirmasi"]
        case let .importDiscard(record): return ["impor", id(record, "import"), "batal"]
        case let .unitEnding(unit): return ["unit", id(unit, "unit"), "akan-berakhir"]
        case let .unitStartPeriodAction(unit): return ["unit", id(unit, "unit"), "tindak-lanjut"]
        case let .periodAction(action): return ["tindak-lanjut", id(action, "action")]
        case let .periodActionItem(action, item): return ["tindak-lanjut", id(action, "action"), "informasi", id(item, "item")]
        case let .periodActionTest(action, item):
            return ["tindak-lanjut", id(action, "action"), "informasi", id(item, "item"), "uji"]
        case let .periodActionRemove(action, item):
            return ["tindak-lanjut", id(action, "action"), "informasi", id(item, "item"), "hapus"]
        case let .periodActionSubmit(action): return ["tindak-lanjut", id(action, "action"), "ajukan"]
        case let .periodActionCancel(action): return ["tindak-lanjut", id(action, "action"), "batalkan"]
        case let .periodActionDecide(action): return ["tindak-lanjut", id(action, "action"), "putusan"]
        case let .bodyDIP(body): return ["badan-publik", id(body, "body"), "dip"]
        case let .registerEntry(entry): return ["dik", id(entry, "entry")]
        case let .entryDispute(entry): return ["dik", id(entry, "entry"), "sengketa"]
        case let .entryDossier(entry): return ["dik", id(entry, "entry"), "berkas-bukti"]
        case let .entryOpenLikewise(entry): return ["dik", id(entry, "entry"), "buka-sesuai-putusan"]
        case let .entryDossierPDF(entry): return ["dik", id(entry, "entry"), "berkas-bukti", "pdf"]
        case let .entryDossierZIP(entry): return ["dik", id(entry, "entry"), "berkas-bukti", "zip"]
        case let .disputeDates(dispute): return ["sengketa", id(dispute, "dispute"), "tanggal"]
        case let .disputeRuling(dispute): return ["sengketa", id(dispute, "dispute"), "putusan"]
        case let .rulingLegalForce(ruling): return ["putusan", id(ruling, "ruling"), "berkekuatan-hukum-tetap"]
        case let .rulingDocument(ruling): return ["putusan", id(ruling, "ruling"), "dokumen"]
        case let .unitArchive(unit): return ["unit", id(unit, "unit"), "arsip"]
        case let .archiveItem(item): return ["arsip", id(item, "item")]
        case let .archiveItemStage(item): return ["arsip", id(item, "item"), "tahap"]
        case let .archiveItemPermission(item): return ["arsip", id(item, "item"), "izin"]
        case let .archiveItemPermissionRevoke(item): return ["arsip", id(item, "item"), "izin", "cabut"]
        case .notifications: return ["pemberitahuan"]
        case .notificationsRead: return ["pemberitahuan", "dibaca"]
        case let .adminBodyArchive(body): return ["admin", "badan-publik", id(body, "body"), "arsip"]
        case let .adminArchiveClass(body): return ["admin", "badan-publik", id(body, "body"), "arsip", "kode"]
        case let .adminRetentionRow(body): return ["admin", "badan-publik", id(body, "body"), "arsip", "jra"]
        case let .adminBodyWebhook(body): return ["admin", "badan-publik", id(body, "body"), "webhook"]
        case .publicRoot: return ["publik"]
        case let .publicHome(language): return ["publik", PublicPages.homeName(language)]
        case .publicSearch: return ["publik", "cari"]
        case let .publicBody(value): return ["publik", slug(value)]
        case let .publicCompare(value): return ["publik", slug(value), "banding"]
        case let .publicCurrent(value, file): return ["publik", slug(value), "terkini"] + (file.map(segments) ?? ["**"])
        case let .publicVersion(value, version, file):
            return ["publik", slug(value), "versi", version.map(String.init) ?? ":version"] + (file.map(segments) ?? ["**"])
        case .apiMe: return ["api", "v1", "me"]
        case .apiOpenAPI: return ["api", "v1", "openapi.json"]
        case let .apiUnitProposals(unit): return ["api", "v1", "units", id(unit, "unit"), "proposals"]
        case let .apiProposal(proposal): return ["api", "v1", "proposals", id(proposal, "proposal")]
        case let .apiProposalItems(proposal): return ["api", "v1", "proposals", id(proposal, "proposal"), "items"]
        case let .apiProposalItem(proposal, item):
            return ["api", "v1", "proposals", id(proposal, "proposal"), "items", id(item, "item")]
        case let .apiItemTest(proposal, item):
            return ["api", "v1", "proposals", id(proposal, "proposal"), "items", id(item, "item"), "test"]
        case let .apiItemLocation(proposal, item):
            return ["api", "v1", "proposals", id(proposal, "proposal"), "items", id(item, "item"), "location"]
        case let .apiProposalDocuments(proposal): return ["api", "v1", "proposals", id(proposal, "proposal"), "documents"]
        case let .apiProposalMemo(proposal): return ["api", "v1", "proposals", id(proposal, "proposal"), "memo"]
        case let .apiProposalMeeting(proposal): return ["api", "v1", "proposals", id(proposal, "proposal"), "meeting"]
        case let .apiProposalOpinion(proposal): return ["api", "v1", "proposals", id(proposal, "proposal"), "opinion"]
        case let .apiProposalStep(proposal, step):
            return ["api", "v1", "proposals", id(proposal, "proposal"), "steps", step.map(String.init) ?? ":step", "complete"]
        case let .apiDecree(decree): return ["api", "v1", "decrees", id(decree, "decree")]
        case let .apiDecreeNumber(decree): return ["api", "v1", "decrees", id(decree, "decree"), "number"]
        case let .apiDecreeScan(decree): return ["api", "v1", "decrees", id(decree, "decree"), "scan"]
        case let .apiImport(record): return ["api", "v1", "imports", id(record, "import")]
        case let .apiImportConfirm(record): return ["api", "v1", "imports", id(record, "import"), "confirm"]
        case let .apiUnitRegister(unit): return ["api", "v1", "units", id(unit, "unit"), "register"]
        case let .apiBodyRegister(body): return ["api", "v1", "bodies", id(body, "body"), "register"]
        }
    }

    static let segmentCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;?#%"))

    var pathComponents: [PathComponent] {
        components.map {
            $0 == "**" ? .catchall : $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant($0)
        }
    }

    /// The path with a query, e.g. `/masuk?lanjut=%2Fakun`.
    func with(query: [String: String]) -> String {
        var url = URLComponents()
        url.path = path
        url.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return url.string ?? path
    }
}

extension Request {
    /// A route parameter that must be a whole number; anything else is "not found".
    func number(_ name: String) throws -> Int {
        guard let text = parameters.get(name), let value = Int(text) else { throw Refusal.notFound }
        return value
    }

    /// A route parameter that must be a UUID; anything else is "not found", never a server error.
    func id(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw Refusal.notFound }
        return id
    }
}
