/// What a password must be. Long beats complicated (NIST SP 800-63B): at least 10 characters, not
/// a well-known password, not the person's own e-mail, not one character repeated.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 128

    /// Passwords seen first in every guessing list, including the Indonesian ones.
    static let common: Set<String> = [
        "1234567890", "12345678910", "123456789a", "password123", "password1234", "qwertyuiop", "qwerty12345",
        "1q2w3e4r5t", "abcdefghij", "iloveyou123", "admin12345", "administrator", "katasandi", "katasandi123",
        "rahasia123", "rahasiaku1", "bismillah1", "bismillah123", "indonesia1", "indonesia123", "merdeka1945",
        "dikelola123", "passw0rd123", "welcome123", "sayangku123",
    ]

    /// Every rule the password breaks; empty means acceptable.
    public static func problems(with password: String, email: String?) -> [Problem] {
        var found: [Problem] = []
        if password.count < minimumLength { found.append(.tooShort) }
        if password.count > maximumLength { found.append(.tooLong) }
        let lowered = password.lowercased()
        if common.contains(lowered) { found.append(.tooCommon) }
        if let first = password.first, password.allSatisfy({ $0 == first }) { found.append(.oneCharacterRepeated) }
        if let local = email?.split(separator: "@").first.map({ String($0).lowercased() }), local.count >= 4,
            lowered.contains(local)
        {
            found.append(.containsEmail)
        }
        return found
    }

    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        case tooShort, tooLong, tooCommon, oneCharacterRepeated, containsEmail

        public var description: String {
            switch self {
            case .tooShort: "Kata sandi minimal \(PasswordPolicy.minimumLength) karakter."
            case .tooLong: "Kata sandi paling panjang \(PasswordPolicy.maximumLength) karakter."
            case .tooCommon: "Kata sandi ini terlalu umum dan mudah ditebak."
            case .oneCharacterRepeated: "Kata sandi tidak boleh satu karakter yang diulang."
            case .containsEmail: "Kata sandi tidak boleh memuat alamat e-mail Anda."
            }
        }

        public var english: String {
            switch self {
            case .tooShort: "The password must have at least \(PasswordPolicy.minimumLength) characters."
            case .tooLong: "The password may have at most \(PasswordPolicy.maximumLength) characters."
            case .tooCommon: "This password is too common and easy to guess."
            case .oneCharacterRepeated: "The password may not be one character repeated."
            case .containsEmail: "The password may not contain your e-mail address."
            }
        }
    }
}
