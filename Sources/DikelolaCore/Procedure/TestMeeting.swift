/// The meeting at which the consequence test was done. UU 14/2008 Ps 19 makes the test the PPID's
/// duty ("PPID di setiap Badan Publik wajib melakukan pengujian tentang konsekuensi"), and the
/// test sheet records the day, the place and who took part, each of whom signs it. So no decree
/// is issued until the meeting is recorded with a PPID among its participants.
public struct TestMeeting: Hashable, Sendable {
    public var date: LocalDate?
    public var place: String?
    /// One per line as typed: "Nama — Jabatan".
    public var participants: [String]

    public init(date: LocalDate?, place: String?, participants: [String]) {
        self.date = date
        self.place = place
        self.participants = participants
    }

    /// Words in a participant's line that name an information officer.
    public static let ppidWords = ["ppid", "pejabat pengelola informasi"]

    /// Whether a participant's line names a PPID (Utama or Pembantu).
    public static func isPPID(_ participant: String) -> Bool {
        let words = Wording(participant)
        return ppidWords.contains(where: words.contains)
    }

    /// What keeps the meeting from supporting a decree dated `decreeDate`; empty when it can.
    public func problems(decreeDate: LocalDate) -> [Problem] {
        var found: [Problem] = []
        if date == nil || (place ?? "").trimmingWhitespace.isEmpty || participants.isEmpty {
            found.append(.notRecorded)
        } else if !participants.contains(where: Self.isPPID) {
            found.append(.withoutPPID)
        }
        if let date, date > decreeDate { found.append(.afterDecree(date)) }
        return found
    }

    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        case notRecorded
        case withoutPPID
        case afterDecree(LocalDate)

        /// The form field to mark.
        public var field: String {
            switch self {
            case .notRecorded: "meetingDate"
            case .withoutPPID: "meetingParticipants"
            case .afterDecree: "meetingDate"
            }
        }

        public var description: String {
            switch self {
            case .notRecorded:
                "Tanggal, tempat dan peserta rapat uji konsekuensi belum dicatat: tanpa itu surat penetapan tidak dapat "
                    + "diterbitkan (UU 14/2008 Pasal 19)."
            case .withoutPPID:
                "Peserta rapat uji konsekuensi wajib memuat PPID (tulis jabatannya, misalnya \"Budi — PPID Pembantu\"): "
                    + "pengujian konsekuensi adalah kewajiban PPID (UU 14/2008 Pasal 19)."
            case let .afterDecree(date):
                "Tanggal rapat uji \(IndonesianFormat.date(date)) belum tiba: rapat dicatat setelah diadakan."
            }
        }
    }
}
