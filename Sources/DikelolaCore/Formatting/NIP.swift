/// Nomor Induk Pegawai: the 18-digit civil-servant number, e.g. `19860926 201505 1 001` —
/// birth date (8), month of appointment (6), sex (1: male, 2: female) and serial (3)
/// (Peraturan BKN on NIP; the same layout is used for PPPK).
public struct NIP: Hashable, Sendable, CustomStringConvertible {
    /// The 18 digits, without separators.
    public let digits: String
    public let birthDate: LocalDate
    public let appointmentYear: Int
    public let appointmentMonth: Int
    public let sex: Sex
    public let serial: Int

    public enum Sex: Int, Sendable { case male = 1, female = 2 }

    /// The youngest age at which one can be appointed (CPNS: 18 years).
    public static let minimumAppointmentAge = 18

    /// Reads a NIP typed with or without spaces (`19860926 201505 1 001`, `198609262015051001`).
    public init(_ text: String) throws(NIPError) {
        let compact = text.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        guard compact.count == 18 else { throw .wrongLength(compact.count) }
        guard compact.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notDigits }
        let d = compact.utf8.map { Int($0) - 48 }  // ASCII digits, checked above
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + d[$1] } }
        guard let birth = LocalDate(year: number(0..<4), month: number(4..<6), day: number(6..<8)) else {
            throw .invalidBirthDate(String(compact.prefix(8)))
        }
        let year = number(8..<12), month = number(12..<14)
        guard (1...12).contains(month), (1900...2999).contains(year) else {
            throw .invalidAppointmentMonth(String(Array(compact)[8..<14]))
        }
        let ageMonths = (year * 12 + month) - (birth.year * 12 + birth.month)
        guard ageMonths >= NIP.minimumAppointmentAge * 12 else {
            throw .appointedTooYoung(birth: birth, year: year, month: month)
        }
        guard let sex = Sex(rawValue: d[14]) else { throw .invalidSexDigit(d[14]) }
        let serial = number(15..<18)
        guard serial > 0 else { throw .zeroSerial }
        self.digits = compact
        self.birthDate = birth
        self.appointmentYear = year
        self.appointmentMonth = month
        self.sex = sex
        self.serial = serial
    }

    /// `19860926 201505 1 001`.
    public var formatted: String {
        let c = Array(digits)
        return String(c[0..<8]) + " " + String(c[8..<14]) + " " + String(c[14]) + " " + String(c[15..<18])
    }

    public var description: String { formatted }
}

public enum NIPError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongLength(Int)
    case notDigits
    case invalidBirthDate(String)
    case invalidAppointmentMonth(String)
    case appointedTooYoung(birth: LocalDate, year: Int, month: Int)
    case invalidSexDigit(Int)
    case zeroSerial

    public var description: String {
        switch self {
        case let .wrongLength(n):
            "NIP harus 18 angka; yang diisi \(n) angka."
        case .notDigits:
            "NIP hanya boleh berisi angka (spasi pemisah boleh)."
        case let .invalidBirthDate(text):
            "8 angka pertama NIP (\(text)) harus tanggal lahir yang ada, dalam bentuk TTTTBBHH."
        case let .invalidAppointmentMonth(text):
            "Angka ke-9 sampai ke-14 NIP (\(text)) harus tahun dan bulan pengangkatan, TTTTBB."
        case let .appointedTooYoung(birth, year, month):
            "Bulan pengangkatan \(IndonesianFormat.monthNames[month - 1]) \(year) terlalu dini: "
                + "pegawai lahir \(IndonesianFormat.date(birth)) belum berusia \(NIP.minimumAppointmentAge) tahun."
        case let .invalidSexDigit(digit):
            "Angka ke-15 NIP adalah jenis kelamin (1 laki-laki, 2 perempuan), bukan \(digit)."
        case .zeroSerial:
            "Tiga angka terakhir NIP (nomor urut) tidak boleh 000."
        }
    }
}
