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

    /// A participant's line split as "Nama — Jabatan" (an em or en dash, or " - "); nil when it
    /// does not name both a person and a position.
    public static func person(_ line: String) -> (name: String, position: String)? {
        for separator in ["—", "–", " - "] {
            guard let range = line.range(of: separator) else { continue }
            let name = String(line[..<range.lowerBound]).trimmingWhitespace
            let position = String(line[range.upperBound...]).trimmingWhitespace
            guard name.filter(\.isLetter).count >= 2, position.filter(\.isLetter).count >= 2 else { return nil }
            return (name, position)
        }
        return nil
    }

    /// Whether a participant's line names a person whose position is a PPID (Utama or Pembantu).
    public static func isPPID(_ participant: String) -> Bool {
        guard let person = person(participant) else { return false }
        let words = Wording(person.position)
        if ["tanpa", "bukan", "selain"].contains(where: words.contains) { return false }
        return ppidWords.contains(where: words.contains)
    }

    /// How long before the decree a recorded meeting may lie: a test a year old no longer speaks
    /// for the information as it stands.
    public static let oldestMeetingDays = 366

    /// What keeps the meeting from supporting a decree dated `decreeDate`; empty when it can.
    public func problems(decreeDate: LocalDate) -> [Problem] {
        var found: [Problem] = []
        if date == nil || (place ?? "").trimmingWhitespace.isEmpty || participants.isEmpty {
            found.append(.notRecorded)
        } else if let line = participants.first(where: { Self.person($0) == nil }) {
            found.append(.participantUnreadable(line))
        } else if !participants.contains(where: Self.isPPID) {
            found.append(.withoutPPID)
        }
        if let date, date > decreeDate { found.append(.afterDecree(date)) }
        if let date, let oldest = try? decreeDate.adding(days: -Self.oldestMeetingDays), date < oldest {
            found.append(.tooOld(date))
        }
        return found
    }

    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        case notRecorded
        case withoutPPID
        case participantUnreadable(String)
        case afterDecree(LocalDate)
        case tooOld(LocalDate)

        /// Only the meeting's age: it may be recorded, but not carry a decree.
        public var isAge: Bool {
            if case .tooOld = self { return true }
            return false
        }

        /// The form field to mark.
        public var field: String {
            switch self {
            case .notRecorded: "meetingDate"
            case .withoutPPID, .participantUnreadable: "meetingParticipants"
            case .afterDecree, .tooOld: "meetingDate"
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
            case let .participantUnreadable(line):
                "Peserta \"\(line)\" tidak terbaca: tulis satu peserta per baris sebagai \"Nama — Jabatan\"."
            case let .tooOld(date):
                "Rapat uji \(IndonesianFormat.date(date)) lebih dari setahun sebelum penetapan: uji ulang informasinya."
            case let .afterDecree(date):
                "Tanggal rapat uji \(IndonesianFormat.date(date)) belum tiba: rapat dicatat setelah diadakan."
            }
        }
    }
}
