/// Plot writes attribute values as they are given (`value="…"`), escaping only text nodes. Every
/// attribute that can carry what a person typed goes through this, so a title like
/// `Item "><i>X</i>` stays a value and never becomes markup.
extension String {
    var attributeEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
