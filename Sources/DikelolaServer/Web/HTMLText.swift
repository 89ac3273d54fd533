import Plot

/// Text as the reader typed it. Plot escapes `<` and `>` but lets `&name;` and `&#…;` through as
/// entities, so a title typed as `&#8238;` became a right-to-left override and `&lt;b&gt;` showed as
/// markup (found by an outside probe). These declarations shadow Plot's within this module: every
/// `.text(…)` here escapes the ampersand too, and so shows exactly what was typed.
extension Node {
    static func text(_ text: String) -> Node { .raw(HTMLText.escaped(text)) }

    static func element(named name: String, text: String) -> Node {
        .element(named: name, nodes: [Node.raw(HTMLText.escaped(text))])
    }
}

enum HTMLText {
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
