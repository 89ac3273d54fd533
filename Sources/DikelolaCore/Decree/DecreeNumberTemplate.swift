/// A body's pattern for decree numbers, such as `300.2.11/{serial}/{romanMonth}/{year}` giving
/// `300.2.11/1864/IV/2025`. The serial is the body's counter for the year, so the pattern must
/// contain `{serial}` and `{year}` to keep numbers unique.
public struct DecreeNumberTemplate: Hashable, Sendable {
    public let pattern: String

    /// `{serial}`, optionally zero-padded as `{serial:3}`; `{year}`; `{month}` (01–12);
    /// `{romanMonth}` (I–XII).
    public static let placeholders = ["serial", "year", "month", "romanMonth"]

    public init(_ pattern: String) throws(DecreeNumberTemplateError) {
        let trimmed = pattern.trimmingWhitespace
        guard !trimmed.isEmpty else { throw .empty }
        var names: [String] = []
        var rest = Substring(trimmed)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { throw .unclosedBrace }
            let inside = rest[rest.index(after: open)..<close]
            let parts = inside.split(separator: ":", maxSplits: 1).map(String.init)
            guard let name = parts.first, Self.placeholders.contains(name) else { throw .unknownPlaceholder(String(inside)) }
            if parts.count == 2 {
                guard name == "serial", let width = Int(parts[1]), (1...8).contains(width) else {
                    throw .unknownPlaceholder(String(inside))
                }
            }
            names.append(name)
            rest = rest[rest.index(after: close)...]
        }
        if rest.contains("}") { throw .unclosedBrace }
        guard names.contains("serial") else { throw .missing("serial") }
        guard names.contains("year") else { throw .missing("year") }
        self.pattern = trimmed
    }

    /// The number for `serial` on `date`: `300.2.11/1864/IV/2025`.
    public func number(serial: Int, date: LocalDate) -> String {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let parts = rest[rest.index(after: open)..<close].split(separator: ":").map(String.init)
            switch parts[0] {
            case "serial":
                let digits = String(serial)
                let width = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
                result += String(repeating: "0", count: max(0, width - digits.count)) + digits
            case "year": result += String(date.year)
            case "month": result += date.month < 10 ? "0\(date.month)" : "\(date.month)"
            default: result += IndonesianFormat.romanMonth(date)
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

public enum DecreeNumberTemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case unclosedBrace
    case unknownPlaceholder(String)
    case missing(String)

    public var description: String {
        switch self {
        case .empty: "Pola nomor surat penetapan wajib diisi, misalnya 000.5.10/{serial}/PPID/{romanMonth}/{year}."
        case .unclosedBrace: "Pola nomor memiliki kurung kurawal { } yang tidak berpasangan."
        case let .unknownPlaceholder(name):
            "Penanda {\(name)} tidak dikenal; yang dikenal: {serial}, {serial:3}, {year}, {month}, {romanMonth}."
        case let .missing(name):
            "Pola nomor wajib memuat {\(name)} agar setiap nomor unik per badan publik dan tahun."
        }
    }
}
