import Plot
import DikelolaCore

/// Form controls beyond `Layout.field`: each labelled, with its error beside it.
enum FormFields {
    static func select(
        _ name: String, published: PublicRegister.FieldVisibility? = nil, label: String,
        options: [(value: String, label: String)], selected: String?, error: String? = nil, hint: String? = nil,
        idPrefix: String = ""
    ) -> Node<HTML.FormContext> {
        let id = idPrefix + name
        return .div(
            .class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(label), Layout.visibilityTag(published)),
            .unwrap(hint) { .small(.id("\(id)-hint"), .text($0)) },
            .select(
                .attribute(named: "id", value: id), .attribute(named: "name", value: name),
                .forEach(options) { option in
                    // Plot's <option> has no content; browsers and screen readers want the text inside.
                    .element(
                        named: "option",
                        nodes: [
                            .attribute(named: "value", value: option.value.attributeEscaped, ignoreIfValueIsEmpty: false),
                            .attribute(named: "selected", value: option.value == selected ? "selected" : nil),
                            .text(option.label),
                        ])
                }
            ),
            .unwrap(error) { .p(.class("error"), .id("\(id)-error"), .text($0)) }
        )
    }

    static func textarea(
        _ name: String, published: PublicRegister.FieldVisibility? = nil, label: String, value: String, rows: Int = 4,
        error: String? = nil, hint: String? = nil, idPrefix: String = ""
    ) -> Node<HTML.FormContext> {
        let id = idPrefix + name
        return .div(
            .class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(label), Layout.visibilityTag(published)),
            .unwrap(hint) { .small(.id("\(id)-hint"), .text($0)) },
            .textarea(.id(id), .name(name), .attribute(named: "rows", value: String(rows)), .text(value)),
            .unwrap(error) { .p(.class("error"), .id("\(id)-error"), .text($0)) }
        )
    }

    static func checkbox(_ id: String, label: String, checked: Bool, hint: String? = nil) -> Node<HTML.FormContext> {
        .div(
            .class("field check"),
            .label(
                .input(
                    .type(.checkbox), .id(id), .name(id), .value("on"),
                    .attribute(named: "checked", value: checked ? "checked" : nil)),
                .text(" " + label)
            ),
            .unwrap(hint) { .small(.text($0)) }
        )
    }
}
